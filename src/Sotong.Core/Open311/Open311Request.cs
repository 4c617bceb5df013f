using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Inbox;

namespace Sotong.Core.Open311;

/// <summary>
/// What a GeoReport v2 client sent with a service request, beside the inbox message it became: the service (a triage
/// topic), the place and the client's ids. The request's id for Open311 is the message's receipt number.
/// </summary>
public sealed class Open311Request
{
    public Guid MessageId { get; set; }

    /// <summary>Returned by POST; <c>tokens/{token}</c> resolves it to the request id.</summary>
    public required string Token { get; set; }
    public required string ServiceCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AddressString { get; set; }
    public string? AddressId { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
    public string? MediaUrl { get; set; }
    public Guid ApiKeyId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
}

/// <summary>A key an integrator sends with POST requests; only its SHA-256 is kept.</summary>
public sealed class Open311ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in the admin list.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

internal sealed class Open311RequestConfiguration : IEntityTypeConfiguration<Open311Request>
{
    public void Configure(EntityTypeBuilder<Open311Request> b)
    {
        b.ToTable("open311_request");
        b.HasKey(r => r.MessageId);
        b.Property(r => r.Token).HasMaxLength(36).IsUnicode(false);
        b.HasIndex(r => r.Token).IsUnique();
        b.Property(r => r.ServiceCode).HasMaxLength(40);
        b.Property(r => r.AddressString).HasMaxLength(250);
        b.Property(r => r.AddressId).HasMaxLength(64);
        b.Property(r => r.DeviceId).HasMaxLength(64);
        b.Property(r => r.AccountId).HasMaxLength(64);
        b.Property(r => r.MediaUrl).HasMaxLength(500);
        b.HasIndex(r => r.RequestedAtUtc);
        b.HasIndex(r => new { r.ServiceCode, r.RequestedAtUtc });
        b.HasOne<InboxMessage>().WithOne().HasForeignKey<Open311Request>(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Open311ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Open311ApiKeyConfiguration : IEntityTypeConfiguration<Open311ApiKey>
{
    public void Configure(EntityTypeBuilder<Open311ApiKey> b)
    {
        b.ToTable("open311_api_key");
        b.HasKey(k => k.Id);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(8).IsUnicode(false);
        b.Property(k => k.KeyHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.Property(k => k.CreatedBy).HasMaxLength(100);
    }
}
