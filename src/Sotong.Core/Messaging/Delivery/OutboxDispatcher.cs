using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Smpp;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Drains the outbox over the SMPP binds. Each worker takes a chunk of due rows, highest priority first, with
/// <c>FOR UPDATE SKIP LOCKED</c> in a transaction that stays open until the chunk's results are written, then commits:
/// several workers and several app nodes share the queue without a lease to expire, and a node that dies releases its
/// rows by dying. What it had already submitted but not yet committed is sent again — at most one chunk per worker,
/// which is the in-flight window (<c>Messaging:ChunkSize</c> × <c>Messaging:Workers</c>). SQLite has one writer and no
/// row locks, so there one worker reads, submits and then writes.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<SotongDbContext> dbFactory,
    SmppGateway gateway,
    PersonalDataProtector protector,
    OutboxSignal signal,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly OutboxPriority[] Priorities = [OutboxPriority.Emergency, OutboxPriority.Interactive, OutboxPriority.Bulk];
    private readonly Dictionary<Guid, BatchInfo> _batches = [];
    private readonly Lock _batchGate = new();
    private readonly ClaimCursor _cursor = new(time);

    // On PostgreSQL, 2,000 × 4 workers sent 40–60% more than 500 × 3 to an unthrottled SMSC (docs/benchmarks.md,
    // issue 6). With a contracted rate the workers together hold half a second of it (EffectiveChunk). SQLite's one
    // worker keeps 500: it writes the results row by row while holding the database's only write lock.
    private int ChunkSize => Math.Clamp(configuration.GetValue("Messaging:ChunkSize", _postgres ? 2_000 : 500), 1, 10_000);

    private bool _postgres;

    private int MaxAttempts => Math.Max(1, configuration.GetValue("Messaging:MaxAttempts", 10));

    private TimeSpan PollInterval => configuration.GetValue("Messaging:PollInterval", TimeSpan.FromSeconds(1));

    private int _workers = 1;

    /// <summary>Rows one worker holds at most: its share of what the binds may send in half a second, within ChunkSize.</summary>
    internal int EffectiveChunk
    {
        get
        {
            var rate = gateway.RateLimit;
            return rate > 0 ? (int)Math.Clamp(rate / 2 / _workers, 1, ChunkSize) : ChunkSize;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!gateway.IsConfigured)
        {
            return;
        }
        bool postgres;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            postgres = db.Database.IsNpgsql();
        }
        _postgres = postgres;
        var workers = postgres ? Math.Clamp(configuration.GetValue("Messaging:Workers", 4), 1, 32) : 1;
        _workers = workers;
        LogStarted(logger, workers, ChunkSize);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(postgres, stoppingToken), CancellationToken.None)));
    }

    private async Task WorkAsync(bool postgres, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (gateway.BoundBinds == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), time, stopping);
                    continue;
                }
                var handled = await ProcessChunkAsync(postgres, stopping);
                if (handled == 0)
                {
                    await signal.WaitAsync(PollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The chunk's transaction rolled back: its rows are queued again. Wait a little and carry on: this loop
                // is the only thing that sends, it must not end.
                LogChunkFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stopping);
            }
        }
    }

    /// <summary>Takes, sends and records one chunk; returns how many rows it handled.</summary>
    internal async Task<int> ProcessChunkAsync(bool postgres, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var now = time.GetUtcNow().UtcDateTime;
        // On PostgreSQL the transaction holds the row locks while the chunk is sent; on SQLite it is opened only to write.
        await using var tx = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null)
        {
            // The chunk's commit records what was sent; if the database server itself crashed before flushing it, the
            // rows would only be queued again — sent twice, never lost — so it need not wait for the disk. The outbox
            // writes (enqueue) keep their synchronous commit: those are what "accepted" promises.
            await using var setting = connection.CreateCommand();
            setting.Transaction = tx.GetDbTransaction();
            setting.CommandText = "SET LOCAL synchronous_commit = off";
            await setting.ExecuteNonQueryAsync(ct);
        }
        List<Row> rows = [];
        foreach (var priority in Priorities)
        {
            if (priority != OutboxPriority.Emergency && signal.NonEmergencyHeld(time))
            {
                break;
            }
            rows = await TakeAsync(connection, tx?.GetDbTransaction(), priority, now, EffectiveChunk, postgres ? _cursor : null, ct);
            if (rows.Count > 0)
            {
                break;
            }
        }
        if (rows.Count == 0)
        {
            return 0;
        }

        var senders = await ActiveSendersAsync(connection, tx?.GetDbTransaction(), ct);
        var batches = await LoadBatchesAsync(connection, tx?.GetDbTransaction(), rows.Select(r => r.BatchId).Distinct().ToList(), ct);
        // Nothing below may throw between the first submission and the commit: a rolled-back chunk is sent again. For
        // the same reason a chunk under way is finished, not abandoned, when the app stops: its submissions are not
        // cancelled (each is bounded by the SMPP response timeout), so what went out is recorded as sent.
        var results = await SendChunkAsync(rows, batches, senders);
        var finishedAt = time.GetUtcNow().UtcDateTime;
        await using var write = tx is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
        var transaction = (tx ?? write)!.GetDbTransaction();
        await RecordAsync(connection, transaction, rows, results, finishedAt, postgres, CancellationToken.None);
        await (tx ?? write)!.CommitAsync(CancellationToken.None);
        return rows.Count;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows of one priority in the queue's order. With a cursor (PostgreSQL)
    /// the claim starts after where this node's last claims ended, and goes from the head when that finds nothing.
    /// </summary>
    private static async Task<List<Row>> TakeAsync(DbConnection connection, DbTransaction? tx, OutboxPriority priority, DateTime now, int limit, ClaimCursor? cursor, CancellationToken ct)
    {
        if (cursor?.After(priority) is { } after)
        {
            var rows = await ClaimAsync(connection, tx, priority, now, limit, cursor, after, ct);
            if (rows.Count > 0)
            {
                return rows;
            }
            cursor.Reset(priority);
        }
        return await ClaimAsync(connection, tx, priority, now, limit, cursor, null, ct);
    }

    private static async Task<List<Row>> ClaimAsync(
        DbConnection connection, DbTransaction? tx, OutboxPriority priority, DateTime now, int limit, ClaimCursor? cursor, ClaimPosition? after, CancellationToken ct)
    {
        var postgres = cursor is not null;
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            SELECT "Id", "BatchId", "ProtectedRecipient", "Attempts", "NotBeforeUtc" FROM messaging_outbox
            WHERE "State" = 0 AND "Priority" = @priority AND "NotBeforeUtc" <= @now{(after is null ? "" : """ AND ("NotBeforeUtc", "Id") > (@after_not_before, @after_id)""")}
            ORDER BY "NotBeforeUtc", "Id" LIMIT @limit{(postgres ? " FOR UPDATE SKIP LOCKED" : "")}
            """;
        SqlParameters.Add(command, "priority", (int)priority);
        SqlParameters.Add(command, "now", now);
        SqlParameters.Add(command, "limit", limit);
        if (after is { } position)
        {
            SqlParameters.Add(command, "after_not_before", position.NotBeforeUtc);
            SqlParameters.Add(command, "after_id", position.Id);
        }
        if (postgres)
        {
            // Prepared once per pooled connection: parsing and planning it for every chunk cost the server more than it saved.
            await command.PrepareAsync(ct);
        }
        var rows = new List<Row>(limit);
        var lastNotBefore = default(DateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3)));
            if (cursor is not null)
            {
                lastNotBefore = reader.GetDateTime(4);
            }
        }
        if (rows.Count > 0)
        {
            // The rows come in the queue's order, so the last is where this claim ended.
            cursor?.Claimed(priority, DateTime.SpecifyKind(lastNotBefore, DateTimeKind.Utc), rows[^1].Id, after);
        }
        return rows;
    }

    /// <summary>
    /// Sends the chunk: each batch's rows as one list to the gateway (a batch is one text from one sender), the batches
    /// side by side. Every row gets an outcome, whatever goes wrong with the others.
    /// </summary>
    private async Task<Outcome[]> SendChunkAsync(List<Row> rows, IReadOnlyDictionary<Guid, BatchInfo> batches, HashSet<string> senders)
    {
        var results = new Outcome[rows.Count];
        await Task.WhenAll(Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].BatchId).Select(async group =>
        {
            List<int> indexes = [.. group];
            try
            {
                await SendBatchAsync(rows, indexes, batches, senders, results);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Other batches of the chunk may already be at the SMSC: this one's rows go back to the queue and the chunk
                // still commits, so what was sent is recorded as sent.
                indexes.Where(i => results[i] is null).ToList().ForEach(i => results[i] = Retry(rows[i], e.Message));
            }
        }));
        return results;
    }

    private async Task SendBatchAsync(List<Row> rows, List<int> indexes, IReadOnlyDictionary<Guid, BatchInfo> batches, HashSet<string> senders, Outcome[] results)
    {
        if (!batches.TryGetValue(rows[indexes[0]].BatchId, out var batch))
        {
            indexes.ForEach(i => results[i] = Outcome.Fail(null, "The batch is missing."));
            return;
        }
        if (!senders.Contains(batch.Sender))
        {
            indexes.ForEach(i => results[i] = Outcome.Fail(null, $"The sender number {batch.Sender} is not registered."));
            return;
        }
        var sending = new List<int>(indexes.Count);
        var numbers = new List<string>(indexes.Count);
        foreach (var i in indexes)
        {
            try
            {
                numbers.Add(protector.Unprotect(rows[i].ProtectedRecipient));
                sending.Add(i);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Usually this node's keys (its Data Protection key ring cannot open the stored value key, or the key could
                // not be read), not the row: retried, so a misconfigured node does not fail the whole queue.
                results[i] = Retry(rows[i], "The recipient's number cannot be decrypted here: " + e.Message);
            }
        }
        if (sending.Count == 0)
        {
            return;
        }
        // Not cancelled when the app stops: a chunk under way is finished, so what went out is recorded as sent. The gateway
        // gives every number a result and does not throw.
        var submitted = await gateway.SubmitManyAsync(batch.Sender, batch.Text, batch.Parts, numbers, CancellationToken.None);
        for (var k = 0; k < sending.Count; k++)
        {
            var row = rows[sending[k]];
            results[sending[k]] = submitted[k] switch
            {
                SubmitResult.Accepted ok => new Outcome(OutboxState.Submitted, ok.MessageId, ok.MessageIds.Count, null, null),
                SubmitResult.Refused refused => Outcome.Fail((int)refused.Status, $"SMSC refused: 0x{refused.Status:X2} {SmppCommandStatus.Name(refused.Status)}"),
                SubmitResult.Unavailable down => Retry(row, down.Reason),
                _ => Outcome.Fail(null, "Unknown result."),
            };
        }
    }

    /// <summary>Back to the queue for a later try, or failed once it has had its attempts.</summary>
    private Outcome Retry(Row row, string reason) => row.Attempts + 1 >= MaxAttempts
        ? Outcome.Fail(null, $"Gave up after {row.Attempts + 1} attempts: {reason}")
        : new Outcome(OutboxState.Queued, null, 0, null, reason);

    /// <summary>Writes every row's result and moves the batches' counters, in the chunk's transaction.</summary>
    private async Task RecordAsync(DbConnection connection, DbTransaction tx, List<Row> rows, Outcome[] results, DateTime now, bool postgres, CancellationToken ct)
    {
        bool[] applied;
        if (postgres)
        {
            // The rows are locked by this transaction: every one is still as it was read.
            await RecordPostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)tx, rows, results, now, ct);
            applied = [.. rows.Select(_ => true)];
        }
        else
        {
            applied = await RecordSqliteAsync(connection, tx, rows, results, now, ct);
        }

        foreach (var group in rows.Select((row, i) => (row, result: results[i], applied: applied[i])).Where(x => x.applied).GroupBy(x => x.row.BatchId).OrderBy(g => g.Key))
        {
            var submitted = group.Count(x => x.result.State == OutboxState.Submitted);
            var failed = group.Count(x => x.result.State == OutboxState.Failed);
            if (submitted == 0 && failed == 0)
            {
                continue;
            }
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = submitted > 0
                ? """
                  UPDATE messaging_batch SET "Submitted" = "Submitted" + @submitted, "Failed" = "Failed" + @failed,
                      "FirstSubmittedAtUtc" = COALESCE("FirstSubmittedAtUtc", @now), "LastSubmittedAtUtc" = @now
                  WHERE "Id" = @id
                  """
                : """UPDATE messaging_batch SET "Failed" = "Failed" + @failed WHERE "Id" = @id""";
            SqlParameters.Add(command, "submitted", submitted);
            SqlParameters.Add(command, "failed", failed);
            SqlParameters.Add(command, "now", now);
            SqlParameters.Add(command, "id", group.Key);
            await command.ExecuteNonQueryAsync(ct);
        }
        var retried = results.Count(r => r.State == OutboxState.Queued);
        if (retried > 0)
        {
            LogRetrying(logger, retried, results.First(r => r.State == OutboxState.Queued).Error ?? "");
        }
    }

    private async Task RecordPostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<Row> rows, Outcome[] results, DateTime now, CancellationToken ct)
    {
        // Nearly every row of a chunk was accepted: those are written by a statement that carries only what changed
        // (id, message id, parts); the few others by the general one.
        var submitted = Enumerable.Range(0, rows.Count).Where(i => results[i].State == OutboxState.Submitted).ToList();
        var others = Enumerable.Range(0, rows.Count).Where(i => results[i].State != OutboxState.Submitted).ToList();
        if (submitted.Count > 0)
        {
            await using var command = new NpgsqlCommand("""
                UPDATE messaging_outbox AS o SET
                    "State" = 1, "SmscMessageId" = v.message_id, "Parts" = v.parts, "Attempts" = o."Attempts" + 1,
                    "ErrorCode" = NULL, "Error" = NULL, "NotBeforeUtc" = @now, "SubmittedAtUtc" = @now
                FROM unnest(@ids, @message_ids, @parts) AS v(id, message_id, parts)
                WHERE o."Id" = v.id
                """, connection, tx);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = submitted.Select(i => rows[i].Id).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("message_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = submitted.Select(i => results[i].MessageId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("parts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = submitted.Select(i => results[i].Parts).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            await command.PrepareAsync(ct);
            await command.ExecuteNonQueryAsync(ct);
        }
        if (others.Count > 0)
        {
            await using var command = new NpgsqlCommand("""
                UPDATE messaging_outbox AS o SET
                    "State" = v.state, "SmscMessageId" = NULL, "Parts" = 0, "Attempts" = o."Attempts" + 1, "ErrorCode" = v.code, "Error" = v.error, "NotBeforeUtc" = v.not_before,
                    "CompletedAtUtc" = CASE WHEN v.state = 3 THEN @now ELSE o."CompletedAtUtc" END
                FROM unnest(@ids, @states, @codes, @errors, @not_before) AS v(id, state, code, error, not_before)
                WHERE o."Id" = v.id
                """, connection, tx);
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = others.Select(i => rows[i].Id).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("states", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = others.Select(i => (int)results[i].State).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = others.Select(i => results[i].ErrorCode).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = others.Select(i => results[i].Error).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("not_before", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                Value = others.Select(i => results[i].State == OutboxState.Queued ? now + RetryDelay(rows[i].Attempts + 1) : now).ToArray(),
            });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Without row locks a row may have changed since it was read (a campaign stopped meanwhile): only rows still queued
    /// are written, and only they count. Returns which were.
    /// </summary>
    private static async Task<bool[]> RecordSqliteAsync(DbConnection connection, DbTransaction tx, List<Row> rows, Outcome[] results, DateTime now, CancellationToken ct)
    {
        var applied = new bool[rows.Count];
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            UPDATE messaging_outbox SET "State" = @state, "SmscMessageId" = @message_id, "Parts" = @parts, "Attempts" = "Attempts" + 1,
                "ErrorCode" = @code, "Error" = @error, "NotBeforeUtc" = @not_before,
                "SubmittedAtUtc" = CASE WHEN @state = 1 THEN @now ELSE "SubmittedAtUtc" END,
                "CompletedAtUtc" = CASE WHEN @state = 3 THEN @now ELSE "CompletedAtUtc" END
            WHERE "Id" = @id AND "State" = 0
            """;
        var p = new[] { "state", "message_id", "parts", "code", "error", "not_before", "now", "id" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, result) = (rows[i], results[i]);
            p[0].Value = (int)result.State;
            p[1].Value = (object?)result.MessageId ?? DBNull.Value;
            p[2].Value = result.Parts;
            p[3].Value = (object?)result.ErrorCode ?? DBNull.Value;
            p[4].Value = (object?)result.Error ?? DBNull.Value;
            p[5].Value = SqlParameters.Sqlite(result.State == OutboxState.Queued ? now + RetryDelay(row.Attempts + 1) : now);
            p[6].Value = SqlParameters.Sqlite(now);
            p[7].Value = SqlParameters.Sqlite(row.Id);
            applied[i] = await command.ExecuteNonQueryAsync(ct) == 1;
        }
        return applied;
    }

    /// <summary>How long a row that could not be sent waits: 5 s, 10 s, 20 s … up to 5 minutes.</summary>
    internal static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>The chunk's batches (text, sender, part count): from this node's cache, or read once on the chunk's connection.</summary>
    private async Task<Dictionary<Guid, BatchInfo>> LoadBatchesAsync(DbConnection connection, DbTransaction? tx, List<Guid> ids, CancellationToken ct)
    {
        var chunk = new Dictionary<Guid, BatchInfo>(ids.Count);
        lock (_batchGate)
        {
            foreach (var id in ids)
            {
                if (_batches.TryGetValue(id, out var cached))
                {
                    chunk[id] = cached;
                }
            }
        }
        foreach (var id in ids.Where(id => !chunk.ContainsKey(id)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """SELECT "Sender", "Text" FROM messaging_batch WHERE "Id" = @id""";
            SqlParameters.Add(command, "id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                chunk[id] = new BatchInfo(reader.GetString(0), reader.GetString(1), SmppClient.PartsFor(reader.GetString(1)));
            }
        }
        lock (_batchGate)
        {
            if (_batches.Count > 10_000)
            {
                _batches.Clear(); // a cache only: this chunk keeps its own map
            }
            foreach (var (id, info) in chunk)
            {
                _batches[id] = info;
            }
        }
        return chunk;
    }

    /// <summary>Read with every chunk (a handful of rows): a number withdrawn now stops the very next chunk.</summary>
    private static async Task<HashSet<string>> ActiveSendersAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """SELECT "Number" FROM messaging_sender_number WHERE "IsActive" """;
        var senders = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            senders.Add(reader.GetString(0));
        }
        return senders;
    }

    private sealed record Row(Guid Id, Guid BatchId, string ProtectedRecipient, int Attempts);

    private sealed record BatchInfo(string Sender, string Text, int Parts);

    private sealed record Outcome(OutboxState State, string? MessageId, int Parts, int? ErrorCode, string? Error)
    {
        public static Outcome Fail(int? code, string error) => new(OutboxState.Failed, null, 0, code, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher started: {Workers} worker(s), chunks of up to {Chunk}")]
    private static partial void LogStarted(ILogger logger, int workers, int chunk);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox chunk failed and was rolled back: {Reason}")]
    private static partial void LogChunkFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} SMS could not be sent now and will be retried: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int count, string reason);
}
