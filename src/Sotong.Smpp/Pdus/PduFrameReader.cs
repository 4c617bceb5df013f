using System.Buffers.Binary;

namespace Sotong.Smpp.Pdus;

/// <summary>
/// Reads PDUs from a byte stream one frame at a time, through its own buffer: one socket read brings in every frame that
/// has arrived. The length is checked before the body is read, so a corrupt or hostile header cannot make us wait for,
/// or allocate, gigabytes.
/// </summary>
internal sealed class PduFrameReader(Stream stream, int maxFrameLength = PduCodec.DefaultMaxFrameLength)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next PDU, or null when the peer closed the connection cleanly between frames.</summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_end - _start < 4)
        {
            if (!await FillAsync(4, cancellationToken))
            {
                return _end == _start ? null : throw new SmppPduFormatException("The connection ended inside a PDU's command_length.");
            }
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start));
        if (length < Pdu.HeaderLength)
        {
            throw new SmppPduFormatException($"command_length {length} is shorter than the {Pdu.HeaderLength}-octet header.");
        }

        if (length > maxFrameLength)
        {
            throw new SmppPduFormatException($"command_length {length} exceeds the {maxFrameLength}-octet limit.");
        }

        while (_end - _start < length)
        {
            if (!await FillAsync((int)length, cancellationToken))
            {
                throw new SmppPduFormatException($"The connection ended {length - (_end - _start)} octet(s) short of a {length}-octet PDU.");
            }
        }

        // Decoding copies what it keeps (strings, short_message, TLV values), so the buffer can be reused at once.
        var pdu = PduCodec.Decode(_buffer.AsSpan(_start, (int)length));
        _start += (int)length;
        if (_start == _end)
        {
            _start = _end = 0;
        }
        return pdu;
    }

    /// <summary>Reads once more from the stream, making room for a frame of <paramref name="frameLength"/> first; false at its end.</summary>
    private async ValueTask<bool> FillAsync(int frameLength, CancellationToken cancellationToken)
    {
        if (_buffer.Length - _start < frameLength || _end == _buffer.Length)
        {
            var buffered = _end - _start;
            if (_buffer.Length < frameLength)
            {
                var larger = new byte[Math.Max(frameLength, _buffer.Length * 2)];
                _buffer.AsSpan(_start, buffered).CopyTo(larger);
                _buffer = larger;
            }
            else
            {
                _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
            }
            _start = 0;
            _end = buffered;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            return false;
        }
        _end += read;
        return true;
    }
}
