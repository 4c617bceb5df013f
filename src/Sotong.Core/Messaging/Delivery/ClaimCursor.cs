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
/// waits at most that long.
/// </para>
/// </summary>
internal sealed class ClaimCursor(TimeProvider time)
{
    public static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<OutboxPriority, Position> _positions = [];

    /// <summary>Where the next claim of <paramref name="priority"/> starts after; null to claim from the head.</summary>
    public (DateTime NotBeforeUtc, Guid Id)? After(OutboxPriority priority)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(priority, out var p) && time.GetElapsedTime(p.FromHeadAt) < FullScanEvery
                ? (p.NotBeforeUtc, p.Id)
                : null;
        }
    }

    /// <summary>
    /// Records the last row (in the queue's order) a claim took. A claim from the head sets the position, even back.
    /// Then rows left behind are walked in order, not one chunk a second. A claim after the position only moves it on.
    /// </summary>
    public void Claimed(OutboxPriority priority, DateTime notBeforeUtc, Guid id, bool fromHead)
    {
        lock (_gate)
        {
            if (fromHead)
            {
                _positions[priority] = new Position(notBeforeUtc, id, time.GetTimestamp());
            }
            else if (_positions.TryGetValue(priority, out var p) && IsAfter(notBeforeUtc, id, p.NotBeforeUtc, p.Id))
            {
                _positions[priority] = p with { NotBeforeUtc = notBeforeUtc, Id = id };
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

    private sealed record Position(DateTime NotBeforeUtc, Guid Id, long FromHeadAt);
}
