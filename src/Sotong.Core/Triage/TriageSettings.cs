using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Triage;

/// <summary>The knobs administrators turn (one row).</summary>
public sealed class TriageSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    /// <summary>Below this (the weakest label's probability) a message waits in the triage queue.</summary>
    public double ConfidenceThreshold { get; set; } = 0.5;
    /// <summary>The model's division is used (over the topic's catch-all) only when it is at least this sure.</summary>
    public double ModelDivisionThreshold { get; set; } = 0.5;
    /// <summary>
    /// When on, a sure division from the model (trained on the city's own history) beats keyword rules; district rules
    /// still win. Off by default: the routing table is the officers' word.
    /// </summary>
    public bool PreferLearnedDivision { get; set; }
    /// <summary>An hour is a spike when it has this many times the usual hourly count…</summary>
    public double SpikeRatio { get; set; } = 4;
    /// <summary>…and at least this many messages.</summary>
    public int SpikeMinimum { get; set; } = 12;
    public int Version { get; set; }
}

internal sealed class TriageSettingsConfiguration : IEntityTypeConfiguration<TriageSettings>
{
    public void Configure(EntityTypeBuilder<TriageSettings> b)
    {
        b.ToTable("triage_setting");
        b.HasKey(s => s.Id);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}
