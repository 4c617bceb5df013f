using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Organization;

namespace Sotong.Core.Triage.Routing;

/// <summary>
/// One line of the routing table: messages on this topic (that contain one of the keywords, about this district,
/// when given) go to this division. Communications officers edit the table.
/// </summary>
public sealed class RoutingRule
{
    public const int MaxKeywordsLength = 500;
    /// <summary>One keyword; the decision records the one that matched.</summary>
    public const int MaxKeywordLength = 60;
    public const int MaxNoteLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Topic { get; set; }
    /// <summary>Comma-separated; matched case-insensitively anywhere in the normalised text. Empty: the topic's default.</summary>
    public string Keywords { get; set; } = "";
    public string? District { get; set; }
    public Guid DivisionId { get; set; }
    public Department? Division { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> KeywordList() =>
        [.. Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.ToLowerInvariant())];

    public static string JoinKeywords(IEnumerable<string> keywords) =>
        string.Join(", ", keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("triage_routing_rule");
        b.HasKey(r => r.Id);
        b.Property(r => r.Topic).HasMaxLength(Taxonomy.TriageTopic.MaxKeyLength);
        b.Property(r => r.Keywords).HasMaxLength(RoutingRule.MaxKeywordsLength);
        b.Property(r => r.District).HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(RoutingRule.MaxNoteLength);
        b.Property(r => r.UpdatedByName).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.Topic);
        b.HasOne(r => r.Division).WithMany().HasForeignKey(r => r.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
