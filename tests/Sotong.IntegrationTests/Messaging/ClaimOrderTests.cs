using Npgsql;
using NpgsqlTypes;
using Sotong.Core.Messaging.Delivery;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Messaging;

/// <summary>The claim cursor moves on by comparing ids in .NET; that comparison must be PostgreSQL's order of uuid.</summary>
public sealed class ClaimOrderTests
{
    [Fact]
    public async Task Given_random_and_time_ordered_ids_Then_the_cursor_orders_them_as_PostgreSQL_does()
    {
        var ids = Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? Guid.NewGuid() : Guid.CreateVersion7()).ToArray();
        await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM unnest(@ids) AS id ORDER BY id", conn);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        var ordered = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ordered.Add(reader.GetGuid(0));
            }
        }

        var at = new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);
        ordered.Count.ShouldBe(ids.Length);
        for (var i = 1; i < ordered.Count; i++)
        {
            ClaimCursor.IsAfter(at, ordered[i], at, ordered[i - 1]).ShouldBeTrue($"{ordered[i]} follows {ordered[i - 1]} in PostgreSQL");
            ClaimCursor.IsAfter(at, ordered[i - 1], at, ordered[i]).ShouldBeFalse($"{ordered[i - 1]} comes before {ordered[i]} in PostgreSQL");
        }
    }
}
