using System.Buffers.Binary;
using System.Text;

namespace Sotong.Smpp.Pdus;

/// <summary>An optional parameter (tag, length, value; §3.2.4). Unknown tags are kept as raw bytes.</summary>
internal readonly record struct Tlv(ushort Tag, ReadOnlyMemory<byte> Value)
{
    public static Tlv UInt8(ushort tag, byte value) => new(tag, new[] { value });

    public static Tlv UInt16(ushort tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return new(tag, bytes);
    }

    public static Tlv CString(ushort tag, string value) => new(tag, Encoding.ASCII.GetBytes(value + '\0'));

    public static Tlv Octets(ushort tag, ReadOnlyMemory<byte> value) => new(tag, value);
}

internal static class TlvTag
{
    public const ushort ReceiptedMessageId = 0x001E;
    public const ushort SarMsgRefNum = 0x020C;
    public const ushort SarTotalSegments = 0x020E;
    public const ushort SarSegmentSeqnum = 0x020F;
    public const ushort ScInterfaceVersion = 0x0210;
    public const ushort MessagePayload = 0x0424;
    public const ushort MessageState = 0x0427;
}

/// <summary>Typed reads of optional parameters; a value of the wrong size reads as absent rather than throwing.</summary>
internal static class TlvListExtensions
{
    public static ReadOnlyMemory<byte>? Find(this IReadOnlyList<Tlv> tlvs, ushort tag)
    {
        foreach (var tlv in tlvs)
        {
            if (tlv.Tag == tag)
            {
                return tlv.Value;
            }
        }

        return null;
    }

    public static byte? FindByte(this IReadOnlyList<Tlv> tlvs, ushort tag) =>
        tlvs.Find(tag) is { Length: 1 } value ? value.Span[0] : null;

    public static ushort? FindUInt16(this IReadOnlyList<Tlv> tlvs, ushort tag) =>
        tlvs.Find(tag) is { Length: 2 } value ? BinaryPrimitives.ReadUInt16BigEndian(value.Span) : null;

    public static string? FindCString(this IReadOnlyList<Tlv> tlvs, ushort tag)
    {
        if (tlvs.Find(tag) is not { } value)
        {
            return null;
        }

        var span = value.Span;
        var end = span.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? span : span[..end]);
    }
}
