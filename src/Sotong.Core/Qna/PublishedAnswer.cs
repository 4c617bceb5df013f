using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Qna;

/// <summary>
/// A question and its answer as the public may read them. Holds only masked text: the public portal never
/// reads the inbox's raw message or the case, so a masking miss there cannot leak through a join. The modules that
/// own the question (a single inbox message, or a case) push what may be shown here through <see cref="Publish.Publication"/>.
/// </summary>
public sealed class PublishedAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Set when one inbox message was published on its own.</summary>
    public Guid? SourceMessageId { get; set; }

    /// <summary>Set when a case was published.</summary>
    public Guid? SourceCaseId { get; set; }
    public required string ReceiptNumber { get; set; }
    public required string Channel { get; set; }
    public string Title { get; set; } = string.Empty;
    public required string MaskedQuestion { get; set; }
    public required string MaskedAnswer { get; set; }
    public Guid? DivisionId { get; set; }
    public required string DivisionNameKo { get; set; }
    public required string DivisionNameEn { get; set; }

    /// <summary>The triage topic code (the portal's topic filter and feed).</summary>
    public string? Topic { get; set; }

    /// <summary>Answered, Closed or Reopened (a citizen asked for more): the portal's status filter.</summary>
    public string Status { get; set; } = "Answered";
    public DateTime AskedAtUtc { get; set; }
    public DateTime AnsweredAtUtc { get; set; }

    /// <summary>Minutes from the question to the answer: the "fastest answered" sort.</summary>
    public int MinutesToAnswer { get; set; }
    public DateTime PublishedAtUtc { get; set; }

    /// <summary>False once an officer unpublished it; the row (and the case's history) stays.</summary>
    public bool IsPublished { get; set; } = true;
    public DateTime? UnpublishedAtUtc { get; set; }
    public string? UnpublishReason { get; set; }
    public int Recommendations { get; set; }
    public int VisibleComments { get; set; }

    /// <summary>Title, question and answer in lower case, for the trigram search index on both providers.</summary>
    public string SearchText { get; set; } = string.Empty;

    public void RefreshSearchText() => SearchText = $"{Title}\n{MaskedQuestion}\n{MaskedAnswer}".ToLowerInvariant();
}

/// <summary>
/// One recommendation: a keyed hash of the answer and a random browser id, so the same browser counts once while
/// nothing says who recommended (the browser id is random and never stored in the clear).
/// </summary>
public sealed class AnswerRecommendation
{
    public Guid AnswerId { get; set; }
    public required string VoterHash { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum CommentState
{
    Visible,

    /// <summary>The filter or readers' reports put it aside for a moderator.</summary>
    Held,
    Hidden,
}

public sealed class AnswerComment
{
    public const int MaxTextLength = 1000;
    public const int MaxNicknameLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AnswerId { get; set; }
    public required string Nickname { get; set; }

    /// <summary>Masked before it is stored: a comment is public text.</summary>
    public required string Text { get; set; }
    public DateTime PostedAtUtc { get; set; }
    public CommentState State { get; set; }

    /// <summary>Why the filter held it, or why a moderator hid it.</summary>
    public string? ModerationReason { get; set; }
    public string? ModeratedBy { get; set; }
    public DateTime? ModeratedAtUtc { get; set; }
    public int Reports { get; set; }

    /// <summary>Keyed hash of the poster's browser id: limits how fast one browser posts, says nothing of who.</summary>
    public required string AuthorHash { get; set; }
    public int Version { get; set; }
}

/// <summary>A reader's report of a comment, one per browser (hashed as for recommendations).</summary>
public sealed class CommentReport
{
    public Guid CommentId { get; set; }
    public required string ReporterHash { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class PublishedAnswerConfiguration : IEntityTypeConfiguration<PublishedAnswer>
{
    public void Configure(EntityTypeBuilder<PublishedAnswer> b)
    {
        b.ToTable("qna_published_answer");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.SourceMessageId).IsUnique();
        b.HasIndex(a => a.SourceCaseId).IsUnique();
        b.Property(a => a.ReceiptNumber).HasMaxLength(32);
        b.Property(a => a.Channel).HasMaxLength(16);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.MaskedQuestion).HasMaxLength(8000);
        b.Property(a => a.MaskedAnswer).HasMaxLength(8000);
        b.Property(a => a.DivisionNameKo).HasMaxLength(100);
        b.Property(a => a.DivisionNameEn).HasMaxLength(150);
        b.Property(a => a.Topic).HasMaxLength(40);
        b.Property(a => a.Status).HasMaxLength(16);
        b.Property(a => a.UnpublishReason).HasMaxLength(500);
        b.Property(a => a.SearchText).HasMaxLength(17000);
        b.Property(a => a.Recommendations).IsConcurrencyToken(false);
        // The portal's sorts, each within the published rows.
        b.HasIndex(a => new { a.IsPublished, a.PublishedAtUtc });
        b.HasIndex(a => new { a.IsPublished, a.Recommendations });
        b.HasIndex(a => new { a.IsPublished, a.MinutesToAnswer });
        b.HasIndex(a => new { a.IsPublished, a.Topic, a.PublishedAtUtc });
        b.HasIndex(a => new { a.IsPublished, a.DivisionId, a.PublishedAtUtc });
    }
}

internal sealed class AnswerRecommendationConfiguration : IEntityTypeConfiguration<AnswerRecommendation>
{
    public void Configure(EntityTypeBuilder<AnswerRecommendation> b)
    {
        b.ToTable("qna_recommendation");
        b.HasKey(r => new { r.AnswerId, r.VoterHash });
        b.Property(r => r.VoterHash).HasMaxLength(64).IsUnicode(false);
        b.HasOne<PublishedAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerCommentConfiguration : IEntityTypeConfiguration<AnswerComment>
{
    public void Configure(EntityTypeBuilder<AnswerComment> b)
    {
        b.ToTable("qna_comment");
        b.HasKey(c => c.Id);
        b.Property(c => c.Nickname).HasMaxLength(AnswerComment.MaxNicknameLength);
        b.Property(c => c.Text).HasMaxLength(AnswerComment.MaxTextLength + 100);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.ModerationReason).HasMaxLength(300);
        b.Property(c => c.ModeratedBy).HasMaxLength(100);
        b.Property(c => c.AuthorHash).HasMaxLength(64).IsUnicode(false);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<PublishedAnswer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.AnswerId, c.State, c.PostedAtUtc });
        b.HasIndex(c => new { c.State, c.PostedAtUtc });
        b.HasIndex(c => new { c.AuthorHash, c.PostedAtUtc });
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> b)
    {
        b.ToTable("qna_comment_report");
        b.HasKey(r => new { r.CommentId, r.ReporterHash });
        b.Property(r => r.ReporterHash).HasMaxLength(64).IsUnicode(false);
        b.Property(r => r.Reason).HasMaxLength(200);
        b.HasOne<AnswerComment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
