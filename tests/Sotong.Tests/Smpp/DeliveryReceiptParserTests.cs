using System.Text;
using Sotong.Smpp.Pdus;
using Sotong.Smpp.Text;

namespace Sotong.Tests.Smpp;

public sealed class DeliveryReceiptParserTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 6, 1, 3, 2, 0, TimeSpan.Zero);

    [Fact]
    public void Given_an_appendix_B_receipt_text_Then_id_status_error_and_dates_are_read()
    {
        var receipt = DeliveryReceiptParser.TryParse(
            Receipt("id:7F3A0001 sub:001 dlvrd:001 submit date:2506011200 done date:2506011201 stat:DELIVRD err:000 text:안내"),
            ReceivedAt);

        receipt.ShouldNotBeNull();
        receipt.MessageId.ShouldBe("7F3A0001");
        receipt.Status.ShouldBe("DELIVRD");
        receipt.IsDelivered.ShouldBeTrue();
        receipt.ErrorCode.ShouldBe("000");
        receipt.SubmitDate.ShouldBe(new DateTime(2025, 6, 1, 12, 0, 0));
        receipt.DoneDate.ShouldBe(new DateTime(2025, 6, 1, 12, 1, 0));
        receipt.SourceAddress.ShouldBe("01012345678");
        receipt.DestinationAddress.ShouldBe("1588");
        receipt.ReceivedAt.ShouldBe(ReceivedAt);
    }

    [Fact]
    public void Given_a_failed_receipt_with_seconds_and_lower_case_keys_Then_it_is_read_as_undelivered()
    {
        var receipt = DeliveryReceiptParser.TryParse(
            Receipt("Id:msg_9 Sub:001 Dlvrd:000 Submit date:250601120030 Done date:250601130045 Stat:undeliv Err:034"),
            ReceivedAt);

        receipt.ShouldNotBeNull();
        receipt.MessageId.ShouldBe("msg_9"); // read as ASCII: GSM 7-bit would have turned '_' into '§'
        receipt.Status.ShouldBe("UNDELIV");
        receipt.IsDelivered.ShouldBeFalse();
        receipt.ErrorCode.ShouldBe("034");
        receipt.DoneDate.ShouldBe(new DateTime(2025, 6, 1, 13, 0, 45));
    }

    [Fact]
    public void Given_receipted_message_id_and_message_state_parameters_Then_they_win_over_a_missing_or_other_text()
    {
        var receipt = DeliveryReceiptParser.TryParse(
            Receipt("id:0000000042 sub:001 dlvrd:001", Tlv.CString(TlvTag.ReceiptedMessageId, "2A"), Tlv.UInt8(TlvTag.MessageState, 5)),
            ReceivedAt);

        receipt.ShouldNotBeNull();
        receipt.MessageId.ShouldBe("2A");
        receipt.Status.ShouldBe("UNDELIV");
        receipt.SubmitDate.ShouldBeNull();
    }

    [Fact]
    public void Given_a_receipt_naming_no_message_Then_there_is_nothing_to_match()
    {
        DeliveryReceiptParser.TryParse(Receipt("stat:DELIVRD err:000"), ReceivedAt).ShouldBeNull();
        DeliveryReceiptParser.TryParse(Receipt("this is not a receipt"), ReceivedAt).ShouldBeNull();
    }

    private static DeliverSm Receipt(string text, params Tlv[] tlvs) => new()
    {
        SourceAddr = "01012345678",
        DestinationAddr = "1588",
        EsmClass = 0x04,
        ShortMessage = Encoding.UTF8.GetBytes(text),
        Tlvs = tlvs,
    };
}
