using Sotong.Core.Common;

namespace Sotong.Core.Inbox.Intake;

/// <summary>
/// Lets another module label and route messages inside the intake's own transaction, so a message is stored once,
/// already decided, instead of being written and then updated. Defined here so the inbox depends on nothing above it;
/// triage implements it. With none registered (or when it is not ready) messages are stored as they came.
/// </summary>
public interface IIntakeTriage
{
    /// <summary>
    /// The costly, order-free part (classifying the text), done on the caller's thread as the message comes in, so
    /// the one writer that stores a batch does not classify the whole batch while its senders wait. Null when not
    /// ready.
    /// </summary>
    object? Prepare(string text);

    /// <summary>
    /// Decides what it can for messages about to be inserted (sets their labels and division), using what
    /// <see cref="Prepare"/> gave for each (same order; null entries are classified here); returns the rows that go
    /// with them, or null to leave them for later.
    /// </summary>
    IIntakeTriageWork? Decide(IReadOnlyList<InboxMessage> fresh, IReadOnlyList<object?> prepared, DateTime nowUtc);
}

/// <summary>The rows that belong to a batch of decisions, written in the intake's transaction.</summary>
public interface IIntakeTriageWork
{
    /// <summary>The messages it decided (announced as already triaged).</summary>
    IReadOnlySet<Guid> Decided { get; }

    /// <summary>Called after the messages are written, inside the same transaction.</summary>
    Task WriteAsync(SotongDbContext db, CancellationToken ct);

    /// <summary>The transaction failed: take back anything held in memory for these messages.</summary>
    void Abandon();
}
