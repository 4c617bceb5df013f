using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sotong.Core.Common.Audit;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Organization;
using Sotong.Core.Qna;

namespace Sotong.Core.Common;

/// <summary>The one DbContext. Tables are prefixed per module (SQLite has no schemas).</summary>
public sealed class SotongDbContext(DbContextOptions<SotongDbContext> options) : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ChannelAccount> ChannelAccounts => Set<ChannelAccount>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<PublishedAnswer> PublishedAnswers => Set<PublishedAnswer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Security.StoredSecret> StoredSecrets => Set<Security.StoredSecret>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactIdentity> ContactIdentities => Set<ContactIdentity>();
    public DbSet<ContactLink> ContactLinks => Set<ContactLink>();
    public DbSet<OutboundReply> OutboundReplies => Set<OutboundReply>();
    public DbSet<Inbox.Canned.CannedAnswer> CannedAnswers => Set<Inbox.Canned.CannedAnswer>();

    /// <summary>The Data Protection key ring, shared by every node (cookies, antiforgery, encrypted credentials).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("org_staff");
        builder.Entity<IdentityRole>().ToTable("org_role");
        builder.Entity<IdentityUserRole<string>>().ToTable("org_staff_role");
        builder.Entity<IdentityUserClaim<string>>().ToTable("org_staff_claim");
        builder.Entity<IdentityUserLogin<string>>().ToTable("org_staff_login");
        builder.Entity<IdentityUserToken<string>>().ToTable("org_staff_token");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("org_role_claim");
        builder.Entity<DataProtectionKey>().ToTable("sec_data_protection_key");
        builder.ApplyConfigurationsFromAssembly(typeof(SotongDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Idempotency keys are ASCII identifiers the app makes: byte order ("C") compares them without the database's
            // language collation, which made the unique index the costliest part of writing a million outbox rows
            // (10.8 s against 7.0 s for the same INSERT … SELECT; docs/benchmarks.md, issue 7).
            foreach (var key in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.Name == IdempotencyKey))
            {
                key.SetCollation("C");
            }
        }
    }

    /// <summary>The name of the app-made idempotency key properties, compared byte by byte on PostgreSQL.</summary>
    public const string IdempotencyKey = "IdempotencyKey";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every instant is UTC; SQLite hands DateTime back as Unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
