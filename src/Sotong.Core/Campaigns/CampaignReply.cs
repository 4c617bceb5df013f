using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Campaigns;

/// <summary>What a reply is as an entry of a participation campaign.</summary>
public enum EntryStatus
{
    /// <summary>A reply to an information campaign: not an entry.</summary>
    NotAnEntry,

    /// <summary>The subscriber's first valid entry: it is tallied and may win.</summary>
    Counted,

    /// <summary>A valid entry after the subscriber's first one: kept, not counted.</summary>
    Superseded,

    /// <summary>Not an option's number or text (a question, a thank-you): kept as a reply, not counted.</summary>
    Unrecognised,
}

/// <summary>
/// A text a subscriber sent back within a campaign's reply window. It is stored beside its inbox message, in the same
/// transaction (the inbox message is the reply itself; this row links it to the campaign and holds the parsed entry).
/// </summary>
public sealed class CampaignReply
{
    public const int MaxEntryTextLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }

    /// <summary>The inbox message (<c>/staff/inbox/{MessageId}</c>); one reply row per message.</summary>
    public Guid MessageId { get; set; }
    public Guid SubscriberId { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public EntryStatus Entry { get; set; }

    /// <summary>The option chosen (1-based) in a quiz or poll.</summary>
    public int? Option { get; set; }

    /// <summary>A contest entry's text.</summary>
    public string? EntryText { get; set; }
}

internal sealed class CampaignReplyConfiguration : IEntityTypeConfiguration<CampaignReply>
{
    public void Configure(EntityTypeBuilder<CampaignReply> b)
    {
        b.ToTable("campaigns_reply");
        b.HasKey(r => r.Id);
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.MessageId).IsUnique();
        b.Property(r => r.Entry).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.EntryText).HasMaxLength(CampaignReply.MaxEntryTextLength);
        // The campaign page's list (newest first) and tally; a subscriber's earlier entry.
        b.HasIndex(r => new { r.CampaignId, r.ReceivedAtUtc });
        b.HasIndex(r => new { r.CampaignId, r.SubscriberId });
    }
}
