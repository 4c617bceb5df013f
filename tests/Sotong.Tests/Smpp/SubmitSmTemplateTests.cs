using Sotong.Smpp.Pdus;

namespace Sotong.Tests.Smpp;

public sealed class SubmitSmTemplateTests
{
    private static readonly SubmitSm Submit = new()
    {
        ServiceType = "CMT",
        SourceAddrTon = 5,
        SourceAddrNpi = 0,
        SourceAddr = "0120",
        DestAddrTon = 1,
        DestAddrNpi = 1,
        EsmClass = 0,
        PriorityFlag = 1,
        ValidityPeriod = "000001000000000R",
        RegisteredDelivery = 1,
        DataCoding = 0x08,
        ShortMessage = new byte[] { 0xC5, 0x48, 0xB1, 0x55 }, // "안녕" in UTF-16BE
        Tlvs = [new Tlv(0x0204, new byte[] { 0x00, 0x07 })],
    };

    [Theory]
    [InlineData("01012345678", 7u)]
    [InlineData("8", 0x7FFFFFFFu)]
    [InlineData("+821012345678901234", 1u)]
    public void Given_a_destination_When_framed_from_the_template_Then_the_bytes_are_the_codec_s_for_that_submit_sm(string destination, uint sequence)
    {
        var template = new SubmitSmTemplate(Submit);

        var frame = template.Frame(destination, sequence);

        Convert.ToHexString(frame).ShouldBe(Convert.ToHexString(PduCodec.Encode(Submit with { DestinationAddr = destination, SequenceNumber = sequence })));
        var decoded = PduCodec.Decode(frame).ShouldBeOfType<SubmitSm>();
        decoded.DestinationAddr.ShouldBe(destination);
        decoded.SequenceNumber.ShouldBe(sequence);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("01012345678", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("123456789012345678901", false)] // 21 characters: destination_addr holds 20 and its NUL
    [InlineData("010-1234\u00005678", false)]
    [InlineData("０１０１２３４５６７８", false)] // full-width digits are not ASCII
    [InlineData("010\n1234", false)]
    public void Given_a_destination_Then_it_is_valid_only_as_1_to_20_printable_ASCII_characters(string? destination, bool valid) =>
        SubmitSmTemplate.IsValidDestination(destination).ShouldBe(valid);
}
