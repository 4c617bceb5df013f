using System.Buffers.Binary;

namespace Sotong.Smpp.Pdus;

/// <summary>
/// One submit_sm encoded once, to be sent to many destinations: every octet before and after destination_addr is kept,
/// so each frame costs a copy and the address rather than a whole encoding. The frames are byte for byte what
/// <see cref="PduCodec.Encode"/> makes of the same submit_sm with that destination (a unit test holds it to that).
/// </summary>
internal sealed class SubmitSmTemplate
{
    private readonly byte[] _before;
    private readonly byte[] _after;

    public SubmitSmTemplate(SubmitSm submit)
    {
        // Encoded with an empty destination: its NUL sits right after the service type, source and destination TON/NPI.
        var frame = PduCodec.Encode(submit with { DestinationAddr = "", SequenceNumber = 0 });
        var at = Pdu.HeaderLength + submit.ServiceType.Length + 1 + 2 + submit.SourceAddr.Length + 1 + 2;
        _before = frame[Pdu.HeaderLength..at];
        _after = frame[(at + 1)..];
    }

    /// <summary>Whether <paramref name="destination"/> can go in destination_addr: 1–20 printable ASCII characters.</summary>
    public static bool IsValidDestination(string? destination)
    {
        if (string.IsNullOrEmpty(destination) || destination.Length > PduCodec.AddressMax - 1)
        {
            return false;
        }
        foreach (var c in destination)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The whole frame for one destination (checked with <see cref="IsValidDestination"/> first).</summary>
    public byte[] Frame(string destination, uint sequence)
    {
        var frame = new byte[Pdu.HeaderLength + _before.Length + destination.Length + 1 + _after.Length];
        var span = frame.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)frame.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)CommandId.SubmitSm);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], sequence);
        var at = Pdu.HeaderLength;
        _before.CopyTo(span[at..]);
        at += _before.Length;
        for (var i = 0; i < destination.Length; i++)
        {
            span[at + i] = (byte)destination[i];
        }
        at += destination.Length;
        span[at++] = 0;
        _after.CopyTo(span[at..]);
        return frame;
    }
}
