namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Where this node's claims of each priority have got to in the queue's order (not-before time, then id), so that the
/// next claim starts after them. A claim from the head of the queue walks over every row the other workers hold
/// locked and every entry of a row sent moments ago that the index still lists. During a large send those made
/// the claim cost as much as writing the chunk's results.
/// <para>
/// It only ever saves work. Rows can be left behind the position: a chunk rolled back, or a batch committed after
/// later rows were claimed. So a claim goes from the head again when the last one from the head is
/// <see cref="FullScanEvery"/> old, and whenever a claim after the position finds nothing. A row behind the position
/// waits about that long: the claim from the head sets the position back to it, and the claims after it then walk
/// what was left behind in order.
/// </para>
/// </summary>
internal sealed class ClaimCursor(TimeProvider time)
{
    public static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<OutboxPriority, (ClaimPosition At, long FromHeadAt)> _positions = [];
    // Each claim from the head starts a new generation; a claim after a position moves it only within its generation.
    private long _generation;

    /// <summary>
    /// Where the next claim of <paramref name="priority"/> starts after; null to claim from the head. Hand the
    /// position back to <see cref="Claimed"/>: a claim that began before a claim from the head reset it does not move it.
    /// </summary>
    public ClaimPosition? After(OutboxPriority priority)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(priority, out var p) && time.GetElapsedTime(p.FromHeadAt) < FullScanEvery ? p.At : null;
        }
    }

    /// <summary>
    /// Records the last row (in the queue's order) a claim took. A claim from the head (<paramref name="after"/> null)
    /// sets the position, even back, so rows left behind are walked in order, not one chunk a second. A claim after a
    /// position only moves it on, and only if no claim from the head has set it since that claim began.
    /// </summary>
    public void Claimed(OutboxPriority priority, DateTime notBeforeUtc, Guid id, ClaimPosition? after)
    {
        lock (_gate)
        {
            if (after is null)
            {
                _positions[priority] = (new ClaimPosition(notBeforeUtc, id, ++_generation), time.GetTimestamp());
            }
            else if (_positions.TryGetValue(priority, out var p) && p.At.Generation == after.Generation
                && IsAfter(notBeforeUtc, id, p.At.NotBeforeUtc, p.At.Id))
            {
                _positions[priority] = (p.At with { NotBeforeUtc = notBeforeUtc, Id = id }, p.FromHeadAt);
            }
        }
    }

    /// <summary>Forgets a priority's position: its next claim goes from the head.</summary>
    public void Reset(OutboxPriority priority)
    {
        lock (_gate)
        {
            _positions.Remove(priority);
        }
    }

    /// <summary>
    /// The queue's order. Guid.CompareTo compares the first three fields unsigned and then the bytes in order. That
    /// is the order of the text form, which is how PostgreSQL orders uuid.
    /// </summary>
    internal static bool IsAfter(DateTime notBefore, Guid id, DateTime otherNotBefore, Guid otherId) =>
        notBefore != otherNotBefore ? notBefore > otherNotBefore : id.CompareTo(otherId) > 0;
}

/// <summary>A position in the queue's order, and which claim from the head set it.</summary>
internal sealed record ClaimPosition(DateTime NotBeforeUtc, Guid Id, long Generation);
