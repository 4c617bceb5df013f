using Microsoft.Extensions.Time.Testing;
using Sotong.Smpp;
using Sotong.Smpp.Pdus;
using Sotong.Smpp.Text;

namespace Sotong.Tests.Smpp;

public sealed class SmsReassemblerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly string[] Chunks = ["안녕하세요, ", "중구청 민원실 ", "답변 감사합니다"];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero));

    public static TheoryData<int[]> Orders => new() { new[] { 1, 2, 3 }, new[] { 3, 1, 2 }, new[] { 2, 3, 1 }, new[] { 3, 2, 1 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Given_parts_with_an_8_bit_UDH_in_any_order_Then_the_text_is_whole_once_the_last_arrives(int[] order)
    {
        var reassembler = new SmsReassembler(_time, Timeout);

        var results = order.Select(seq => reassembler.Add(Part(seq, [0x05, 0x00, 0x03, 0x7E, 0x03, (byte)seq]))).ToList();

        results.Take(2).ShouldAllBe(m => m == null);
        var message = results[2].ShouldNotBeNull();
        message.Text.ShouldBe(string.Concat(Chunks));
        message.Parts.ShouldBe(3);
        message.SourceAddress.ShouldBe("01012345678");
        message.DestinationAddress.ShouldBe("1588");
        message.DataCoding.ShouldBe(SmppDataCoding.Ucs2);
        message.ReceivedAt.ShouldBe(_time.GetUtcNow());
        reassembler.PendingCount.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Given_parts_with_a_16_bit_UDH_in_any_order_Then_the_text_is_whole(int[] order)
    {
        var reassembler = new SmsReassembler(_time, Timeout);

        var message = order.Select(seq => reassembler.Add(Part(seq, [0x06, 0x08, 0x04, 0x12, 0x34, 0x03, (byte)seq]))).ToList()[^1];

        message.ShouldNotBeNull().Text.ShouldBe(string.Concat(Chunks));
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Given_parts_marked_by_sar_parameters_in_any_order_Then_the_text_is_whole(int[] order)
    {
        var reassembler = new SmsReassembler(_time, Timeout);

        var message = order.Select(seq => reassembler.Add(SarPart(seq, reference: 0x0102))).ToList()[^1];

        message.ShouldNotBeNull().Text.ShouldBe(string.Concat(Chunks));
        message.Parts.ShouldBe(3);
    }

    [Fact]
    public void Given_the_same_reference_from_two_phones_Then_their_parts_are_not_mixed()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        byte[] Header(int seq) => [0x05, 0x00, 0x03, 0x01, 0x02, (byte)seq];

        reassembler.Add(Part(1, Header(1), source: "01011112222")).ShouldBeNull();
        reassembler.Add(Part(2, Header(2), source: "01033334444")).ShouldBeNull();
        reassembler.PendingCount.ShouldBe(2);
        reassembler.Add(Part(2, Header(2), source: "01011112222")).ShouldNotBeNull().SourceAddress.ShouldBe("01011112222");
    }

    [Fact]
    public void Given_an_incomplete_set_When_the_timeout_passes_Then_it_is_dropped_and_a_late_part_does_not_complete_it()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        reassembler.Add(SarPart(1, reference: 9)).ShouldBeNull();
        reassembler.Add(SarPart(2, reference: 9)).ShouldBeNull();

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        reassembler.PurgeExpired().ShouldBe(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        reassembler.PurgeExpired().ShouldBe(1);

        reassembler.PendingCount.ShouldBe(0);
        reassembler.Add(SarPart(3, reference: 9)).ShouldBeNull();
        reassembler.PendingCount.ShouldBe(1);
    }

    [Fact]
    public void Given_the_last_part_just_before_the_timeout_Then_the_message_completes()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        reassembler.Add(SarPart(1, reference: 9));
        reassembler.Add(SarPart(3, reference: 9));

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));

        reassembler.Add(SarPart(2, reference: 9)).ShouldNotBeNull().Text.ShouldBe(string.Concat(Chunks));
    }

    [Fact]
    public void Given_an_empty_short_message_and_a_message_payload_Then_the_payload_is_the_text()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        var text = new string('긴', 200);

        var message = reassembler.Add(new DeliverSm
        {
            SourceAddr = "01012345678",
            DataCoding = 0x08,
            Tlvs = [Tlv.Octets(TlvTag.MessagePayload, SmsTextCodec.Encode(text, SmppDataCoding.Ucs2))],
        });

        message.ShouldNotBeNull().Text.ShouldBe(text);
    }

    [Fact]
    public void Given_a_UDH_without_concatenation_Then_the_header_is_stripped_from_a_single_message()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        byte[] portHeader = [0x04, 0x04, 0x02, 0x15, 0x81]; // a port-addressing element, not concatenation

        var message = reassembler.Add(Part(1, portHeader));

        message.ShouldNotBeNull().Text.ShouldBe(Chunks[0]);
        message.Parts.ShouldBe(1);
    }

    [Fact]
    public void Given_a_concatenation_header_with_an_impossible_sequence_Then_the_part_is_taken_as_it_is()
    {
        var reassembler = new SmsReassembler(_time, Timeout);

        reassembler.Add(Part(1, [0x05, 0x00, 0x03, 0x01, 0x02, 0x05])).ShouldNotBeNull().Text.ShouldBe(Chunks[0]);
        reassembler.PendingCount.ShouldBe(0);
    }

    [Fact]
    public void Given_GSM_parts_cut_inside_an_escape_pair_Then_the_joined_text_is_right()
    {
        var reassembler = new SmsReassembler(_time, Timeout);
        byte[] first = [0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x41, 0x1B];
        byte[] second = [0x05, 0x00, 0x03, 0x01, 0x02, 0x02, 0x65, 0x42];

        reassembler.Add(new DeliverSm { SourceAddr = "010", EsmClass = 0x40, ShortMessage = second }).ShouldBeNull();
        var message = reassembler.Add(new DeliverSm { SourceAddr = "010", EsmClass = 0x40, ShortMessage = first });

        message.ShouldNotBeNull().Text.ShouldBe("A€B");
        message.DataCoding.ShouldBe(SmppDataCoding.SmscDefault);
    }

    private static DeliverSm Part(int seq, byte[] header, string source = "01012345678") => new()
    {
        SourceAddr = source,
        DestinationAddr = "1588",
        EsmClass = 0x40,
        DataCoding = 0x08,
        ShortMessage = (byte[])[.. header, .. SmsTextCodec.Encode(Chunks[seq - 1], SmppDataCoding.Ucs2)],
    };

    private static DeliverSm SarPart(int seq, ushort reference) => new()
    {
        SourceAddr = "01012345678",
        DestinationAddr = "1588",
        DataCoding = 0x08,
        ShortMessage = SmsTextCodec.Encode(Chunks[seq - 1], SmppDataCoding.Ucs2),
        Tlvs =
        [
            Tlv.UInt16(TlvTag.SarMsgRefNum, reference),
            Tlv.UInt8(TlvTag.SarTotalSegments, 3),
            Tlv.UInt8(TlvTag.SarSegmentSeqnum, (byte)seq),
        ],
    };
}
