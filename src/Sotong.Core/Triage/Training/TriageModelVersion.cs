using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;

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
    /// <summary>Where training is: one of <see cref="TrainingPhases"/> (a key; the page and the API show it in the reader's language).</summary>
    public string Phase { get; set; } = TrainingPhases.Queued;
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

    public void EnsurePromotable(IStringLocalizer<Text> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (State != ModelState.Ready || Bytes is null)
        {
            throw new RuleViolationException("OnlyReadyModelsGoLive", text["Triage.Rule.OnlyReadyModelsGoLive"]);
        }
        if (IsActive)
        {
            throw new RuleViolationException("AlreadyLive", text["Triage.Rule.AlreadyLive"]);
        }
        if (!Classify.TriageModelFile.IsReadable(Bytes))
        {
            throw new RuleViolationException("OlderModelFormat", text["Triage.Rule.OlderModelFormat"]);
        }
    }
}

/// <summary>The phases a training goes through, in order, as stored on the model row (resource keys <c>Triage.Phase.*</c>).</summary>
public static class TrainingPhases
{
    public const string Queued = "queued";
    public const string Loading = "loading";
    public const string Featurising = "featurising";
    public const string Kind = "kind";
    public const string Topic = "topic";
    public const string Division = "division";
    public const string Evaluating = "evaluating";
    public const string Routing = "routing";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>The phase in the reader's language; a phase stored by an older version is shown as it was stored.</summary>
    public static string Name(IStringLocalizer<Text> text, string phase)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text[$"Triage.Phase.{phase}"];
        return name.ResourceNotFound ? phase : name.Value;
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
