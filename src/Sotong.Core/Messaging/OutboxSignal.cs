namespace Sotong.Core.Messaging;

/// <summary>
/// Wakes this node's dispatcher when something was enqueued here, so a confirmation code does not wait for the next
/// poll. Other nodes find the rows on their own poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>True when pulsed, false when the wait ran out.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    private int _holds;
    private long _heldUntil;

    /// <summary>
    /// While an emergency audience is being selected and written on this node, its dispatchers take no campaign or
    /// interactive chunks: on a small machine they would compete with the alert's own write for the same cores and
    /// the database, delaying its first text by seconds. Released when disposed, and at most <paramref name="limit"/>
    /// later whatever happens. Other nodes carry on.
    /// </summary>
    public IDisposable HoldNonEmergency(TimeProvider time, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(time);
        Interlocked.Increment(ref _holds);
        Interlocked.Exchange(ref _heldUntil, time.GetTimestamp() + (long)(limit.TotalSeconds * time.TimestampFrequency));
        return new Hold(this);
    }

    /// <summary>Whether non-emergency chunks should wait now.</summary>
    public bool NonEmergencyHeld(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Volatile.Read(ref _holds) > 0 && time.GetTimestamp() < Interlocked.Read(ref _heldUntil);
    }

    private sealed class Hold(OutboxSignal signal) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref signal._holds);
                signal.Pulse();
            }
        }
    }
}
