using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Organization;

/// <summary>The platforms a city account can live on.</summary>
public enum ChannelPlatform
{
    X,
    Facebook,
    Instagram,
    KakaoTalkChannel,
    KakaoStory,
    YouTube,
    Blog,
    SmsShortNumber,
    Web,
    Telegram,
    /// <summary>A mailbox of the city's (Handle = the address), fed by the mail relay.</summary>
    Email,
}

/// <summary>The field (분야) an account serves; the SNS map groups accounts by it.</summary>
public enum ChannelField
{
    CityNews,
    Transport,
    Safety,
    Housing,
    Culture,
    Welfare,
    Health,
    Environment,
    Economy,
    Education,
    Mayor,
}

/// <summary>One of the city's accounts in the channel registry.</summary>
public sealed class ChannelAccount
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public ChannelPlatform Platform { get; set; }
    public required string Handle { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public required string Url { get; set; }
    public Guid OwningDivisionId { get; set; }
    public Department? OwningDivision { get; set; }
    public ChannelField Field { get; set; }
    public int FollowerCount { get; set; }
    public bool IsMayorAccount { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The platform's id for this account: the Facebook page id, Instagram account id, X user id, Kakao bot id, Telegram bot id.</summary>
    public string? ExternalId { get; set; }

    /// <summary>API secrets and tokens as a Data Protection–encrypted JSON object; read through <see cref="ChannelCredentials"/>.</summary>
    public string? ProtectedCredentials { get; set; }
}

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> b)
    {
        b.ToTable("org_channel_account");
        b.HasKey(a => a.Id);
        b.Property(a => a.Platform).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Field).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Handle).HasMaxLength(200);
        b.Property(a => a.NameKo).HasMaxLength(200);
        b.Property(a => a.NameEn).HasMaxLength(200);
        b.Property(a => a.Url).HasMaxLength(500);
        b.HasIndex(a => new { a.Platform, a.Handle }).IsUnique();
        b.Property(a => a.ExternalId).HasMaxLength(100);
        b.HasIndex(a => new { a.Platform, a.ExternalId });
        b.Property(a => a.ProtectedCredentials).HasMaxLength(8000);
        b.HasOne(a => a.OwningDivision).WithMany().HasForeignKey(a => a.OwningDivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
