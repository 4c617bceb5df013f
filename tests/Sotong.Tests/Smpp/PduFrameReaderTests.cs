using Sotong.Smpp;
using Sotong.Smpp.Pdus;

namespace Sotong.Tests.Smpp;

public sealed class PduFrameReaderTests
{
    private static readonly string SubmitSmRespHeader = "80000004" + "00000000" + "00000001";

    [Fact]
    public async Task Given_frames_arriving_one_byte_at_a_time_When_read_Then_each_PDU_comes_out_whole()
    {
        byte[] bytes = [.. PduCodec.Encode(new EnquireLink { SequenceNumber = 1 }), .. PduCodec.Encode(new SubmitSmResp("m-1") { SequenceNumber = 2 })];
        var reader = new PduFrameReader(new TrickleStream(bytes));

        (await reader.ReadAsync(CancellationToken.None)).ShouldBe(new EnquireLink { SequenceNumber = 1 });
        (await reader.ReadAsync(CancellationToken.None)).ShouldBe(new SubmitSmResp("m-1") { SequenceNumber = 2 });
        (await reader.ReadAsync(CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_frame_larger_than_the_reader_s_buffer_between_small_ones_When_read_Then_every_PDU_comes_out_whole()
    {
        var payload = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();
        var large = new DeliverSm { SequenceNumber = 2, SourceAddr = "01012345678", DestinationAddr = "0120", Tlvs = [new Tlv(0x0424, payload)] };
        byte[] bytes = [.. PduCodec.Encode(new EnquireLink { SequenceNumber = 1 }), .. PduCodec.Encode(large), .. PduCodec.Encode(new SubmitSmResp("m-3") { SequenceNumber = 3 })];
        var reader = new PduFrameReader(new MemoryStream(bytes));

        (await reader.ReadAsync(CancellationToken.None)).ShouldBe(new EnquireLink { SequenceNumber = 1 });
        var read = (await reader.ReadAsync(CancellationToken.None)).ShouldBeOfType<DeliverSm>();
        read.Tlvs.Single().Value.ToArray().ShouldBe(payload);
        (await reader.ReadAsync(CancellationToken.None)).ShouldBe(new SubmitSmResp("m-3") { SequenceNumber = 3 });
        (await reader.ReadAsync(CancellationToken.None)).ShouldBeNull();
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "length below the header", "00000008" + "00000005", "shorter than the 16-octet header" },
        { "length above the limit", "00100000" + "00000005" + "00000000" + "00000001", "exceeds the 65536-octet limit" },
        { "truncated body", "00000028" + SubmitSmRespHeader + "41424300", "short of a 40-octet PDU" },
        { "truncated length", "0000", "inside a PDU's command_length" },
        { "C-string without NUL within its maximum", "00000056" + SubmitSmRespHeader + new string('4', 140), "message_id has no NUL within its 65 octets" },
        { "C-string running off the end", "00000014" + "80000009" + "00000000" + "00000001" + "41424344", "system_id runs past the end" },
        { "sm_length beyond the body", DeliverSmWithShortMessageLength(200, 10), "short_message runs past the end" },
        { "TLV longer than what is left", DeliverSmWithTail("04240010" + "0102"), "optional parameter 0x0424 runs past the end" },
        { "stray octets after the TLVs", DeliverSmWithTail("0102"), "stray octet" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Given_a_malformed_frame_When_read_Then_it_is_rejected_with_a_clear_reason(string malformation, string hex, string reason)
    {
        var reader = new PduFrameReader(new MemoryStream(Convert.FromHexString(hex)));

        var ex = await Should.ThrowAsync<SmppPduFormatException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        ex.Message.ShouldContain(reason, customMessage: malformation);
        ex.IsTransient.ShouldBeTrue();
    }

    private static string DeliverSmWithShortMessageLength(int smLength, int actual) =>
        DeliverSmFrame(smLength.ToString("X2") + new string('0', actual * 2));

    private static string DeliverSmWithTail(string tail) => DeliverSmFrame("00" + tail);

    /// <summary>A deliver_sm with empty strings and zero flags up to sm_length, then <paramref name="fromSmLength"/>.</summary>
    private static string DeliverSmFrame(string fromSmLength)
    {
        var body = "00" + "0000" + "00" + "0000" + "00" + "000000" + "0000" + "00000000" + fromSmLength;
        var length = 16 + body.Length / 2;
        return length.ToString("X8") + "00000005" + "00000000" + "00000001" + body;
    }

    /// <summary>Hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= data.Length || buffer.Length == 0)
            {
                return 0;
            }

            buffer[0] = data[_position++];
            return 1;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
