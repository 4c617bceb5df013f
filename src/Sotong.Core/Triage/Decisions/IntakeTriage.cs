using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Intake;

namespace Sotong.Core.Triage.Decisions;

/// <summary>
/// Triage inside the intake's transaction: a message is inserted already labelled and routed, with its decision,
/// instead of being inserted and then updated (which doubled the database's work under a burst of webhooks). Until
/// a model is live and the worker has rebuilt the groups, messages are left to the worker.
/// </summary>
public sealed class IntakeTriage(TriageEngine engine, TriageRecorder recorder) : IIntakeTriage
{
    public object? Prepare(string text) =>
        recorder.Ready && engine.Current is { } snapshot ? TriageRecorder.Prepare(snapshot, text) : null;

    public IIntakeTriageWork? Decide(IReadOnlyList<InboxMessage> fresh, IReadOnlyList<object?> prepared, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        ArgumentNullException.ThrowIfNull(prepared);
        if (fresh.Count == 0 || !recorder.Ready || engine.Current is not { } snapshot)
        {
            return null;
        }
        return new Work(recorder, recorder.Decide(snapshot, fresh, nowUtc, [.. prepared.Select(p => p as PreparedMessage)]), nowUtc);
    }

    private sealed class Work(TriageRecorder recorder, DecisionBatch batch, DateTime nowUtc) : IIntakeTriageWork
    {
        public IReadOnlySet<Guid> Decided { get; } = batch.Messages.Select(m => m.Id).ToHashSet();

        public Task WriteAsync(SotongDbContext db, CancellationToken ct) => recorder.WriteAsync(db, batch, nowUtc, ct);

        public void Abandon() => recorder.Forget(batch);
    }
}
