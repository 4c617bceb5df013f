using System.Buffers;
using System.Buffers.Binary;

namespace Sotong.Smpp.Pdus;

/// <summary>Builds one frame; the command_length is written last, once the body's size is known.</summary>
internal sealed class PduWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64);

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteOctets(ReadOnlySpan<byte> value) => _buffer.Write(value);

    /// <summary>Writes ASCII text and its NUL; <paramref name="maxLength"/> counts the NUL, as the specification's tables do.</summary>
    public void WriteCString(string value, int maxLength, string field)
    {
        if (value.Length + 1 > maxLength)
        {
            throw new ArgumentException($"{field} is {value.Length} characters; SMPP allows {maxLength - 1}.", field);
        }

        var span = _buffer.GetSpan(value.Length + 1);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\0' or > '\u007F')
            {
                throw new ArgumentException($"{field} must be printable ASCII.", field);
            }

            span[i] = (byte)c;
        }

        span[value.Length] = 0;
        _buffer.Advance(value.Length + 1);
    }

    public void WriteTlvs(IReadOnlyList<Tlv> tlvs)
    {
        foreach (var tlv in tlvs)
        {
            if (tlv.Value.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"Optional parameter 0x{tlv.Tag:X4} is longer than 65,535 octets.", nameof(tlvs));
            }

            WriteUInt16(tlv.Tag);
            WriteUInt16((ushort)tlv.Value.Length);
            WriteOctets(tlv.Value.Span);
        }
    }

    public byte[] ToFrame()
    {
        var frame = _buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)frame.Length);
        return frame;
    }
}
