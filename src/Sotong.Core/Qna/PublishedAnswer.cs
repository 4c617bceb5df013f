using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Qna;

/// <summary>
/// A question and its answer as the public may read them. Holds only masked text: the public portal never
/// reads the inbox's raw message, so a masking miss there cannot leak through a join.
/// </summary>
public sealed class PublishedAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SourceMessageId { get; set; }
    public required string ReceiptNumber { get; set; }
    public required string Channel { get; set; }
    public required string MaskedQuestion { get; set; }
    public required string MaskedAnswer { get; set; }
    public Guid? DivisionId { get; set; }
    public required string DivisionNameKo { get; set; }
    public required string DivisionNameEn { get; set; }
    public DateTime AskedAtUtc { get; set; }
    public DateTime AnsweredAtUtc { get; set; }
    public DateTime PublishedAtUtc { get; set; }
}

internal sealed class PublishedAnswerConfiguration : IEntityTypeConfiguration<PublishedAnswer>
{
    public void Configure(EntityTypeBuilder<PublishedAnswer> b)
    {
        b.ToTable("qna_published_answer");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.SourceMessageId).IsUnique();
        b.Property(a => a.ReceiptNumber).HasMaxLength(32);
        b.Property(a => a.Channel).HasMaxLength(16);
        b.Property(a => a.MaskedQuestion).HasMaxLength(4000);
        b.Property(a => a.MaskedAnswer).HasMaxLength(4000);
        b.Property(a => a.DivisionNameKo).HasMaxLength(100);
        b.Property(a => a.DivisionNameEn).HasMaxLength(150);
        b.HasIndex(a => a.PublishedAtUtc);
    }
}
