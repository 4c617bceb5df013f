using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Sotong.Core.Common.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>SQLite by default (a file under data/), PostgreSQL when configured; one migrations assembly per provider.</summary>
public static class DataModule
{
    public const string SqliteMigrationsAssembly = "Sotong.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Sotong.Migrations.Postgres";

    public static IHostApplicationBuilder AddSotongData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Sotong");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDir = Path.Combine(builder.Environment.ContentRootPath, "data");
            Directory.CreateDirectory(dataDir);
            connectionString = $"Data Source={Path.Combine(dataDir, "sotong.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Sotong is not set.");
        }
        builder.Services.AddDbContextFactory<SotongDbContext>(options => Configure(options, provider, connectionString));
        builder.Services.AddScoped<DatabaseInitializer>();
        // Keys live in the database so every node reads the same ring and sign-ins survive restarts.
        builder.Services.AddDataProtection().SetApplicationName("Sotong").PersistKeysToDbContext<SotongDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<SotongDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => options.UseNpgsql(WithoutJit(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
        };
        // Counting "up to N" (the portal's capped counts) is a Take without an order on purpose.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    /// <summary>
    /// PostgreSQL's JIT compiler spends tens of milliseconds compiling any query it thinks is large (a search over a
    /// million rows), which a web request never wins back; the app's sessions turn it off unless the connection
    /// string already says otherwise.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        }
        return builder.ConnectionString;
    }
}
