using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Common.Errors;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts;

/// <summary>Where an alert is in its two-person path. Only <see cref="Issued"/> reaches the public.</summary>
public enum AlertState
{
    Draft,
    PendingApproval,
    Issued,
    Rejected,
}

/// <summary>
/// One CAP message of the city's: an alert, or an update or cancellation of an earlier one (<see cref="ReferencesId"/>).
/// Written by one person, issued only when a second person (an alert approver with an authenticator code) approves;
/// from that moment its CAP document (<see cref="CapDocument"/>) is fixed and served as it was issued.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The CAP identifier: unique per sender, no spaces or commas; also the public URL's name.</summary>
    public required string Identifier { get; set; }

    public CapStatus Status { get; set; } = CapStatus.Actual;
    public CapMsgType MsgType { get; set; } = CapMsgType.Alert;

    /// <summary>The message this one updates or cancels (the one it follows directly).</summary>
    public Guid? ReferencesId { get; set; }

    public required string HazardKey { get; set; }
    public CapCategory Category { get; set; }
    public required string EventKo { get; set; }
    public required string EventEn { get; set; }
    public CapUrgency Urgency { get; set; }
    public CapSeverity Severity { get; set; }
    public CapCertainty Certainty { get; set; }
    public CapResponseType ResponseType { get; set; }
    public DateTime? OnsetAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>The SMS form: at most 90 characters, Korean (the cell-broadcast limit).</summary>
    public required string SmsText { get; set; }
    public required string HeadlineKo { get; set; }
    public required string HeadlineEn { get; set; }
    public required string DescriptionKo { get; set; }
    public required string DescriptionEn { get; set; }
    public required string InstructionKo { get; set; }
    public required string InstructionEn { get; set; }

    /// <summary>The area as people read it ("중구 명동, 회현동").</summary>
    public required string AreaDescKo { get; set; }
    public required string AreaDescEn { get; set; }

    /// <summary>The administrative dongs the alert covers, comma-separated codes; empty with <see cref="AudienceAll"/> for the whole district.</summary>
    public string DongCodes { get; set; } = "";

    /// <summary>An optional polygon in CAP's form: "lat,lon lat,lon …", closed.</summary>
    public string? Polygon { get; set; }

    /// <summary>SMS to every subscriber, not only those living in the dongs.</summary>
    public bool AudienceAll { get; set; }

    public AlertState State { get; set; } = AlertState.Draft;
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? ApproverId { get; set; }
    public string? ApproverName { get; set; }

    /// <summary>The approval instant, which is CAP's <c>sent</c>.</summary>
    public DateTime? IssuedAtUtc { get; set; }
    public string? RejectReason { get; set; }

    /// <summary>Set on an issued message when a later update or cancellation of it is issued.</summary>
    public Guid? SupersededById { get; set; }

    /// <summary>The CAP 1.2 XML as issued.</summary>
    public string? CapDocument { get; set; }

    /// <summary>The outbox batch of its SMS (the alert's id).</summary>
    public Guid? BatchId { get; set; }
    public int? SmsAudience { get; set; }
    public DateTime? SmsQueuedAtUtc { get; set; }
    public DateTime? BannerPushedAtUtc { get; set; }
    public DateTime? SnsFinishedAtUtc { get; set; }

    /// <summary>Every channel has been handed the alert (SMS queued, SNS finished, banner pushed).</summary>
    public bool FanOutDone { get; set; }

    /// <summary>The node handing it out holds it until then (a dead node's lease runs out and another resumes).</summary>
    public DateTime? FanOutLeaseUntilUtc { get; set; }
    public string? FanOutLeaseNode { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> Dongs => DongCodes.Length == 0 ? [] : DongCodes.Split(',');

    public bool IsExercise => Status is CapStatus.Exercise or CapStatus.Test or CapStatus.Draft;

    public void CheckVersion(int version)
    {
        if (version != Version)
        {
            throw new RuleViolationException("StaleVersion", "The alert was changed by someone else; reload it and try again.");
        }
    }

    public void RequireDraft()
    {
        if (State is not (AlertState.Draft or AlertState.Rejected))
        {
            throw new RuleViolationException("AlertNotDraft", $"The alert is {State}: only a draft or a rejected alert can be changed or submitted.");
        }
    }

    public void Submit(DateTime now)
    {
        RequireDraft();
        State = AlertState.PendingApproval;
        SubmittedAtUtc = now;
        RejectReason = null;
        Version++;
    }

    /// <summary>The two-person rule: the approver is never the author. The second factor is checked by the handler.</summary>
    public void Issue(DateTime now, string approverId, string approverName)
    {
        if (State != AlertState.PendingApproval)
        {
            throw new RuleViolationException("AlertNotPending", $"The alert is {State}: only an alert awaiting approval can be approved.");
        }
        if (string.Equals(approverId, AuthorId, StringComparison.Ordinal))
        {
            throw new RuleViolationException("TwoPersonRule", "The author of an alert cannot approve it: a second alert approver must.");
        }
        State = AlertState.Issued;
        ApproverId = approverId;
        ApproverName = approverName;
        IssuedAtUtc = now;
        BatchId = Id;
        Version++;
    }

    public void Reject(string reason, DateTime now)
    {
        if (State != AlertState.PendingApproval)
        {
            throw new RuleViolationException("AlertNotPending", $"The alert is {State}: only an alert awaiting approval can be rejected.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["reason"] = ["Say why the alert is rejected, so its author can mend it."] });
        }
        State = AlertState.Rejected;
        RejectReason = reason.Trim();
        SubmittedAtUtc = null;
        _ = now;
        Version++;
    }
}

/// <summary>The result of posting one issued alert on one SNS account, for the status board and the record.</summary>
public sealed class AlertSnsPost
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AlertId { get; set; }
    public Guid AccountId { get; set; }
    public ChannelPlatform Platform { get; set; }
    public required string Handle { get; set; }
    public bool Posted { get; set; }
    public string? ProviderPostId { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public int TookMs { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts_alert");
        b.HasKey(a => a.Id);
        b.Property(a => a.Identifier).HasMaxLength(100);
        b.HasIndex(a => a.Identifier).IsUnique();
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.MsgType).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Urgency).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Certainty).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ResponseType).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.HazardKey).HasMaxLength(40);
        b.Property(a => a.EventKo).HasMaxLength(100);
        b.Property(a => a.EventEn).HasMaxLength(100);
        b.Property(a => a.SmsText).HasMaxLength(200);
        b.Property(a => a.HeadlineKo).HasMaxLength(200);
        b.Property(a => a.HeadlineEn).HasMaxLength(200);
        b.Property(a => a.DescriptionKo).HasMaxLength(4000);
        b.Property(a => a.DescriptionEn).HasMaxLength(4000);
        b.Property(a => a.InstructionKo).HasMaxLength(4000);
        b.Property(a => a.InstructionEn).HasMaxLength(4000);
        b.Property(a => a.AreaDescKo).HasMaxLength(500);
        b.Property(a => a.AreaDescEn).HasMaxLength(500);
        b.Property(a => a.DongCodes).HasMaxLength(1000);
        b.Property(a => a.Polygon).HasMaxLength(8000);
        b.Property(a => a.AuthorId).HasMaxLength(64);
        b.Property(a => a.AuthorName).HasMaxLength(200);
        b.Property(a => a.ApproverId).HasMaxLength(64);
        b.Property(a => a.ApproverName).HasMaxLength(200);
        b.Property(a => a.RejectReason).HasMaxLength(1000);
        b.Property(a => a.CapDocument).HasMaxLength(100_000);
        b.Property(a => a.FanOutLeaseNode).HasMaxLength(40);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Dongs);
        b.Ignore(a => a.IsExercise);
        // The public feeds and the banner ask for issued messages not yet expired; the issuer for those not yet fanned out.
        b.HasIndex(a => new { a.State, a.ExpiresAtUtc });
        b.HasIndex(a => new { a.State, a.FanOutDone });
        b.HasIndex(a => a.ReferencesId);
    }
}

internal sealed class AlertSnsPostConfiguration : IEntityTypeConfiguration<AlertSnsPost>
{
    public void Configure(EntityTypeBuilder<AlertSnsPost> b)
    {
        b.ToTable("alerts_sns_post");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.AlertId, p.AccountId }).IsUnique();
        b.Property(p => p.Platform).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Handle).HasMaxLength(200);
        b.Property(p => p.ProviderPostId).HasMaxLength(200);
        b.Property(p => p.Error).HasMaxLength(1000);
    }
}
