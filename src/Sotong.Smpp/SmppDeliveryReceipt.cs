namespace Sotong.Smpp;

/// <summary>
/// A delivery receipt (deliver_sm with esm_class 0x04) for a message we submitted. <see cref="Status"/> is the
/// receipt's stat (DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN, REJECTD, ENROUTE). The dates are as
/// the SMSC wrote them, in its local time, without a zone: do not compare them with UTC instants.
/// SourceAddress is the phone the message went to; DestinationAddress is our sender address.
/// </summary>
public sealed record SmppDeliveryReceipt(
    string MessageId,
    string Status,
    string? ErrorCode,
    DateTime? SubmitDate,
    DateTime? DoneDate,
    string SourceAddress,
    string DestinationAddress,
    DateTimeOffset ReceivedAt)
{
    public bool IsDelivered => Status == "DELIVRD";

    public override string ToString() =>
        $"SmppDeliveryReceipt {{ MessageId = {MessageId}, Status = {Status}, ErrorCode = {ErrorCode}, " +
        $"SourceAddress = {AddressMask.Mask(SourceAddress)}, DestinationAddress = {AddressMask.Mask(DestinationAddress)}, ReceivedAt = {ReceivedAt:O} }}";
}
