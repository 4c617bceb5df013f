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
}
