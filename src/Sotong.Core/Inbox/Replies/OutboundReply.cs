using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Inbox.Replies;

public enum ReplyState
{
    Queued,
    Sent,
    /// <summary>The carrier confirmed delivery to the phone (SMS delivery receipt).</summary>
    Delivered,
    Failed,
}

/// <summary>
/// An officer's reply on the channel a message came from. The row is written before the platform is called
/// (idempotency key = message + attempt id), so a crash between the two never loses or doubles a reply.
/// </summary>
public sealed class OutboundReply
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MessageId { get; set; }
    public InboxChannel Channel { get; set; }
    public required string Text { get; set; }
    public required string IdempotencyKey { get; set; }
    public ReplyState State { get; set; } = ReplyState.Queued;
    public string? ProviderMessageId { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public required string SentById { get; set; }
    public required string SentByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}

internal sealed class OutboundReplyConfiguration : IEntityTypeConfiguration<OutboundReply>
{
    public void Configure(EntityTypeBuilder<OutboundReply> b)
    {
        b.ToTable("inbox_outbound_reply");
        b.HasKey(r => r.Id);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Text).HasMaxLength(4000);
        b.Property(r => r.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(r => r.IdempotencyKey).IsUnique();
        b.Property(r => r.ProviderMessageId).HasMaxLength(200);
        b.Property(r => r.Error).HasMaxLength(1000);
        b.Property(r => r.SentById).HasMaxLength(64);
        b.Property(r => r.SentByName).HasMaxLength(100);
        b.HasIndex(r => new { r.MessageId, r.CreatedAtUtc });
        b.HasIndex(r => new { r.State, r.CreatedAtUtc });
    }
}
