namespace Sotong.Core.Inbox.Presence;

/// <summary>
/// Who has a message open right now, so two officers do not answer the same citizen twice. In-process: each node
/// knows its own viewers (a backplane would share them when scaled out).
/// </summary>
public sealed class ViewerPresence
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Dictionary<string, (string Name, int Count)>> _viewers = [];

    public event Action<Guid>? Changed;

    public IDisposable Enter(Guid messageId, string userId, string displayName)
    {
        lock (_gate)
        {
            if (!_viewers.TryGetValue(messageId, out var people))
            {
                people = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
                _viewers[messageId] = people;
            }
            people[userId] = people.TryGetValue(userId, out var existing) ? (displayName, existing.Count + 1) : (displayName, 1);
        }
        Changed?.Invoke(messageId);
        return new Visit(this, messageId, userId);
    }

    /// <summary>The other people viewing the message (the caller excluded).</summary>
    public IReadOnlyList<string> Others(Guid messageId, string userId)
    {
        lock (_gate)
        {
            return _viewers.TryGetValue(messageId, out var people)
                ? [.. people.Where(p => p.Key != userId).Select(p => p.Value.Name).Order(StringComparer.Ordinal)]
                : [];
        }
    }

    private void Leave(Guid messageId, string userId)
    {
        lock (_gate)
        {
            if (_viewers.TryGetValue(messageId, out var people) && people.TryGetValue(userId, out var entry))
            {
                if (entry.Count <= 1)
                {
                    people.Remove(userId);
                }
                else
                {
                    people[userId] = (entry.Name, entry.Count - 1);
                }
                if (people.Count == 0)
                {
                    _viewers.Remove(messageId);
                }
            }
        }
        Changed?.Invoke(messageId);
    }

    private sealed class Visit(ViewerPresence owner, Guid messageId, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(messageId, userId);
            }
        }
    }
}
