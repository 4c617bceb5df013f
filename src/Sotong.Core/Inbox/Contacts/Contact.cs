using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Inbox.Contacts;

/// <summary>How a citizen is known on one channel.</summary>
public enum IdentityKind
{
    Phone,
    Email,
    MetaPsid,
    InstagramId,
    XUserId,
    KakaoUserKey,
    TelegramChatId,
}

/// <summary>A citizen as the inbox knows them: one or more identities, one thread of messages.</summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string? DisplayName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<ContactIdentity> Identities { get; set; } = [];
}

/// <summary>
/// One identity of a contact. The value is encrypted; <see cref="LookupHash"/> (keyed HMAC of the normalised value)
/// finds it, and <see cref="MaskedValue"/> is what staff screens show.
/// </summary>
public sealed class ContactIdentity
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ContactId { get; set; }
    public IdentityKind Kind { get; set; }
    public required string LookupHash { get; set; }
    public required string ProtectedValue { get; set; }
    public required string MaskedValue { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>An officer's decision that two contacts are one person, with the reason.</summary>
public sealed class ContactLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurvivingContactId { get; set; }
    public Guid MergedContactId { get; set; }
    public required string Reason { get; set; }
    public required string LinkedById { get; set; }
    public required string LinkedByName { get; set; }
    public DateTime AtUtc { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("inbox_contact");
        b.HasKey(c => c.Id);
        b.Property(c => c.DisplayName).HasMaxLength(100);
        b.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> b)
    {
        b.ToTable("inbox_contact_identity");
        b.HasKey(i => i.Id);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.LookupHash).HasMaxLength(64);
        b.Property(i => i.ProtectedValue).HasMaxLength(1000);
        b.Property(i => i.MaskedValue).HasMaxLength(100);
        b.HasIndex(i => new { i.Kind, i.LookupHash }).IsUnique();
    }
}

internal sealed class ContactLinkConfiguration : IEntityTypeConfiguration<ContactLink>
{
    public void Configure(EntityTypeBuilder<ContactLink> b)
    {
        b.ToTable("inbox_contact_link");
        b.HasKey(l => l.Id);
        b.Property(l => l.Reason).HasMaxLength(500);
        b.Property(l => l.LinkedById).HasMaxLength(64);
        b.Property(l => l.LinkedByName).HasMaxLength(100);
        b.HasIndex(l => l.MergedContactId);
    }
}
