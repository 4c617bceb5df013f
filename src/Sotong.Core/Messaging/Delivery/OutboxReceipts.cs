using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sotong.Core.Common;
using Sotong.Smpp;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Delivery receipts for outbox messages: matched on the SMSC's id of the first part, a final status moves a
/// submitted row to delivered or undelivered and its batch's counters with it. Intermediate states (ENROUTE,
/// ACCEPTD) and receipts for other parts or for replies are left alone.
/// </summary>
public sealed partial class OutboxReceipts(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, ILogger<OutboxReceipts> logger) : IDeliveryReceiptSink
{
    private static readonly HashSet<string> Final = ["DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "REJECTD", "UNKNOWN"];

    public async Task RecordAsync(IReadOnlyList<SmppDeliveryReceipt> receipts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var final = receipts.Where(r => Final.Contains(r.Status)).DistinctBy(r => r.MessageId).ToList();
        if (final.Count == 0)
        {
            return;
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
            AddParameter(command, "delivered", batch.Count(m => m.Delivered));
            AddParameter(command, "undelivered", batch.Count(m => !m.Delivered));
            AddParameter(command, "id", command is NpgsqlCommand ? batch.Key : batch.Key.ToString().ToUpperInvariant());
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (moved.Count < final.Count)
        {
            LogUnmatched(logger, final.Count - moved.Count);
        }
    }

    private static async Task<List<(Guid BatchId, bool Delivered)>> MovePostgresAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<SmppDeliveryReceipt> receipts, DateTime now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE messaging_outbox AS o SET "State" = CASE WHEN v.delivered THEN 2 ELSE 5 END, "CompletedAtUtc" = @now,
                "Error" = CASE WHEN v.delivered THEN o."Error" ELSE v.error END
            FROM unnest(@ids, @delivered, @errors) AS v(message_id, delivered, error)
            WHERE o."SmscMessageId" = v.message_id AND o."State" = 1
            RETURNING o."BatchId", v.delivered
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = receipts.Select(r => r.MessageId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("delivered", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = receipts.Select(r => r.IsDelivered).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = receipts.Select(Describe).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        var moved = new List<(Guid, bool)>(receipts.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            moved.Add((reader.GetGuid(0), reader.GetBoolean(1)));
        }
        return moved;
    }

    private static async Task<List<(Guid BatchId, bool Delivered)>> MoveSqliteAsync(DbConnection connection, DbTransaction tx, List<SmppDeliveryReceipt> receipts, DateTime now, CancellationToken ct)
    {
        var moved = new List<(Guid, bool)>(receipts.Count);
        foreach (var receipt in receipts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = """
                UPDATE messaging_outbox SET "State" = @state, "CompletedAtUtc" = @now, "Error" = COALESCE(@error, "Error")
                WHERE "SmscMessageId" = @id AND "State" = 1
                RETURNING "BatchId"
                """;
            AddParameter(command, "state", receipt.IsDelivered ? (int)OutboxState.Delivered : (int)OutboxState.Undelivered);
            AddParameter(command, "now", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            AddParameter(command, "error", receipt.IsDelivered ? DBNull.Value : Describe(receipt));
            AddParameter(command, "id", receipt.MessageId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                moved.Add((reader.GetGuid(0), receipt.IsDelivered));
            }
        }
        return moved;
    }

    private static string Describe(SmppDeliveryReceipt receipt) => $"Carrier reported {receipt.Status} (error {receipt.ErrorCode}).";

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} delivery receipt(s) matched no submitted outbox message (replies, later parts, repeats)")]
    private static partial void LogUnmatched(ILogger logger, int count);
}
