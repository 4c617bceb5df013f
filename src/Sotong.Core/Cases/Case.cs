using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Errors;

namespace Sotong.Core.Cases;

/// <summary>The complaint types of the message complaint-processing rules, each with its own processing period.</summary>
public enum ComplaintType
{
    /// <summary>질의: a question.</summary>
    Question,
    /// <summary>법령해석 질의: a question on how a law or regulation is read.</summary>
    LawInterpretation,
    /// <summary>건의: a suggestion.</summary>
    Suggestion,
    /// <summary>고충: a grievance.</summary>
    Grievance,
    /// <summary>기타: anything else (answered within working hours).</summary>
    Other,
}

public enum CaseState
{
    Received,
    Assigned,
    InProgress,
    /// <summary>In progress with its deadline extended (the citizen was told the reason and the new date).</summary>
    Extended,
    Answered,
    Closed,
    /// <summary>Sent to another division (waiting for its officer) or out to another agency (final).</summary>
    Transferred,
    Withdrawn,
    /// <summary>Folded into another case, which carries on with its messages.</summary>
    Merged,
}

/// <summary>One entry of a case's history: who moved it from which state to which, when and why.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Action { get; set; }
    public CaseState From { get; set; }
    public CaseState To { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A complaint as the processing rules see it: one or more citizens' messages, a type that sets the deadline, a
/// division and an officer, answers and a history. Every change is a method that checks a named rule, appends to the
/// history and bumps the version (two officers editing at once are detected, not overwritten).
/// </summary>
public sealed class Case
{
    public const int MaxReasonLength = 1000;
    public const int MaxAnswerLength = 8000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ReceiptNumber { get; set; }
    public required string Title { get; set; }
    public ComplaintType Type { get; set; }
    public CaseState State { get; set; } = CaseState.Received;
    public Guid? DivisionId { get; set; }

    /// <summary>The triage topic of the case's first message (the portal's topic filter, the repeat check).</summary>
    public string? Topic { get; set; }

    /// <summary>When the case was last published on the public answers portal; null when it is not published.</summary>
    public DateTime? PublishedAtUtc { get; set; }
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    /// <summary>The due time the type gave at receipt: the first extension may add at most this period again.</summary>
    public DateTime OriginalDueAtUtc { get; set; }
    public int Extensions { get; set; }
    public string? AnswerText { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? AnsweredByName { get; set; }
    public int Answers { get; set; }
    /// <summary>How many times the same citizen has raised the same matter (this case included).</summary>
    public int Repeats { get; set; } = 1;
    public string? TransferredToAgency { get; set; }
    public Guid? MergedIntoId { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>When the officer was reminded that the due time is near (once per case).</summary>
    public DateTime? RemindedAtUtc { get; set; }
    /// <summary>When the overdue case went to the division head (once per case).</summary>
    public DateTime? EscalatedAtUtc { get; set; }
    /// <summary>When the citizen was told how a case open for 30 days is progressing.</summary>
    public DateTime? ProgressNoticeAtUtc { get; set; }
    public int Version { get; set; }
    public List<CaseEvent> Events { get; } = [];

    /// <summary>Open: someone still owes the citizen an answer.</summary>
    public bool IsOpen => State switch
    {
        CaseState.Received or CaseState.Assigned or CaseState.InProgress or CaseState.Extended => true,
        CaseState.Transferred => TransferredToAgency is null,
        CaseState.Answered or CaseState.Closed or CaseState.Withdrawn or CaseState.Merged => false,
    };

    /// <summary><see cref="IsOpen"/> as a query can run it.</summary>
    public static readonly Expression<Func<Case, bool>> OpenInQueries = c =>
        c.State == CaseState.Received || c.State == CaseState.Assigned || c.State == CaseState.InProgress || c.State == CaseState.Extended
        || (c.State == CaseState.Transferred && c.TransferredToAgency == null);

    /// <summary>The opposite of <see cref="OpenInQueries"/>: answered, closed, withdrawn, merged or sent out of the city.</summary>
    public static readonly Expression<Func<Case, bool>> FinishedInQueries = Expression.Lambda<Func<Case, bool>>(
        Expression.Not(OpenInQueries.Body), OpenInQueries.Parameters);

    public static Case Open(string receiptNumber, string title, ComplaintType type, Guid? divisionId, DateTime receivedAtUtc, DateTime dueAtUtc, string actorId, string actorName)
    {
        var c = new Case
        {
            ReceiptNumber = receiptNumber, Title = title, Type = type, DivisionId = divisionId, ReceivedAtUtc = receivedAtUtc,
            DueAtUtc = dueAtUtc, OriginalDueAtUtc = dueAtUtc,
        };
        c.Events.Add(new CaseEvent { CaseId = c.Id, AtUtc = receivedAtUtc, Action = "Opened", From = CaseState.Received, To = CaseState.Received, ActorId = actorId, ActorName = actorName });
        return c;
    }

    public void Assign(string staffId, string staffName, DateTime nowUtc, string actorId, string actorName)
    {
        Require(IsOpen, "AssignOpenCases", "Only an open case can be given to an officer.");
        Require(DivisionId is not null, "AssignRoutedCases", "Choose the case's division before giving it to an officer.");
        AssignedToId = staffId;
        AssignedToName = staffName;
        Move(CaseState.Assigned, "Assigned", nowUtc, actorId, actorName, staffName);
    }

    public void Start(DateTime nowUtc, string actorId, string actorName)
    {
        Require(State == CaseState.Assigned, "StartAssignedCases", "Work starts on a case that has an officer and has not started yet.");
        Move(CaseState.InProgress, "Started", nowUtc, actorId, actorName, null);
    }

    public void Answer(string text, DateTime nowUtc, string actorId, string actorName)
    {
        Require(State is CaseState.Assigned or CaseState.InProgress or CaseState.Extended, "AnswerCasesInHand",
            "Only a case an officer holds can be answered (assign it first).");
        Require(!string.IsNullOrWhiteSpace(text), "AnswersHaveText", "Write the answer.");
        Require(text.Length <= MaxAnswerLength, "AnswersFit", $"An answer is at most {MaxAnswerLength} characters.");
        AnswerText = text.Trim();
        AnsweredAtUtc = nowUtc;
        AnsweredByName = actorName;
        Answers++;
        Move(CaseState.Answered, "Answered", nowUtc, actorId, actorName, null);
    }

    public void Close(DateTime nowUtc, string actorId, string actorName)
    {
        Require(State == CaseState.Answered, "CloseAnsweredCases", "A case is closed after it is answered.");
        ClosedAtUtc = nowUtc;
        Move(CaseState.Closed, "Closed", nowUtc, actorId, actorName, null);
    }

    /// <summary>
    /// A repeated complaint (raised 3+ times and answered 2+ times) may be closed without another answer, citing the
    /// rule that allows it.
    /// </summary>
    public void CloseAsRepeated(string ruleCited, DateTime nowUtc, string actorId, string actorName)
    {
        Require(IsOpen || State == CaseState.Answered, "CloseOpenRepeats", "This case is already finished.");
        Require(Repeats >= 3 && Answers >= 2, "RepeatedComplaintRule", "Only a complaint raised at least 3 times and answered at least twice can be closed as repeated.");
        Require(!string.IsNullOrWhiteSpace(ruleCited), "CiteTheRule", "Cite the rule that allows closing a repeated complaint.");
        ClosedAtUtc = nowUtc;
        Move(CaseState.Closed, "ClosedAsRepeated", nowUtc, actorId, actorName, ruleCited);
    }

    public void TransferTo(Guid divisionId, string reason, DateTime nowUtc, string actorId, string actorName)
    {
        Require(IsOpen, "TransferOpenCases", "Only an open case can be transferred.");
        Require(divisionId != DivisionId, "TransferElsewhere", "The case is already with that division.");
        RequireReason(reason);
        DivisionId = divisionId;
        AssignedToId = null;
        AssignedToName = null;
        Move(CaseState.Transferred, "Transferred", nowUtc, actorId, actorName, reason);
    }

    public void TransferOut(string agency, string reason, DateTime nowUtc, string actorId, string actorName)
    {
        Require(IsOpen, "TransferOpenCases", "Only an open case can be transferred.");
        Require(!string.IsNullOrWhiteSpace(agency), "NameTheAgency", "Name the agency the case goes to.");
        RequireReason(reason);
        TransferredToAgency = agency.Trim();
        AssignedToId = null;
        AssignedToName = null;
        Move(CaseState.Transferred, "TransferredOut", nowUtc, actorId, actorName, $"{agency.Trim()}: {reason.Trim()}");
    }

    /// <summary>
    /// Extends the deadline: once by at most the original period (the citizen is told the reason and the new date);
    /// a second time only with the citizen's recorded consent.
    /// </summary>
    public void Extend(DateTime newDueAtUtc, string reason, bool citizenConsented, DateTime nowUtc, string actorId, string actorName)
    {
        Require(State is CaseState.Assigned or CaseState.InProgress or CaseState.Extended, "ExtendCasesInHand", "Only a case an officer holds can be extended.");
        Require(newDueAtUtc > DueAtUtc, "ExtendForward", "The new due time must be later than the current one.");
        RequireReason(reason);
        if (Extensions == 0)
        {
            var originalPeriod = OriginalDueAtUtc - ReceivedAtUtc;
            Require(newDueAtUtc - DueAtUtc <= originalPeriod, "ExtendByAtMostThePeriod", "An extension adds at most the original processing period.");
        }
        else
        {
            Require(citizenConsented, "SecondExtensionNeedsConsent", "A second extension needs the citizen's recorded consent.");
        }
        Extensions++;
        DueAtUtc = newDueAtUtc;
        Move(CaseState.Extended, "Extended", nowUtc, actorId, actorName, reason);
    }

    public void Withdraw(string reason, DateTime nowUtc, string actorId, string actorName)
    {
        Require(IsOpen, "WithdrawOpenCases", "Only an open case can be withdrawn.");
        RequireReason(reason);
        Move(CaseState.Withdrawn, "Withdrawn", nowUtc, actorId, actorName, reason);
    }

    public void MergeInto(Case target, DateTime nowUtc, string actorId, string actorName)
    {
        ArgumentNullException.ThrowIfNull(target);
        Require(IsOpen, "MergeOpenCases", "Only an open case can be merged.");
        Require(target.Id != Id, "MergeIntoAnother", "A case cannot be merged into itself.");
        Require(target.IsOpen, "MergeIntoOpenCases", "Merge into a case that is still open.");
        MergedIntoId = target.Id;
        target.Repeats = Math.Max(target.Repeats, Repeats);
        Move(CaseState.Merged, "Merged", nowUtc, actorId, actorName, target.ReceiptNumber);
    }

    /// <summary>The citizen asked for an additional answer: the case goes back to its officer.</summary>
    public void Reopen(string reason, DateTime nowUtc, string actorId, string actorName)
    {
        Require(State is CaseState.Answered or CaseState.Closed, "ReopenAnsweredCases", "Only an answered or closed case can be reopened.");
        RequireReason(reason);
        ClosedAtUtc = null;
        Move(AssignedToId is null ? CaseState.Received : CaseState.InProgress, "Reopened", nowUtc, actorId, actorName, reason);
    }

    /// <summary>
    /// Deadline notes the system makes (a reminder, an escalation, a progress notice): in the history, once each, without
    /// changing the state or the version an officer holds.
    /// </summary>
    public bool Note(string kind, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            return false;
        }
        switch (kind)
        {
            case "Reminder" when RemindedAtUtc is null:
                RemindedAtUtc = nowUtc;
                break;
            case "Escalated" when EscalatedAtUtc is null:
                EscalatedAtUtc = nowUtc;
                break;
            case "ProgressNotice" when ProgressNoticeAtUtc is null:
                ProgressNoticeAtUtc = nowUtc;
                break;
            default:
                return false;
        }
        Events.Add(new CaseEvent { CaseId = Id, AtUtc = nowUtc, Action = kind, From = State, To = State, ActorId = SystemActor, ActorName = "Sotong" });
        return true;
    }

    /// <summary>
    /// Publication on the portal is not a workflow step: it is in the history (with the reason for taking it off) without
    /// changing the state or the version an officer holds.
    /// </summary>
    public void NotePublication(bool published, string? reason, DateTime nowUtc, string actorId, string actorName)
    {
        PublishedAtUtc = published ? nowUtc : null;
        Events.Add(new CaseEvent
        {
            CaseId = Id, AtUtc = nowUtc, Action = published ? "Published" : "Unpublished", From = State, To = State, ActorId = actorId, ActorName = actorName, Reason = reason,
        });
    }

    /// <summary>The deadline watcher's notes for staff (not steps the citizen or the public is told of).</summary>
    public static readonly IReadOnlyList<string> StaffOnlyNotes = ["Reminder", "Escalated"];

    public const string SystemActor = "sotong";

    /// <summary>Checked when an officer acts: the version they saw must still be the case's.</summary>
    public void CheckVersion(int seen)
    {
        if (seen != Version)
        {
            // The API's exception handler answers this with 409, as for a save that lost the version race.
            throw new DbUpdateConcurrencyException("Someone else changed this case meanwhile; reload it and try again.");
        }
    }

    private void Move(CaseState to, string action, DateTime nowUtc, string actorId, string actorName, string? reason)
    {
        Events.Add(new CaseEvent { CaseId = Id, AtUtc = nowUtc, Action = action, From = State, To = to, ActorId = actorId, ActorName = actorName, Reason = reason });
        State = to;
        Version++;
    }

    private static void RequireReason(string reason)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "GiveAReason", "Give the reason (the citizen is told it).");
        Require(reason.Length <= MaxReasonLength, "ReasonsFit", $"A reason is at most {MaxReasonLength} characters.");
    }

    private static void Require(bool condition, string rule, string message)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, message);
        }
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.ReceiptNumber).HasMaxLength(32);
        b.HasIndex(c => c.ReceiptNumber).IsUnique();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.AssignedToId).HasMaxLength(64);
        b.Property(c => c.AssignedToName).HasMaxLength(100);
        b.Property(c => c.AnswerText).HasMaxLength(Case.MaxAnswerLength);
        b.Property(c => c.AnsweredByName).HasMaxLength(100);
        b.Property(c => c.TransferredToAgency).HasMaxLength(200);
        b.Property(c => c.Topic).HasMaxLength(40);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsOpen);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The officer's list: their division's cases by due time (overdue first).
        b.HasIndex(c => new { c.DivisionId, c.State, c.DueAtUtc });
        b.HasIndex(c => new { c.AssignedToId, c.State, c.DueAtUtc });
        b.HasIndex(c => c.ReceivedAtUtc);
        // A division's finished cases, newest first (the case list after the open ones).
        b.HasIndex(c => new { c.DivisionId, c.ReceivedAtUtc });
        // The open cases only (a few percent of them all): a division's open count and list, and the deadline watcher,
        // read this without touching the rows. The filter is Case.OpenInQueries as EF writes it.
        b.HasIndex(c => new { c.DivisionId, c.DueAtUtc }, "IX_cases_case_open")
            .HasFilter("\"State\" IN ('Received', 'Assigned', 'InProgress', 'Extended') OR (\"State\" = 'Transferred' AND \"TransferredToAgency\" IS NULL)");
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("cases_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Reason).HasMaxLength(Case.MaxReasonLength + 210);
        b.HasIndex(e => new { e.CaseId, e.AtUtc });
    }
}
