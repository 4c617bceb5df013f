using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sotong.Core.Organization.Demo;

namespace Sotong.IntegrationTests.Infrastructure;

/// <summary>The whole app over HTTP, on a database of its own. One subclass per provider.</summary>
public abstract class SotongApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    protected abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    /// <summary>Extra settings a test class needs (rate limits, demo off, bootstrap admin).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Sotong", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("RateLimits:CitizenMessagesPerWindow", "1000");
        // Triage routes and labels messages on its own; tests of other modules keep messages as they arrived
        // (TriageSqliteApp / TriagePostgresApp switch it on).
        builder.UseSetting("Triage:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { email, password = DemoSeeder.DemoPassword });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A demo staff member's user id (to assign work to them).</summary>
    public async Task<string> StaffIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sotong.Core.Organization.StaffUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}

public class SqliteApp : SotongApp
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sotong-test-{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={_path};Pooling=False";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>A fresh database on the real PostgreSQL server that test.sh starts; dropped afterwards.</summary>
public class PostgresApp : SotongApp
{
    private readonly string _database = $"sotong_test_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SOTONG_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=sotong;Password=sotong;Database=postgres";

    protected override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public override Task InitializeAsync() => CreateDatabaseAsync(_database);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync(_database);
    }

    public static Task CreateDatabaseAsync(string name) => ServerCommandAsync($"CREATE DATABASE \"{name}\"");

    /// <summary>
    /// Drops a test database, ending any session still on it. An autovacuum worker on the database makes
    /// <c>WITH (FORCE)</c> refuse (42501) unless the role has pg_signal_backend, which test.sh grants; on a server
    /// where it has not been granted the drop is retried until the worker is done.
    /// </summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && e.MessageText.Contains("terminat", StringComparison.Ordinal) && attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task ServerCommandAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel, string, string)> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<(LogLevel, string, string)> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Enqueue((logLevel, category, formatter(state, exception)));
            }
        }
    }
}

/// <summary>The app with triage on (as in production): messages are classified, routed and grouped as they arrive.</summary>
public class TriageSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Triage:Enabled"] = "true" };
}

public class TriagePostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Triage:Enabled"] = "true" };
}
