using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Sotong.Core.Common.Data;

/// <summary>
/// PostgreSQL binary COPY of new rows of any mapped entity, its columns and conversions read from the EF model (so
/// a new property is copied, never dropped). Database-generated keys are left to the database. Runs on the
/// context's connection, inside its current transaction. A unique-key clash surfaces as EF's
/// <see cref="DbUpdateException"/>, as SaveChanges would report it.
/// </summary>
public static class BulkCopy
{
    public static async Task CopyAsync<T>(SotongDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter))
            .ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {table.Name} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                foreach (var (_, _, getter, converter) in columns)
                {
                    var value = getter.GetClrValue(row);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    await WriteAsync(copy, value, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DbUpdateException(e.MessageText, e);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken ct) => value switch
    {
        null => copy.WriteNullAsync(ct),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, ct),
        Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, ct),
        DateTime d => copy.WriteAsync(d, NpgsqlDbType.TimestampTz, ct),
        bool b => copy.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        double x => copy.WriteAsync(x, NpgsqlDbType.Double, ct),
        _ => throw new NotSupportedException($"BulkCopy cannot write a {value.GetType().Name}; add it here."),
    };
}
