using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Inbox;

namespace Sotong.Core.Triage.Training;

public enum ExampleSource
{
    /// <summary>From an imported history of the city's past messages.</summary>
    Import,
    /// <summary>An officer's correction (or confirmation) in the triage queue or on a message.</summary>
    Correction,
}

/// <summary>A labelled message the next model learns from. The shipped corpus is read from the app itself, not stored.</summary>
public sealed class TrainingExample
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Text { get; set; }
    public MessageIntent? Intent { get; set; }
    public string? Topic { get; set; }
    public Guid? DivisionId { get; set; }
    public ExampleSource Source { get; set; }
    /// <summary>The import it came with (one id per uploaded file).</summary>
    public Guid? BatchId { get; set; }
    public Guid? MessageId { get; set; }
    /// <summary>Held out for measuring, never trained on; decided from the text so a re-import keeps the same split.</summary>
    public bool IsTest { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByName { get; set; }

    /// <summary>One in five texts is held out, by a stable hash of the text.</summary>
    public static bool HeldOut(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Classify.TextNormalizer.Normalize(text)));
        return hash[0] % 5 == 0;
    }
}

internal sealed class TrainingExampleConfiguration : IEntityTypeConfiguration<TrainingExample>
{
    public void Configure(EntityTypeBuilder<TrainingExample> b)
    {
        b.ToTable("triage_example");
        b.HasKey(e => e.Id);
        b.Property(e => e.Text).HasMaxLength(InboxMessage.MaxTextLength);
        b.Property(e => e.Intent).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Topic).HasMaxLength(Taxonomy.TriageTopic.MaxKeyLength);
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.CreatedByName).HasMaxLength(100);
        b.HasIndex(e => new { e.Source, e.CreatedAtUtc });
        b.HasIndex(e => e.MessageId);
    }
}
