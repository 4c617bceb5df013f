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
    /// <summary>
    /// <see cref="HashOf"/> of the text: what the model sees of it. An imported example is "the same" as another when
    /// this and the division match (a unique index over imports); null only on rows stored before it existed, until
    /// the start-up backfill fills it.
    /// </summary>
    public string? TextHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByName { get; set; }

    public const int HashLength = 64;

    /// <summary>One in five texts is held out, by a stable hash of the text.</summary>
    public static bool HeldOut(string text) => Digest(text)[0] % 5 == 0;

    /// <summary>
    /// SHA-256 (lower-case hex) of the normalised text. Texts the normaliser folds together (width, case, digits, links,
    /// laughter) are one input to the model, so they are one example.
    /// </summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(Digest(text));

    private static byte[] Digest(string text) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Classify.TextNormalizer.Normalize(text)));
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
        b.Property(e => e.TextHash).HasMaxLength(TrainingExample.HashLength);
        // Re-importing the same history adds nothing. Only imports: an officer's correction must always be storable
        // (the same text may be corrected on fifty messages), and it replaces only that message's earlier correction.
        // Rows without a hash (from before the column) never collide: NULLs are distinct in both databases.
        b.HasIndex(e => new { e.TextHash, e.DivisionId }).IsUnique().HasFilter("\"Source\" = 'Import'");
        b.HasIndex(e => e.BatchId);
    }
}
