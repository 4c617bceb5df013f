using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;

namespace Sotong.Core.Cases;

/// <summary>A citizen's message attached to a case; a message belongs to at most one case.</summary>
public sealed class CaseMessage
{
    public Guid CaseId { get; set; }
    public Guid MessageId { get; set; }
    public DateTime AttachedAtUtc { get; set; }

    /// <summary>
    /// The citizen's key to their case: the link in every answer and notice carries it, so they can read the answer,
    /// rate it and ask for more without an account. Random, unguessable, one per attached message (one per citizen).
    /// </summary>
    public string CitizenToken { get; set; } = NewToken();

    /// <summary>The citizen's rating of the answer, 1–5 (the last one they gave counts).</summary>
    public int? Rating { get; set; }
    public DateTime? RatedAtUtc { get; set; }

    /// <summary>When the citizen agreed, from their link, that the question and answer may be published (masked).</summary>
    public DateTime? PublishConsentAtUtc { get; set; }

    public const int TokenLength = 22;

    public static string NewToken() => RandomTokens.Base64Url(16);
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("cases_case_message");
        b.HasKey(m => new { m.CaseId, m.MessageId });
        b.HasIndex(m => m.MessageId).IsUnique();
        b.Property(m => m.CitizenToken).HasMaxLength(CaseMessage.TokenLength).IsUnicode(false);
        b.HasIndex(m => m.CitizenToken).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InboxMessage>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
