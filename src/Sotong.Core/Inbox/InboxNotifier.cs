namespace Sotong.Core.Inbox;

/// <summary>What changed in the inbox; staff screens re-query on it (they never trust the payload for content).</summary>
public sealed record InboxChange(Guid MessageId, Guid? DivisionId, string Kind)
{
    /// <summary>A "received" message that was labelled and routed as it was stored (nothing more will follow for it).</summary>
    public bool Triaged { get; init; }
}

/// <summary>
/// In-process change feed for staff screens. One node needs nothing more; several nodes will put a backplane
/// behind this same interface.
/// </summary>
public sealed class InboxNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<InboxChange, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<InboxChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public async Task PublishAsync(InboxChange change)
    {
        Func<InboxChange, Task>[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }
        foreach (var target in targets)
        {
            try
            {
                await target(change);
            }
            catch (ObjectDisposedException)
            {
                // A screen closed while we were telling it; it unsubscribes itself.
            }
        }
    }

    private void Remove(Func<InboxChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers.Remove(handler);
        }
    }

    private sealed class Subscription(InboxNotifier owner, Func<InboxChange, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Remove(handler);
    }
}
