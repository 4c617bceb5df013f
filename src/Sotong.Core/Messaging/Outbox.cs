using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging.Delivery;

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

/// <summary>
/// A recipient as a query finds them (a subscriber and their encrypted number), for <see cref="Outbox.EnqueueSelectedAsync"/>:
/// project into it with an object initialiser, <c>new OutboxSource { SubscriberId = s.Id, ProtectedRecipient = s.ProtectedPhone }</c>,
/// in that order — the database reads the two columns by position.
/// </summary>
public sealed class OutboxSource
{
    public Guid SubscriberId { get; init; }
    public string ProtectedRecipient { get; init; } = "";
}

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
    /// For traffic whose first message must not wait for its last to be written (emergency alerts): the recipients are
    /// whatever <paramref name="select"/> finds, each keyed <paramref name="keyPrefix"/> + subscriber id. On PostgreSQL
    /// the rows are written by the database itself (<c>INSERT … SELECT</c>: a million encrypted numbers never travel to
    /// the app and back), the batch and its first <paramref name="firstSlice"/> recipients committed at once — the
    /// dispatchers start on them — and the rest in a second transaction. Called again for the same batch id (a resumed
    /// fan-out after a crash between the two), it adds only the recipients not yet written: the idempotency key lets
    /// nothing in twice. On SQLite, where one writer would only make the two wait for each other, the recipients are read
    /// and written by <see cref="EnqueueAsync"/>.
    /// </summary>
    public async Task<OutboxBatch> EnqueueSelectedAsync(OutboxRequest request, Func<SotongDbContext, IQueryable<OutboxSource>> select, string keyPrefix, int firstSlice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSlice, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        OutboxBatch? existing = null;
        if (request.BatchId is { } given)
        {
            existing = await db.Set<OutboxBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == given, ct);
        }
        if (!db.Database.IsNpgsql())
        {
            if (existing is not null)
            {
                return existing;
            }
            // The key is made here, not in SQL: SQLite keeps a Guid as upper-case text, PostgreSQL prints it lower-case.
            var recipients = (await select(db).AsNoTracking().ToListAsync(ct))
                .ConvertAll(s => new OutboxRecipient(s.ProtectedRecipient, keyPrefix + s.SubscriberId.ToString(), s.SubscriberId));
            return await EnqueueAsync(request, recipients, ct);
        }
        if (existing is not null)
        {
            return await ResumeSelectedAsync(existing, request, select, keyPrefix, ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var batch = await NewBatchAsync(db, request, 0, now, ct);
        // The ids run on from one counter in two ranges, the first slice's below the rest's, so the dispatchers take the
        // first slice first and each statement appends at its own end of the indexes.
        var ids = SelectedIds.Start(time);
        Guid? boundary;
        using (signal.HoldNonEmergency(time, TimeSpan.FromSeconds(10)))
        {
            batch.Total = await select(db).CountAsync(ct);
            boundary = batch.Total <= firstSlice ? null
                : await select(db).OrderBy(s => s.SubscriberId).Skip(firstSlice - 1).Select(s => s.SubscriberId).FirstAsync(ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Add(batch);
                await db.SaveChangesAsync(ct);
                await InsertSelectedAsync(db, batch, request, select, keyPrefix, ids, boundary, after: false, onConflict: false, now, ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException) when (request.BatchId is { } raced)
            {
                // The same batch started at the same moment by another node: finish what it may not have.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                var theirs = await again.Set<OutboxBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == raced, ct);
                return theirs is null ? throw new InvalidOperationException($"Batch {raced} could not be written.") : await ResumeSelectedAsync(theirs, request, select, keyPrefix, ct);
            }
        }
        signal.Pulse();
        if (boundary is not null)
        {
            await using var rest = await dbFactory.CreateDbContextAsync(ct);
            try
            {
                await using var tx = await rest.Database.BeginTransactionAsync(ct);
                var written = await InsertSelectedAsync(rest, batch, request, select, keyPrefix, ids.Rest(), boundary, after: true, onConflict: false, now, ct);
                // The count was taken before the write; the rows written are the audience.
                batch.Total = firstSlice + written;
                await rest.Set<OutboxBatch>().Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Total, batch.Total), ct);
                await tx.CommitAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another node resuming the same batch wrote some of them first.
                return await ResumeSelectedAsync(batch, request, select, keyPrefix, ct);
            }
            signal.Pulse();
        }
        return batch;
    }

    /// <summary>Adds the selected recipients a batch does not hold yet, skipping keys already there, and recounts it.</summary>
    private async Task<OutboxBatch> ResumeSelectedAsync(OutboxBatch batch, OutboxRequest request, Func<SotongDbContext, IQueryable<OutboxSource>> select, string keyPrefix, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await InsertSelectedAsync(db, batch, request, select, keyPrefix, SelectedIds.Start(time), null, after: false, onConflict: true, time.GetUtcNow().UtcDateTime, ct);
            // Rare (a node died mid-write), so an exact count of the batch's rows is worth its scan.
            var total = await db.Set<OutboxMessage>().CountAsync(m => m.BatchId == batch.Id, ct);
            await db.Set<OutboxBatch>().Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Total, total), ct);
            await tx.CommitAsync(ct);
        }
        signal.Pulse();
        return await db.Set<OutboxBatch>().AsNoTracking().FirstAsync(b => b.Id == batch.Id, ct);
    }

    /// <summary>
    /// One <c>INSERT … SELECT</c> over the caller's query (its SQL and parameters as EF builds them): the recipients up to
    /// and including <paramref name="boundary"/>, those after it, or all of them when there is none.
    /// </summary>
    private static async Task<int> InsertSelectedAsync(SotongDbContext db, OutboxBatch batch, OutboxRequest request, Func<SotongDbContext, IQueryable<OutboxSource>> select,
        string keyPrefix, SelectedIds ids, Guid? boundary, bool after, bool onConflict, DateTime now, CancellationToken ct)
    {
        await using var command = select(db).AsNoTracking().CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var conflict = onConflict ? "ON CONFLICT (\"IdempotencyKey\") DO NOTHING" : "";
        var range = boundary is null ? "" : after ? "WHERE r.subscriber > @ob_boundary" : "WHERE r.subscriber <= @ob_boundary";
        // Ids are UUIDv7 made in SQL: the 48-bit time and version from the app, a 30-bit counter (row number plus the
        // range's offset) in rand_a and the top of rand_b, and 44 random bits from the app below it.
        command.CommandText = $"""
            INSERT INTO messaging_outbox ("Id", "BatchId", "IdempotencyKey", "ProtectedRecipient", "SubscriberId", "Priority", "State",
                "NotBeforeUtc", "Attempts", "Parts", "CreatedAtUtc")
            SELECT encode(int8send(@ob_high | (q.n >> 18)) || int8send(@ob_low | ((q.n & 262143) << 44)), 'hex')::uuid,
                @ob_batch, @ob_prefix || q.subscriber::text, q.recipient, q.subscriber, @ob_priority, 0, @ob_not_before, 0, 0, @ob_now
            FROM (SELECT row_number() OVER () + @ob_offset AS n, r.subscriber, r.recipient
                  FROM ({command.CommandText}) AS r(subscriber, recipient) {range}) AS q
            {conflict}
            """;
        SqlParameters.Add(command, "ob_high", ids.High);
        SqlParameters.Add(command, "ob_low", ids.Low);
        SqlParameters.Add(command, "ob_offset", ids.Offset);
        SqlParameters.Add(command, "ob_batch", batch.Id);
        SqlParameters.Add(command, "ob_prefix", keyPrefix);
        SqlParameters.Add(command, "ob_priority", (int)request.Priority);
        SqlParameters.Add(command, "ob_not_before", request.NotBeforeUtc ?? now);
        SqlParameters.Add(command, "ob_now", now);
        if (boundary is { } b)
        {
            SqlParameters.Add(command, "ob_boundary", b);
        }
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The parts of the UUIDv7s one selected write gives its rows (see <see cref="InsertSelectedAsync"/>).</summary>
    private readonly record struct SelectedIds(long High, long Low, long Offset)
    {
        private const long RestOffset = 1L << 29;

        public static SelectedIds Start(TimeProvider time)
        {
            var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
            // Version 7 in bits 12–15 of the high word; variant 10 at the top of the low word, 44 random bits at its bottom.
            var random = BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)) & 0xFFF_FFFF_FFFF;
            return new SelectedIds((ms << 16) | 0x7000, long.MinValue | random, 0);
        }

        public SelectedIds Rest() => this with { Offset = RestOffset };
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
        var now = time.GetUtcNow().UtcDateTime;
        var batch = await NewBatchAsync(db, request, total, now, ct);
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

    /// <summary>A batch for the request (not yet added), once its sender and text are known to be sendable.</summary>
    private static async Task<OutboxBatch> NewBatchAsync(SotongDbContext db, OutboxRequest request, int total, DateTime now, CancellationToken ct)
    {
        await EnsureRegisteredAsync(db, request.Sender, ct);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["text"] = ["The message is empty."] });
        }
        return new OutboxBatch
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
