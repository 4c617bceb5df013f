using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Subscribers;

public enum SubscriberStatus
{
    /// <summary>Signed up on the web; the phone number is not confirmed yet, so nothing is sent but the code.</summary>
    Pending,
    Active,

    /// <summary>Withdrew consent (web page, SMS keyword, staff); purged on the retention schedule.</summary>
    Withdrawn,
}

public enum SubscriberGender
{
    Unspecified,
    Female,
    Male,
}

public enum SubscriberSource
{
    Web,
    PaperForm,
    Import,
}

/// <summary>
/// A resident who receives the district's SMS by interest (U-행복소통). The phone number is stored encrypted
/// (<see cref="ProtectedPhone"/>, Data Protection) and found by its keyed hash (<see cref="PhoneHash"/>); the
/// outbox copies the encrypted value, so a million-recipient send decrypts one number at a time as it submits.
/// </summary>
public sealed class Subscriber
{
    public const int MinimumAge = 14;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ProtectedPhone { get; set; }

    /// <summary>HMAC of the normalised number (digits, 010…); unique among subscribers.</summary>
    public required string PhoneHash { get; set; }

    /// <summary>The last four digits, so staff can tell subscribers apart without decrypting.</summary>
    public required string PhoneLast4 { get; set; }
    public SubscriberGender Gender { get; set; }
    public int BirthYear { get; set; }

    /// <summary>The administrative dong's code (<see cref="SubscriberDong.Code"/>).</summary>
    public required string DongCode { get; set; }

    /// <summary>Interest areas as bits (<see cref="SubscriberInterest.Bit"/>), so "any of" and "all of" are one SQL test each.</summary>
    public int Interests { get; set; }

    /// <summary>Members of one household share it (the service aims at one subscriber per household).</summary>
    public Guid? HouseholdId { get; set; }
    public SubscriberStatus Status { get; set; } = SubscriberStatus.Pending;
    public SubscriberSource Source { get; set; }

    /// <summary>The consent notice's version the resident agreed to, and when.</summary>
    public int ConsentNoticeVersion { get; set; }
    public DateTime ConsentedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnVia { get; set; }

    /// <summary>Consent runs out after the notice's retention period unless renewed; purged after that.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Under 14: a parent or guardian signed the paper form (the web never takes under-14s).</summary>
    public bool GuardianConsent { get; set; }

    /// <summary>Consent given (again): active, with the notice's version and its retention counted from <paramref name="consentedAtUtc"/>.</summary>
    public void Consent(int noticeVersion, int retentionMonths, DateTime consentedAtUtc)
    {
        ConsentNoticeVersion = noticeVersion;
        ConsentedAtUtc = consentedAtUtc;
        ExpiresAtUtc = consentedAtUtc.AddMonths(retentionMonths);
        Status = SubscriberStatus.Active;
        WithdrawnAtUtc = null;
        WithdrawnVia = null;
    }

    /// <summary>Withdraws consent; false when already withdrawn (a repeated request changes nothing).</summary>
    public bool Withdraw(string via, DateTime atUtc)
    {
        if (Status == SubscriberStatus.Withdrawn)
        {
            return false;
        }
        Status = SubscriberStatus.Withdrawn;
        WithdrawnAtUtc = atUtc;
        WithdrawnVia = via;
        return true;
    }
}

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers_subscriber");
        b.HasKey(s => s.Id);
        b.Property(s => s.ProtectedPhone).HasMaxLength(400);
        b.Property(s => s.PhoneHash).HasMaxLength(64);
        b.HasIndex(s => s.PhoneHash).IsUnique();
        b.Property(s => s.PhoneLast4).HasMaxLength(4);
        b.Property(s => s.Gender).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.DongCode).HasMaxLength(20);
        b.Property(s => s.WithdrawnVia).HasMaxLength(32);
        // Segments always filter on status first, then dong / birth year / interests.
        b.HasIndex(s => new { s.Status, s.DongCode, s.BirthYear });
        b.HasIndex(s => s.HouseholdId);
        b.HasIndex(s => new { s.Status, s.ExpiresAtUtc });
    }
}

/// <summary>An administrative dong residents can choose (Jung-gu's 15 in the demo); configurable per district.</summary>
public sealed class SubscriberDong
{
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class SubscriberDongConfiguration : IEntityTypeConfiguration<SubscriberDong>
{
    public void Configure(EntityTypeBuilder<SubscriberDong> b)
    {
        b.ToTable("subscribers_dong");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(20);
        b.Property(d => d.NameKo).HasMaxLength(50);
        b.Property(d => d.NameEn).HasMaxLength(80);
    }
}

/// <summary>An interest area (복지, 교통 …); <see cref="Bit"/> is its position in <see cref="Subscriber.Interests"/> (0–30).</summary>
public sealed class SubscriberInterest
{
    public const int MaxBits = 31;

    public required string Code { get; set; }
    public int Bit { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public int Mask => 1 << Bit;
}

internal sealed class SubscriberInterestConfiguration : IEntityTypeConfiguration<SubscriberInterest>
{
    public void Configure(EntityTypeBuilder<SubscriberInterest> b)
    {
        b.ToTable("subscribers_interest");
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(32);
        b.HasIndex(i => i.Bit).IsUnique();
        b.Property(i => i.NameKo).HasMaxLength(50);
        b.Property(i => i.NameEn).HasMaxLength(80);
        b.Ignore(i => i.Mask);
    }
}
