using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Errors;

namespace Sotong.Core.Triage.Training;

public enum ModelState
{
    Queued,
    Training,
    Ready,
    Failed,
}

public enum TrainingTrigger
{
    /// <summary>The starter model, trained from the corpus the project ships.</summary>
    Starter,
    /// <summary>After a history import.</summary>
    Import,
    /// <summary>An administrator asked (to take in the officers' corrections).</summary>
    Manual,
}

/// <summary>One trained (or training) model: its progress, its held-out metrics, its bytes, and whether it is live.</summary>
public sealed class TriageModelVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int Number { get; set; }
    public ModelState State { get; set; }
    public TrainingTrigger Trigger { get; set; }
    public int Percent { get; set; }
    public string Phase { get; set; } = "queued";
    public string? RequestedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public int TrainCount { get; set; }
    public int TestCount { get; set; }
    public double? KindMacroF1 { get; set; }
    public double? TopicMacroF1 { get; set; }
    public double? DivisionAccuracy { get; set; }
    public double? RoutingAccuracy { get; set; }
    /// <summary><see cref="ModelMetrics"/> as JSON: per-label F1 and the confusion matrices.</summary>
    public string? MetricsJson { get; set; }
    public byte[]? Bytes { get; set; }
    public string? Error { get; set; }
    public bool IsActive { get; set; }
    public DateTime? PromotedAtUtc { get; set; }
    public string? PromotedByName { get; set; }
    public int Version { get; set; }

    public void EnsurePromotable()
    {
        if (State != ModelState.Ready || Bytes is null)
        {
            throw new RuleViolationException("OnlyReadyModelsGoLive", "Only a model that finished training can be promoted.");
        }
        if (IsActive)
        {
            throw new RuleViolationException("AlreadyLive", "This model is already the live one.");
        }
    }
}

internal sealed class TriageModelVersionConfiguration : IEntityTypeConfiguration<TriageModelVersion>
{
    public void Configure(EntityTypeBuilder<TriageModelVersion> b)
    {
        b.ToTable("triage_model");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.Number).IsUnique();
        b.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Phase).HasMaxLength(40);
        b.Property(m => m.RequestedByName).HasMaxLength(100);
        b.Property(m => m.PromotedByName).HasMaxLength(100);
        b.Property(m => m.Error).HasMaxLength(2000);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}
