using System.Buffers.Binary;
using System.Text;

namespace Sotong.Smpp.Pdus;

/// <summary>Reads a PDU body; every overrun is a <see cref="SmppPduFormatException"/> naming the field.</summary>
internal ref struct PduReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public PduReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    public readonly int Remaining => _data.Length - _position;

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _data[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32(string field)
    {
        Require(4, field);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadOctets(int length, string field)
    {
        Require(length, field);
        var value = _data.Slice(_position, length);
        _position += length;
        return value;
    }

    /// <summary>Reads up to the NUL, which must come within <paramref name="maxLength"/> octets (the NUL included).</summary>
    public string ReadCString(int maxLength, string field)
    {
        var window = _data[_position..];
        if (window.Length > maxLength)
        {
            window = window[..maxLength];
        }

        var end = window.IndexOf((byte)0);
        if (end < 0)
        {
            throw new SmppPduFormatException(window.Length == maxLength
                ? $"{field} has no NUL within its {maxLength} octets."
                : $"{field} runs past the end of the PDU without a NUL.");
        }

        // Latin-1 maps every octet to one char, so a peer's non-ASCII byte shows up instead of failing the PDU.
        var value = Encoding.Latin1.GetString(window[..end]);
        _position += end + 1;
        return value;
    }

    public List<Tlv> ReadTlvs()
    {
        var tlvs = new List<Tlv>();
        while (!AtEnd)
        {
            if (Remaining < 4)
            {
                throw new SmppPduFormatException($"{Remaining} stray octet(s) where an optional parameter header should be.");
            }

            var tag = ReadUInt16("optional parameter tag");
            var length = ReadUInt16("optional parameter length");
            var value = ReadOctets(length, $"optional parameter 0x{tag:X4}");
            tlvs.Add(new Tlv(tag, value.ToArray()));
        }

        return tlvs;
    }

    private readonly void Require(int length, string field)
    {
        if (Remaining < length)
        {
            throw new SmppPduFormatException($"{field} runs past the end of the PDU.");
        }
    }
}
