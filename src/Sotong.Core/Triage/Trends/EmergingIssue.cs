using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Triage.Trends;

/// <summary>A topic (or topic in one district) suddenly far busier than usual: how a snowstorm shows up first.</summary>
public sealed class EmergingIssue
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Topic { get; set; }
    public string? District { get; set; }
    public DateTime DetectedAtUtc { get; set; }
    /// <summary>Last time the count was refreshed; an issue stays one issue while it keeps spiking.</summary>
    public DateTime UpdatedAtUtc { get; set; }
    public int LastHourCount { get; set; }
    public double UsualPerHour { get; set; }
    public int PeakCount { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgedByName { get; set; }

    public bool IsOpen => AcknowledgedAtUtc is null;
}

/// <summary>Messages per topic (and district) per hour: the usual level spikes are measured against.</summary>
public sealed class HourlyCount
{
    public DateTime HourUtc { get; set; }
    public required string Topic { get; set; }
    /// <summary>"" when no district was named (a key column cannot be null).</summary>
    public string District { get; set; } = "";
    public int Count { get; set; }
}

internal sealed class EmergingIssueConfiguration : IEntityTypeConfiguration<EmergingIssue>
{
    public void Configure(EntityTypeBuilder<EmergingIssue> b)
    {
        b.ToTable("triage_emerging_issue");
        b.HasKey(e => e.Id);
        b.Property(e => e.Topic).HasMaxLength(Taxonomy.TriageTopic.MaxKeyLength);
        b.Property(e => e.District).HasMaxLength(20);
        b.Property(e => e.AcknowledgedByName).HasMaxLength(100);
        b.HasIndex(e => e.DetectedAtUtc);
    }
}

internal sealed class HourlyCountConfiguration : IEntityTypeConfiguration<HourlyCount>
{
    public void Configure(EntityTypeBuilder<HourlyCount> b)
    {
        b.ToTable("triage_hourly_count");
        b.HasKey(h => new { h.HourUtc, h.Topic, h.District });
        b.Property(h => h.Topic).HasMaxLength(Taxonomy.TriageTopic.MaxKeyLength);
        b.Property(h => h.District).HasMaxLength(20);
    }
}
