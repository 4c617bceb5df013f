using Sotong.Smpp.Pdus;

namespace Sotong.Smpp.Text;

/// <summary>
/// Puts concatenated deliver_sm parts back together, whether they are marked by a UDH (8- or 16-bit reference)
/// or by the sar_* optional parameters. Parts may come in any order and across reconnects; a set still
/// incomplete after the timeout is dropped, since the SMSC has already been answered for each part.
/// </summary>
internal sealed class SmsReassembler(TimeProvider timeProvider, TimeSpan timeout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SetKey, PartialMessage> _pending = [];

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The whole message when this part completes one (or is a message by itself); otherwise null.</summary>
    public SmppInboundMessage? Add(DeliverSm pdu)
    {
        var now = timeProvider.GetUtcNow();
        var payload = pdu.ShortMessage.Length > 0 ? pdu.ShortMessage : pdu.Tlvs.Find(TlvTag.MessagePayload) ?? ReadOnlyMemory<byte>.Empty;
        ConcatenationInfo? concatenation = null;
        var body = payload;
        if ((pdu.EsmClass & EsmClass.UdhIndicator) != 0)
        {
            // A header whose length overruns the payload leaves the payload whole: better garbled than lost.
            _ = UserDataHeader.TryParse(payload, out concatenation, out body);
        }

        concatenation ??= FromSarParameters(pdu.Tlvs);

        // 23.040: a concatenation element with impossible numbers is ignored, and the part read as it is.
        if (concatenation is not { Total: > 1 } part || part.Sequence < 1 || part.Sequence > part.Total)
        {
            return Complete(pdu, pdu.DataCoding, body.ToArray(), parts: 1, now);
        }

        lock (_gate)
        {
            PurgeExpired(now);
            var key = new SetKey(pdu.SourceAddr, part.Reference, part.Total);
            if (!_pending.TryGetValue(key, out var partial))
            {
                partial = new PartialMessage(now, pdu.DataCoding, new byte[part.Total][]);
                _pending[key] = partial;
            }

            // A repeated part (the SMSC resending after a lost resp) simply replaces the earlier copy.
            partial.Parts[part.Sequence - 1] = body.ToArray();
            if (partial.Parts.Any(p => p is null))
            {
                return null;
            }

            _pending.Remove(key);
            // Join the octets before decoding: a sender may cut between the halves of a surrogate or an escape pair.
            return Complete(pdu, partial.DataCoding, [.. partial.Parts.SelectMany(p => p!)], part.Total, now);
        }
    }

    /// <summary>Drops sets older than the timeout; returns how many were dropped.</summary>
    public int PurgeExpired()
    {
        lock (_gate)
        {
            return PurgeExpired(timeProvider.GetUtcNow());
        }
    }

    private int PurgeExpired(DateTimeOffset now)
    {
        var expired = _pending.Where(x => now - x.Value.FirstPartAt >= timeout).Select(x => x.Key).ToList();
        foreach (var key in expired)
        {
            _pending.Remove(key);
        }

        return expired.Count;
    }

    private static ConcatenationInfo? FromSarParameters(IReadOnlyList<Tlv> tlvs) =>
        tlvs.FindUInt16(TlvTag.SarMsgRefNum) is { } reference
        && tlvs.FindByte(TlvTag.SarTotalSegments) is { } total
        && tlvs.FindByte(TlvTag.SarSegmentSeqnum) is { } sequence
            ? new ConcatenationInfo(reference, total, sequence)
            : null;

    private static SmppInboundMessage Complete(DeliverSm pdu, byte dataCoding, byte[] octets, int parts, DateTimeOffset now) =>
        new(pdu.SourceAddr, pdu.DestinationAddr, SmsTextCodec.Decode(octets, dataCoding), (SmppDataCoding)dataCoding, now, parts);

    private readonly record struct SetKey(string Source, int Reference, int Total);

    private sealed record PartialMessage(DateTimeOffset FirstPartAt, byte DataCoding, byte[]?[] Parts);
}
