using System.Buffers.Binary;

namespace Sotong.Smpp.Pdus;

/// <summary>
/// Reads PDUs from a byte stream one frame at a time. The length is checked before the body is read, so a corrupt
/// or hostile header cannot make us wait for, or allocate, gigabytes.
/// </summary>
internal sealed class PduFrameReader(Stream stream, int maxFrameLength = PduCodec.DefaultMaxFrameLength)
{
    private readonly byte[] _lengthPrefix = new byte[4];

    /// <summary>The next PDU, or null when the peer closed the connection cleanly between frames.</summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(_lengthPrefix, _lengthPrefix.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < _lengthPrefix.Length)
        {
            throw new SmppPduFormatException("The connection ended inside a PDU's command_length.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_lengthPrefix);
        if (length < Pdu.HeaderLength)
        {
            throw new SmppPduFormatException($"command_length {length} is shorter than the {Pdu.HeaderLength}-octet header.");
        }

        if (length > maxFrameLength)
        {
            throw new SmppPduFormatException($"command_length {length} exceeds the {maxFrameLength}-octet limit.");
        }

        var frame = new byte[length];
        _lengthPrefix.CopyTo(frame, 0);
        read = await stream.ReadAtLeastAsync(frame.AsMemory(4), frame.Length - 4, throwOnEndOfStream: false, cancellationToken);
        if (read < frame.Length - 4)
        {
            throw new SmppPduFormatException($"The connection ended {frame.Length - 4 - read} octet(s) short of a {length}-octet PDU.");
        }

        return PduCodec.Decode(frame);
    }
}
