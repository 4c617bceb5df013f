using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Errors;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Campaigns;

public enum CampaignState
{
    Draft,

    /// <summary>Waiting for a second officer (city-wide) to approve or return it.</summary>
    PendingApproval,

    /// <summary>Approved to go now; the scheduler starts it at once.</summary>
    Approved,

    /// <summary>Approved to go at <see cref="Campaign.ScheduledForUtc"/>.</summary>
    Scheduled,

    /// <summary>Its recipients are in the outbox (or being written there); the delivery engine is sending.</summary>
    Sending,

    /// <summary>Every recipient's message has an outcome at the SMSC.</summary>
    Sent,

    /// <summary>Cancelled before it started, or stopped while sending (what had not gone yet was withdrawn).</summary>
    Cancelled,
}

public enum CampaignKind
{
    Information,

    /// <summary>Numbered options, one of them correct; winners are drawn among correct entries.</summary>
    Quiz,

    /// <summary>Free-text entries; winners are drawn among all entries.</summary>
    Contest,

    /// <summary>Numbered options, no correct one; the tally is the result.</summary>
    Poll,
}

/// <summary>What the author writes: the message, who it goes to, and when.</summary>
public sealed record CampaignContent(
    string Title,
    string Text,
    CampaignKind Kind,
    IReadOnlyList<string> Options,
    int? CorrectOption,
    SubscriberSegment Segment,
    bool Urgent,
    int ReplyWindowHours,
    DateTime? ScheduledForUtc);

/// <summary>
/// A targeted SMS to a segment of subscribers (U-행복소통): written, optionally approved by a second officer, started
/// now or at a set time (outside quiet hours unless urgent), then sent through the outbox. Every change is a method
/// that checks a named rule and bumps the version, so two officers acting at once are detected, not overwritten.
/// </summary>
public sealed class Campaign
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxOptions = 9;
    public const int MaxOptionLength = 100;
    public const int MaxReasonLength = 1000;
    public const int DefaultReplyWindowHours = 72;
    public const int MaxReplyWindowHours = 24 * 30;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string Text { get; set; }
    public CampaignKind Kind { get; set; }

    /// <summary>The numbered options of a quiz or poll, as a JSON array of strings (option 1 first).</summary>
    public string OptionsJson { get; set; } = "[]";

    /// <summary>The correct option's number (1-based) for a quiz.</summary>
    public int? CorrectOption { get; set; }

    /// <summary>The <see cref="SubscriberSegment"/> as JSON.</summary>
    public string SegmentJson { get; set; } = "{}";

    /// <summary>The registered sender number (the short number residents reply to).</summary>
    public required string Sender { get; set; }

    /// <summary>Urgent information goes even in quiet hours.</summary>
    public bool Urgent { get; set; }
    public int ReplyWindowHours { get; set; } = DefaultReplyWindowHours;
    public CampaignState State { get; set; } = CampaignState.Draft;

    /// <summary>The author's division: department officers see their division's campaigns, city-wide staff all.</summary>
    public Guid? DivisionId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When the author wants it to go; null for "as soon as it may".</summary>
    public DateTime? ScheduledForUtc { get; set; }
    public DateTime? RequestedAtUtc { get; set; }
    public string? ApproverId { get; set; }
    public string? ApproverName { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }

    /// <summary>Why the approver sent it back to its author (kept until the next request).</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The outbox batch; chosen before anything is enqueued, so a retried start writes nothing twice.</summary>
    public Guid? BatchId { get; set; }
    public DateTime? StartedAtUtc { get; set; }

    /// <summary>When the outbox may begin sending (after quiet hours for a non-urgent campaign started in them).</summary>
    public DateTime? SendsFromUtc { get; set; }

    /// <summary>Replies until this instant are linked to the campaign (and are entries of a participation campaign).</summary>
    public DateTime? ReplyUntilUtc { get; set; }

    /// <summary>How many subscribers the segment held when sending started.</summary>
    public int? AudienceSize { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }

    public bool IsParticipation => Kind is CampaignKind.Quiz or CampaignKind.Contest or CampaignKind.Poll;

    public static bool HasOptions(CampaignKind kind) => kind is CampaignKind.Quiz or CampaignKind.Poll;

    public IReadOnlyList<string> Options => JsonSerializer.Deserialize<List<string>>(OptionsJson, Json) ?? [];

    public SubscriberSegment Segment => JsonSerializer.Deserialize<SubscriberSegment>(SegmentJson, Json) ?? SubscriberSegment.Everyone;

    public static string SegmentToJson(SubscriberSegment segment) => JsonSerializer.Serialize(segment, Json);

    public static Campaign Create(CampaignContent content, string sender, Guid? divisionId, DateTime nowUtc, string authorId, string authorName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var c = new Campaign
        {
            Title = "", Text = "", Sender = sender, DivisionId = divisionId, AuthorId = authorId, AuthorName = authorName, CreatedAtUtc = nowUtc,
        };
        c.Apply(content, nowUtc);
        return c;
    }

    /// <summary>Only a draft is edited: what an approver saw, or what went out, stays as it was.</summary>
    public void Edit(CampaignContent content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        Require(State == CampaignState.Draft, "EditDrafts", "Only a draft can be edited (a returned campaign is a draft again).");
        Apply(content, nowUtc);
        Version++;
    }

    /// <summary>
    /// The author asks for it to go: to a second officer when approval is required, else straight to approved (now) or
    /// scheduled (later).
    /// </summary>
    public void RequestSending(bool approvalRequired, DateTime nowUtc)
    {
        Require(State == CampaignState.Draft, "RequestFromDraft", "Only a draft can be sent or submitted for approval.");
        RequireComplete(nowUtc);
        RequestedAtUtc = nowUtc;
        ReturnReason = null;
        if (approvalRequired)
        {
            Move(CampaignState.PendingApproval, nowUtc);
        }
        else
        {
            Move(IsDueAt(nowUtc) ? CampaignState.Approved : CampaignState.Scheduled, nowUtc);
        }
    }

    /// <summary>A second officer approves: the author never approves their own campaign.</summary>
    public void Approve(DateTime nowUtc, string approverId, string approverName)
    {
        Require(State == CampaignState.PendingApproval, "ApprovePendingCampaigns", "Only a campaign waiting for approval can be approved.");
        Require(!string.Equals(approverId, AuthorId, StringComparison.Ordinal), "ApproverIsNotAuthor", "A second officer approves: the author cannot approve their own campaign.");
        ApproverId = approverId;
        ApproverName = approverName;
        ApprovedAtUtc = nowUtc;
        // A schedule that passed while it waited means "now".
        Move(IsDueAt(nowUtc) ? CampaignState.Approved : CampaignState.Scheduled, nowUtc);
    }

    /// <summary>The approver sends it back to its author with the reason; it is a draft again.</summary>
    public void ReturnToAuthor(string reason, DateTime nowUtc)
    {
        Require(State == CampaignState.PendingApproval, "ReturnPendingCampaigns", "Only a campaign waiting for approval can be returned.");
        RequireReason(reason);
        ReturnReason = reason.Trim();
        Move(CampaignState.Draft, nowUtc);
    }

    /// <summary>True when an approved or scheduled campaign may start at <paramref name="nowUtc"/>.</summary>
    public bool IsDueAt(DateTime nowUtc) => ScheduledForUtc is not { } at || at <= nowUtc;

    /// <summary>
    /// Sending begins: the batch id is fixed here, before anything is enqueued, and the reply window counts from when
    /// the outbox may first send (<paramref name="sendsFromUtc"/>, after quiet hours).
    /// </summary>
    public Guid BeginSending(DateTime nowUtc, DateTime sendsFromUtc)
    {
        Require(State is CampaignState.Approved or CampaignState.Scheduled, "StartApprovedCampaigns", "Only an approved or scheduled campaign can start sending.");
        Require(IsDueAt(nowUtc), "StartWhenDue", "A scheduled campaign starts at its scheduled time.");
        BatchId ??= Guid.CreateVersion7();
        StartedAtUtc = nowUtc;
        SendsFromUtc = sendsFromUtc < nowUtc ? nowUtc : sendsFromUtc;
        ReplyUntilUtc = SendsFromUtc.Value.AddHours(ReplyWindowHours);
        Move(CampaignState.Sending, nowUtc);
        return BatchId.Value;
    }

    /// <summary>Every recipient's message has an outcome: the campaign is sent.</summary>
    public void Complete(DateTime nowUtc)
    {
        Require(State == CampaignState.Sending, "CompleteSendingCampaigns", "Only a campaign that is sending can be complete.");
        SentAtUtc = nowUtc;
        Move(CampaignState.Sent, nowUtc);
    }

    /// <summary>Stops a campaign midway: what has not gone yet is withdrawn from the outbox.</summary>
    public void Stop(DateTime nowUtc)
    {
        Require(State == CampaignState.Sending, "StopSendingCampaigns", "Only a campaign that is sending can be stopped.");
        CancelledAtUtc = nowUtc;
        CancelReason = "Stopped";
        Move(CampaignState.Cancelled, nowUtc);
    }

    /// <summary>Cancels a campaign that has not started.</summary>
    public void Cancel(string? reason, DateTime nowUtc)
    {
        Require(State is CampaignState.Draft or CampaignState.PendingApproval or CampaignState.Approved or CampaignState.Scheduled,
            "CancelUnsentCampaigns", "Only a campaign that has not started can be cancelled; stop one that is sending.");
        Require(reason is null || reason.Length <= MaxReasonLength, "ReasonsFit", $"A reason is at most {MaxReasonLength} characters.");
        CancelledAtUtc = nowUtc;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Move(CampaignState.Cancelled, nowUtc);
    }

    /// <summary>Checked when an officer acts: the version they saw must still be the campaign's.</summary>
    public void CheckVersion(int seen)
    {
        if (seen != Version)
        {
            // The API's exception handler answers this with 409, as for a save that lost the version race.
            throw new DbUpdateConcurrencyException("Someone else changed this campaign meanwhile; reload it and try again.");
        }
    }

    private void Apply(CampaignContent content, DateTime nowUtc)
    {
        Title = content.Title.Trim();
        Text = content.Text.Trim();
        Kind = content.Kind;
        var options = HasOptions(content.Kind) ? content.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList() : [];
        OptionsJson = JsonSerializer.Serialize(options, Json);
        CorrectOption = content.Kind == CampaignKind.Quiz ? content.CorrectOption : null;
        SegmentJson = SegmentToJson(content.Segment);
        Urgent = content.Urgent;
        ReplyWindowHours = content.ReplyWindowHours;
        ScheduledForUtc = content.ScheduledForUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>What a campaign needs before it can go (the form checks the same, field by field).</summary>
    private void RequireComplete(DateTime nowUtc)
    {
        Require(!string.IsNullOrWhiteSpace(Title), "CampaignsHaveATitle", "Give the campaign a title.");
        Require(!string.IsNullOrWhiteSpace(Text), "CampaignsHaveText", "Write the message.");
        Require(Sotong.Smpp.KoreanSmsSize.Measure(Text).Kind != Sotong.Smpp.KoreanSmsKind.TooLong, "MessageFits", "The message is longer than one LMS (2,000 bytes).");
        Require(ReplyWindowHours is > 0 and <= MaxReplyWindowHours, "ReplyWindowFits", $"The reply window is 1 to {MaxReplyWindowHours} hours.");
        if (HasOptions(Kind))
        {
            var count = Options.Count;
            Require(count is >= 2 and <= MaxOptions, "ParticipationHasOptions", $"A quiz or poll has 2 to {MaxOptions} options.");
            Require(Kind != CampaignKind.Quiz || CorrectOption is { } correct && correct >= 1 && correct <= count, "QuizHasAnAnswer", "Choose the quiz's correct option.");
        }
        Require(ScheduledForUtc is not { } at || at > nowUtc, "ScheduleInTheFuture", "A scheduled time must be in the future.");
    }

    private void Move(CampaignState to, DateTime nowUtc)
    {
        State = to;
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private static void RequireReason(string reason)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "GiveAReason", "Give the reason (the author is told it).");
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

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns_campaign");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(Campaign.MaxTitleLength);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.OptionsJson).HasMaxLength(2000);
        b.Property(c => c.SegmentJson).HasMaxLength(4000);
        b.Property(c => c.Sender).HasMaxLength(20);
        b.Property(c => c.AuthorId).HasMaxLength(64);
        b.Property(c => c.AuthorName).HasMaxLength(100);
        b.Property(c => c.ApproverId).HasMaxLength(64);
        b.Property(c => c.ApproverName).HasMaxLength(100);
        b.Property(c => c.ReturnReason).HasMaxLength(Campaign.MaxReasonLength);
        b.Property(c => c.CancelReason).HasMaxLength(Campaign.MaxReasonLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Options);
        b.Ignore(c => c.Segment);
        b.Ignore(c => c.IsParticipation);
        // The scheduler's question: what is due, what is sending.
        b.HasIndex(c => new { c.State, c.ScheduledForUtc });
        // The list, newest first, within a division.
        b.HasIndex(c => new { c.DivisionId, c.CreatedAtUtc });
        b.HasIndex(c => c.CreatedAtUtc);
        // The reply step: campaigns whose reply window is open.
        b.HasIndex(c => c.ReplyUntilUtc);
        b.HasIndex(c => c.BatchId).IsUnique().HasFilter("\"BatchId\" IS NOT NULL");
    }
}
