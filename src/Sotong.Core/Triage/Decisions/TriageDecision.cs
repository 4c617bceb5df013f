using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Errors;
using Sotong.Core.Inbox;
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Decisions;

public enum TriageState
{
    /// <summary>Sure enough: labelled and sent to its division.</summary>
    Routed,
    /// <summary>Below the confidence threshold: waits in the triage queue for a person.</summary>
    NeedsReview,
    /// <summary>An officer confirmed or corrected it (and the correction became a training example).</summary>
    Reviewed,
}

/// <summary>How triage decided one message, and what a person changed: the "why" shown beside every message.</summary>
public sealed class TriageDecision
{
    public Guid MessageId { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime DecidedAtUtc { get; set; }
    public MessageIntent Intent { get; set; }
    public double IntentConfidence { get; set; }
    public required string Topic { get; set; }
    public double TopicConfidence { get; set; }
    public string? District { get; set; }
    public Guid? DivisionId { get; set; }
    public double DivisionConfidence { get; set; }
    public DivisionSource DivisionSource { get; set; }
    public Guid? RuleId { get; set; }
    public string? MatchedKeyword { get; set; }
    public double Confidence { get; set; }
    public int ModelVersion { get; set; }
    public TriageState State { get; set; }
    /// <summary>
    /// The first message of its near-duplicate group (itself when it started the group or stands alone). A message an
    /// officer took out of its group gets a new id of its own (<see cref="Ungroup"/>), so the group keeps its id, and
    /// its first message, even when that message is the one taken out.
    /// </summary>
    public Guid GroupId { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public int Version { get; set; }

    public static TriageDecision From(Guid messageId, DateTime receivedAtUtc, Classification c, double threshold, DateTime nowUtc) => new()
    {
        MessageId = messageId,
        ReceivedAtUtc = receivedAtUtc,
        DecidedAtUtc = nowUtc,
        Intent = c.Kind,
        IntentConfidence = c.KindConfidence,
        Topic = c.Topic,
        TopicConfidence = c.TopicConfidence,
        District = c.District,
        DivisionId = c.DivisionId,
        DivisionConfidence = c.DivisionConfidence,
        DivisionSource = c.DivisionSource,
        RuleId = c.RuleId,
        MatchedKeyword = c.MatchedKeyword,
        Confidence = c.Confidence,
        ModelVersion = c.ModelVersion,
        State = c.Confidence >= threshold ? TriageState.Routed : TriageState.NeedsReview,
        GroupId = messageId,
    };

    /// <summary>An officer says the message is not the same issue as the rest of its group: it stands alone from now on.</summary>
    public Guid Ungroup()
    {
        // Not its own id: the group's id is its first message's, and the group's case is found by it (see GroupId).
        GroupId = Guid.CreateVersion7();
        Version++;
        return GroupId;
    }

    /// <summary>A person's answer to "is this right?": the labels they chose replace the model's.</summary>
    public void Review(MessageIntent intent, string topic, Guid? divisionId, string staffId, string staffName, DateTime nowUtc)
    {
        if (divisionId is null && intent != MessageIntent.Spam)
        {
            throw new RuleViolationException("ReviewedMessagesHaveADivision", "Choose the division the message goes to (only spam goes nowhere).");
        }
        if (DivisionId != divisionId)
        {
            RuleId = null;
            MatchedKeyword = null;
        }
        // Confirmed or changed, the division is now a person's decision.
        DivisionSource = DivisionSource.Officer;
        Intent = intent;
        Topic = topic;
        DivisionId = divisionId;
        State = TriageState.Reviewed;
        ReviewedById = staffId;
        ReviewedByName = staffName;
        ReviewedAtUtc = nowUtc;
        Version++;
    }
}

internal sealed class TriageDecisionConfiguration : IEntityTypeConfiguration<TriageDecision>
{
    public void Configure(EntityTypeBuilder<TriageDecision> b)
    {
        b.ToTable("triage_decision");
        b.HasKey(d => d.MessageId);
        b.HasOne<InboxMessage>().WithOne().HasForeignKey<TriageDecision>(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Intent).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Topic).HasMaxLength(Taxonomy.TriageTopic.MaxKeyLength);
        b.Property(d => d.District).HasMaxLength(20);
        b.Property(d => d.DivisionSource).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.MatchedKeyword).HasMaxLength(60);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ReviewedById).HasMaxLength(64);
        b.Property(d => d.ReviewedByName).HasMaxLength(100);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.State, d.ReceivedAtUtc });
        b.HasIndex(d => d.ReceivedAtUtc);
        b.HasIndex(d => d.GroupId);
    }
}
