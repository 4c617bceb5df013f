using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Inbox;

namespace Sotong.Core.Cases;

/// <summary>A citizen's message attached to a case; a message belongs to at most one case.</summary>
public sealed class CaseMessage
{
    public Guid CaseId { get; set; }
    public Guid MessageId { get; set; }
    public DateTime AttachedAtUtc { get; set; }
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("cases_case_message");
        b.HasKey(m => new { m.CaseId, m.MessageId });
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<InboxMessage>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
