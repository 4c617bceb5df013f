using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;

namespace Sotong.IntegrationTests.Infrastructure;

/// <summary>
/// An empty database of its own for a test that drives services directly, without the app (migrations, start-up
/// work): a SQLite file or a PostgreSQL database on the test server, dropped when the test is done.
/// </summary>
public sealed class ScratchDatabase : IDbContextFactory<SotongDbContext>, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly Func<Task> _drop;

    private ScratchDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        _connectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"sotong-scratch-{Guid.NewGuid():N}.db");
            return new ScratchDatabase(provider, $"Data Source={path};Pooling=False", () =>
            {
                File.Delete(path);
                return Task.CompletedTask;
            });
        }
        var name = $"sotong_test_{Guid.NewGuid():N}";
        await PostgresApp.CreateDatabaseAsync(name);
        return new ScratchDatabase(provider, new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ConnectionString, () => PostgresApp.DropDatabaseAsync(name));
    }

    /// <summary>A GUID as the provider stores it, for raw SQL (EF keeps them as upper-case text on SQLite).</summary>
    public object Id(Guid id) => Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    public SotongDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SotongDbContext>();
        DataModule.Configure(options, Provider, _connectionString);
        return new SotongDbContext(options.Options);
    }

    public ValueTask DisposeAsync() => new(_drop());
}

/// <summary>A test class whose every test gets a <see cref="ScratchDatabase"/> of the given provider.</summary>
public abstract class ScratchDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ScratchDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await ScratchDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
