using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sotong.Core.Common;
using Sotong.Smpp;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Delivery receipts for outbox messages: matched on the SMSC's id of the first part, a final status moves a
/// submitted row to delivered or undelivered and its batch's counters with it. Intermediate states (ENROUTE,
/// ACCEPTD) and receipts for other parts or for replies are left alone. A receipt can overtake the commit that records
/// its submission (the SMSC answers while the dispatcher's chunk is still open), so one that matches nothing is tried
/// again every half second for two minutes before it is given up.
/// </summary>
public sealed partial class OutboxReceipts(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, ILogger<OutboxReceipts> logger)
    : BackgroundService, IDeliveryReceiptSink
{
    private static readonly HashSet<string> Final = ["DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "REJECTD", "UNKNOWN"];
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private readonly ConcurrentQueue<(SmppDeliveryReceipt Receipt, long FirstSeen)> _early = new();

    public async Task RecordAsync(IReadOnlyList<SmppDeliveryReceipt> receipts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var final = receipts.Where(r => Final.Contains(r.Status)).DistinctBy(r => r.MessageId).ToList();
        List<SmppDeliveryReceipt> unmatched;
        try
        {
            unmatched = await MatchAsync(final, ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException)
        {
            // The database is briefly away: keep them for the retry loop rather than lose them.
            LogRetryFailed(logger, e.Message);
            unmatched = final;
        }
        var now = time.GetTimestamp();
        foreach (var receipt in unmatched)
        {
            _early.Enqueue((receipt, now));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RetryEarlyAsync(stoppingToken);
                }
                catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException)
                {
                    LogRetryFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RetryEarlyAsync(CancellationToken ct)
    {
        var waiting = new List<(SmppDeliveryReceipt Receipt, long FirstSeen)>();
        while (waiting.Count < 5_000 && _early.TryDequeue(out var item))
        {
            waiting.Add(item);
        }
        if (waiting.Count == 0)
        {
            return;
        }
        List<SmppDeliveryReceipt> unmatchedReceipts;
        try
        {
            unmatchedReceipts = await MatchAsync([.. waiting.Select(w => w.Receipt)], ct);
        }
        catch
        {
            foreach (var item in waiting)
            {
                _early.Enqueue(item); // tried again on the next tick
            }
            throw;
        }
        var unmatched = unmatchedReceipts.Select(r => r.MessageId).ToHashSet(StringComparer.Ordinal);
        var given = 0;
        foreach (var item in waiting.Where(w => unmatched.Contains(w.Receipt.MessageId)))
        {
            if (time.GetElapsedTime(item.FirstSeen) < GiveUpAfter)
            {
                _early.Enqueue(item);
            }
            else
            {
                given++;
            }
        }
        if (given > 0)
        {
            LogUnmatched(logger, given);
        }
    }

    /// <summary>Moves the rows the receipts name; returns the receipts that matched no submitted row.</summary>
    private async Task<List<SmppDeliveryReceipt>> MatchAsync(List<SmppDeliveryReceipt> final, CancellationToken ct)
    {
        if (final.Count == 0)
        {
            return [];
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var moved = db.Database.IsNpgsql()
            ? await MovePostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, final, now, ct)
            : await MoveSqliteAsync(connection, transaction, final, now, ct);
        foreach (var batch in moved.GroupBy(m => m.BatchId).OrderBy(g => g.Key))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """UPDATE messaging_batch SET "Delivered" = "Delivered" + @delivered, "Undelivered" = "Undelivered" + @undelivered WHERE "Id" = @id""";
            SqlParameters.Add(command, "delivered", batch.Count(m => m.Delivered));
            SqlParameters.Add(command, "undelivered", batch.Count(m => !m.Delivered));
            SqlParameters.Add(command, "id", batch.Key);
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        var matched = moved.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        return [.. final.Where(r => !matched.Contains(r.MessageId))];
    }

    private static async Task<List<(Guid BatchId, bool Delivered, string MessageId)>> MovePostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<SmppDeliveryReceipt> receipts, DateTime now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE messaging_outbox AS o SET "State" = CASE WHEN v.delivered THEN 2 ELSE 5 END, "CompletedAtUtc" = @now,
                "Error" = CASE WHEN v.delivered THEN o."Error" ELSE v.error END
            FROM unnest(@ids, @delivered, @errors) AS v(message_id, delivered, error)
            WHERE o."SmscMessageId" = v.message_id AND o."State" = 1
            RETURNING o."BatchId", v.delivered, v.message_id
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = receipts.Select(r => r.MessageId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("delivered", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = receipts.Select(r => r.IsDelivered).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = receipts.Select(Describe).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        var moved = new List<(Guid, bool, string)>(receipts.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            moved.Add((reader.GetGuid(0), reader.GetBoolean(1), reader.GetString(2)));
        }
        return moved;
    }

    private static async Task<List<(Guid BatchId, bool Delivered, string MessageId)>> MoveSqliteAsync(DbConnection connection, DbTransaction tx, List<SmppDeliveryReceipt> receipts, DateTime now, CancellationToken ct)
    {
        var moved = new List<(Guid, bool, string)>(receipts.Count);
        foreach (var receipt in receipts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                UPDATE messaging_outbox SET "State" = @state, "CompletedAtUtc" = @now, "Error" = COALESCE(@error, "Error")
                WHERE "SmscMessageId" = @id AND "State" = 1
                RETURNING "BatchId"
                """;
            SqlParameters.Add(command, "state", receipt.IsDelivered ? (int)OutboxState.Delivered : (int)OutboxState.Undelivered);
            SqlParameters.Add(command, "now", now);
            SqlParameters.Add(command, "error", receipt.IsDelivered ? null : Describe(receipt));
            SqlParameters.Add(command, "id", receipt.MessageId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                moved.Add((reader.GetGuid(0), receipt.IsDelivered, receipt.MessageId));
            }
        }
        return moved;
    }

    private static string Describe(SmppDeliveryReceipt receipt) => $"Carrier reported {receipt.Status} (error {receipt.ErrorCode}).";

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} delivery receipt(s) matched no submitted outbox message in two minutes (replies, later parts, repeats)")]
    private static partial void LogUnmatched(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying early delivery receipts failed: {Reason}")]
    private static partial void LogRetryFailed(ILogger logger, string reason);
}
