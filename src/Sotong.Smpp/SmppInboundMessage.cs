namespace Sotong.Smpp;

/// <summary>A text from a phone, reassembled from its parts and decoded; Parts is how many deliver_sm it came in.</summary>
public sealed record SmppInboundMessage(
    string SourceAddress,
    string DestinationAddress,
    string Text,
    SmppDataCoding DataCoding,
    DateTimeOffset ReceivedAt,
    int Parts = 1)
{
    // The compiler's ToString would print the number and the text; anything that logs the record must not.
    public override string ToString() =>
        $"SmppInboundMessage {{ SourceAddress = {AddressMask.Mask(SourceAddress)}, DestinationAddress = {AddressMask.Mask(DestinationAddress)}, " +
        $"Text = ({Text.Length} chars), DataCoding = {DataCoding}, ReceivedAt = {ReceivedAt:O}, Parts = {Parts} }}";
}
