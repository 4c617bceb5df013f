using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Parameters for the engine's hand-written SQL on either provider. On SQLite the values are written the way EF stores
/// them there — a Guid as upper-case text, an instant as "yyyy-MM-dd HH:mm:ss.FFFFFFF" — so they compare equal.
/// </summary>
internal static class SqlParameters
{
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = command is NpgsqlCommand ? value ?? DBNull.Value : Sqlite(value);
        command.Parameters.Add(parameter);
    }

    public static object Sqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };
}
