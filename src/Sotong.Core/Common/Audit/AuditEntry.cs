using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Common.Audit;

/// <summary>One state change: who did what to which item, from which state to which, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entry");
        b.HasKey(a => a.Id);
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.FromState).HasMaxLength(64);
        b.Property(a => a.ToState).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
    }
}

/// <summary>Adds audit rows to the same unit of work as the change they describe, so neither lands alone.</summary>
public static class AuditExtensions
{
    public const string Citizen = "citizen";

    public static void Audit(this SotongDbContext db, DateTime atUtc, string actorId, string actorName, string entityType, string entityId,
        string action, string? from = null, string? to = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = atUtc,
            ActorId = actorId,
            ActorName = actorName,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            FromState = from,
            ToState = to,
            Detail = detail,
        });
    }
}
