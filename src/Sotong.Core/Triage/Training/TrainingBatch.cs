using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Triage.Training;

/// <summary>
/// One import that stored examples: its file, what it found and who ran it. Its examples carry its id
/// (<see cref="TrainingExample.BatchId"/>), so an administrator can take a wrong file back out as a whole.
/// </summary>
public sealed class TrainingBatch
{
    public const int MaxFileNameLength = 260;

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The uploaded file's name (without any folder); null for a raw upload or a batch from before names were kept.</summary>
    public string? FileName { get; set; }
    /// <summary>Rows in the file.</summary>
    public int Rows { get; set; }
    /// <summary>Examples it stored.</summary>
    public int Added { get; set; }
    /// <summary>Rows repeated in the file or already imported before.</summary>
    public int Duplicates { get; set; }
    /// <summary>Rows refused because a field was wrong.</summary>
    public int Errors { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }

    /// <summary>Only the name: a browser or a script may send a path.</summary>
    public static string? CleanFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? null : name.Length > MaxFileNameLength ? name[..MaxFileNameLength] : name;
    }
}

internal sealed class TrainingBatchConfiguration : IEntityTypeConfiguration<TrainingBatch>
{
    public void Configure(EntityTypeBuilder<TrainingBatch> b)
    {
        b.ToTable("triage_import_batch");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(TrainingBatch.MaxFileNameLength);
        b.Property(x => x.CreatedById).HasMaxLength(64);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasIndex(x => x.CreatedAtUtc);
    }
}
