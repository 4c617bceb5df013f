using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Messaging;

/// <summary>What to send and how urgently. <paramref name="BatchId"/> set by the caller makes a retried enqueue a no-op.</summary>
public sealed record OutboxRequest(
    OutboxKind Kind,
    Guid? SourceId,
    string Sender,
    string Text,
    OutboxPriority Priority,
    DateTime? NotBeforeUtc = null,
    Guid? BatchId = null);

/// <summary>One recipient: the phone number already encrypted (as subscribers keep it) and the key that makes it unique.</summary>
public sealed record OutboxRecipient(string ProtectedRecipient, string IdempotencyKey, Guid? SubscriberId = null);

/// <summary>A batch's progress as the sender sees it.</summary>
public sealed record OutboxProgress(Guid BatchId, int Total, int Submitted, int Delivered, int Undelivered, int Failed, int Cancelled, DateTime? FirstSubmittedAtUtc, DateTime? LastSubmittedAtUtc)
{
    public int Remaining => Math.Max(0, Total - Submitted - Failed - Cancelled);

    /// <summary>Messages per second since the first submission, or null before there is anything to measure.</summary>
    public double? Rate => FirstSubmittedAtUtc is { } first && LastSubmittedAtUtc is { } last && last > first
        ? Submitted / (last - first).TotalSeconds
        : null;

    public TimeSpan? TimeLeft => Rate is > 0 and var rate ? TimeSpan.FromSeconds(Remaining / rate) : null;
}

/// <summary>
/// The durable outbox: every SMS Sotong sends is a row here before anything goes to the SMSC. A batch and all its
/// recipients are written in one transaction (binary COPY on PostgreSQL), so a crash leaves all of it or none.
/// </summary>
public sealed class Outbox(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector, OutboxSignal signal, TimeProvider time)
{
    private const int SqliteChunk = 5_000;

    /// <summary>Writes the batch and its recipients; a batch id already written returns the stored batch unchanged.</summary>
    public Task<OutboxBatch> EnqueueAsync(OutboxRequest request, IReadOnlyCollection<OutboxRecipient> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return EnqueueCoreAsync(request, recipients, recipients.Count, ct);
    }

    /// <summary>
    /// For traffic whose first message must not wait for its last to be written (emergency alerts): on PostgreSQL the
    /// batch and its first <paramref name="firstSlice"/> recipients are committed at once — the dispatchers start on
    /// them — and the rest in a second transaction. Called again for the same batch id (a resumed fan-out after a crash
    /// between the two), it adds only the recipients not yet written: the idempotency key lets nothing in twice. On
    /// SQLite, where one writer would only make the two wait for each other, it is <see cref="EnqueueAsync"/>.
    /// </summary>
    public async Task<OutboxBatch> EnqueueStagedAsync(OutboxRequest request, IReadOnlyList<OutboxRecipient> recipients, int firstSlice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipients);
        bool postgres;
        OutboxBatch? existing = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            postgres = db.Database.IsNpgsql();
            if (request.BatchId is { } given)
            {
                existing = await db.Set<OutboxBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == given, ct);
            }
        }
        if (!postgres)
        {
            return existing ?? await EnqueueAsync(request, recipients, ct);
        }
        if (existing is not null)
        {
            await AddMissingAsync(existing, request, recipients, ct);
            return existing;
        }
        var first = recipients.Count <= firstSlice ? recipients : recipients.Take(firstSlice).ToList();
        OutboxBatch batch;
        using (signal.HoldNonEmergency(time, TimeSpan.FromSeconds(10)))
        {
            batch = await EnqueueCoreAsync(request, first, recipients.Count, ct);
        }
        if (first.Count < recipients.Count)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = Rows(batch, request, recipients.Skip(first.Count), time.GetUtcNow().UtcDateTime);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await BulkCopy.CopyAsync(db, rows, ct);
                await tx.CommitAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another node resuming the same batch wrote some of them first.
                await AddMissingAsync(batch, request, recipients, ct);
            }
            signal.Pulse();
        }
        return batch;
    }

    /// <summary>Inserts the recipients of a batch that are not in it yet, a slice at a time, skipping keys already there.</summary>
    private async Task AddMissingAsync(OutboxBatch batch, OutboxRequest request, IReadOnlyList<OutboxRecipient> recipients, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var notBefore = request.NotBeforeUtc ?? now;
        foreach (var slice in recipients.Chunk(20_000))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO messaging_outbox ("Id", "BatchId", "IdempotencyKey", "ProtectedRecipient", "SubscriberId", "Priority", "State",
                    "NotBeforeUtc", "Attempts", "Parts", "CreatedAtUtc")
                SELECT v.id, @batch, v.key, v.recipient, v.subscriber, @priority, 0, @not_before, 0, 0, @now
                FROM unnest(@ids, @keys, @recipients, @subscribers) AS v(id, key, recipient, subscriber)
                ON CONFLICT ("IdempotencyKey") DO NOTHING
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = slice.Select(_ => Guid.CreateVersion7()).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = slice.Select(r => r.IdempotencyKey).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("recipients", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = slice.Select(r => r.ProtectedRecipient).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("subscribers", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = slice.Select(r => r.SubscriberId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Uuid) { Value = batch.Id });
            command.Parameters.Add(new NpgsqlParameter("priority", NpgsqlDbType.Integer) { Value = (int)request.Priority });
            command.Parameters.Add(new NpgsqlParameter("not_before", NpgsqlDbType.TimestampTz) { Value = notBefore });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            await command.ExecuteNonQueryAsync(ct);
        }
        signal.Pulse();
    }

    private static List<OutboxMessage> Rows(OutboxBatch batch, OutboxRequest request, IEnumerable<OutboxRecipient> recipients, DateTime now)
    {
        var notBefore = request.NotBeforeUtc ?? now;
        return [.. recipients.Select(r => new OutboxMessage
        {
            BatchId = batch.Id,
            IdempotencyKey = r.IdempotencyKey,
            ProtectedRecipient = r.ProtectedRecipient,
            SubscriberId = r.SubscriberId,
            Priority = request.Priority,
            NotBeforeUtc = notBefore,
            CreatedAtUtc = now,
        })];
    }

    private async Task<OutboxBatch> EnqueueCoreAsync(OutboxRequest request, IReadOnlyCollection<OutboxRecipient> recipients, int total, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (request.BatchId is { } given && await db.Set<OutboxBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == given, ct) is { } existing)
        {
            return existing;
        }
        await EnsureRegisteredAsync(db, request.Sender, ct);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["text"] = ["The message is empty."] });
        }

        var now = time.GetUtcNow().UtcDateTime;
        var batch = new OutboxBatch
        {
            Id = request.BatchId ?? Guid.CreateVersion7(),
            Kind = request.Kind,
            SourceId = request.SourceId,
            Sender = request.Sender,
            Text = request.Text,
            Priority = request.Priority,
            Total = total,
            CreatedAtUtc = now,
        };
        var rows = Rows(batch, request, recipients, now);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(batch);
            await db.SaveChangesAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await BulkCopy.CopyAsync(db, rows, ct);
            }
            else
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var chunk in rows.Chunk(SqliteChunk))
                {
                    db.AddRange(chunk);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }
            await tx.CommitAsync(ct);
        });
        }
        catch (DbUpdateException) when (request.BatchId is { } raced)
        {
            // The same batch written at the same moment by another call (a double-submitted form): theirs stands.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            if (await again.Set<OutboxBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == raced, ct) is { } theirs)
            {
                return theirs;
            }
            throw;
        }
        signal.Pulse();
        return batch;
    }

    /// <summary>
    /// One text to one phone number (a confirmation code, a notice); the number is encrypted here. The batch id is
    /// derived from the idempotency key, so the same key sent again returns the batch already written.
    /// </summary>
    public Task<OutboxBatch> SendOneAsync(OutboxKind kind, Guid? sourceId, string sender, string phone, string text, string idempotencyKey, OutboxPriority priority, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(phone);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var batchId = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("one:" + idempotencyKey)).AsSpan(0, 16));
        return EnqueueAsync(new OutboxRequest(kind, sourceId, sender, text, priority, BatchId: batchId),
            [new OutboxRecipient(protector.Protect(phone), idempotencyKey)], ct);
    }

    public async Task<OutboxProgress?> ProgressAsync(Guid batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<OutboxBatch>().AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new OutboxProgress(b.Id, b.Total, b.Submitted, b.Delivered, b.Undelivered, b.Failed, b.Cancelled, b.FirstSubmittedAtUtc, b.LastSubmittedAtUtc))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Withdraws what has not gone yet (a campaign stopped midway); returns how many were cancelled.</summary>
    public async Task<int> CancelQueuedAsync(Guid batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.Set<OutboxMessage>().Where(m => m.BatchId == batchId && m.State == OutboxState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Cancelled).SetProperty(m => m.CompletedAtUtc, now), ct);
        await db.Set<OutboxBatch>().Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Cancelled, b => b.Cancelled + cancelled), ct);
        await tx.CommitAsync(ct);
        return cancelled;
    }

    /// <summary>Refuses a sender number that is not registered and active (the carriers would refuse it too).</summary>
    internal static async Task EnsureRegisteredAsync(SotongDbContext db, string sender, CancellationToken ct)
    {
        if (!await db.Set<SenderNumber>().AnyAsync(s => s.Number == sender && s.IsActive, ct))
        {
            throw new RuleViolationException("sender-not-registered", $"The sender number {sender} is not registered. Register it under Messaging before sending.");
        }
    }
}
