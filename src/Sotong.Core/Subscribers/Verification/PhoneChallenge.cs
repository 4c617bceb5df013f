using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Subscribers.Verification;

public enum ChallengePurpose
{
    SignUp,
    Withdraw,
}

/// <summary>
/// A code sent by SMS to prove the number is the resident's. Only a keyed hash of the code is stored; it expires after
/// <see cref="Lifetime"/> and dies after <see cref="MaxWrongTries"/> wrong tries. Deleted by the retention purge a day later.
/// </summary>
public sealed class PhoneChallenge
{
    public const int CodeLength = 6;
    public const int MaxWrongTries = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ChallengePurpose Purpose { get; set; }
    public required string PhoneHash { get; set; }

    /// <summary>The number, encrypted: the subscriber is created from it once the code is right.</summary>
    public required string ProtectedPhone { get; set; }
    public required string PhoneLast4 { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public int WrongTries { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}

internal sealed class PhoneChallengeConfiguration : IEntityTypeConfiguration<PhoneChallenge>
{
    public void Configure(EntityTypeBuilder<PhoneChallenge> b)
    {
        b.ToTable("subscribers_challenge");
        b.HasKey(c => c.Id);
        b.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.PhoneHash).HasMaxLength(64);
        b.Property(c => c.ProtectedPhone).HasMaxLength(400);
        b.Property(c => c.PhoneLast4).HasMaxLength(4);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        // The per-number limit counts a number's recent codes.
        b.HasIndex(c => new { c.PhoneHash, c.CreatedAtUtc });
        b.HasIndex(c => c.CreatedAtUtc);
    }
}
