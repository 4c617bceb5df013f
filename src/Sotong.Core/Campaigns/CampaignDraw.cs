using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Campaigns;

/// <summary>
/// A recorded winners' draw: the seed, the eligible entries in their fixed order with the list's hash, and the
/// winners, so anyone can recompute it (<see cref="Participation.WinnerDraw"/>) and see that it matches.
/// </summary>
public sealed class CampaignDraw
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }

    /// <summary>256 random bits, as 64 lowercase hex digits.</summary>
    public required string Seed { get; set; }
    public int WinnerCount { get; set; }
    public int EligibleCount { get; set; }

    /// <summary>The eligible entries' ids, in the draw's fixed order (<see cref="Participation.WinnerDraw.ListText"/>).</summary>
    public required string EligibleIds { get; set; }

    /// <summary>SHA-256 of <see cref="EligibleIds"/>, lowercase hex.</summary>
    public required string EligibleHash { get; set; }

    /// <summary>The winning entries' ids, best rank first, one per line.</summary>
    public required string WinnerIds { get; set; }
    public DateTime DrawnAtUtc { get; set; }
    public required string DrawnById { get; set; }
    public required string DrawnByName { get; set; }
}

internal sealed class CampaignDrawConfiguration : IEntityTypeConfiguration<CampaignDraw>
{
    public void Configure(EntityTypeBuilder<CampaignDraw> b)
    {
        b.ToTable("campaigns_draw");
        b.HasKey(d => d.Id);
        b.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // One draw per campaign: a second one would let an officer draw until they like the result.
        b.HasIndex(d => d.CampaignId).IsUnique();
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.EligibleHash).HasMaxLength(64);
        b.Property(d => d.DrawnById).HasMaxLength(64);
        b.Property(d => d.DrawnByName).HasMaxLength(100);
    }
}
