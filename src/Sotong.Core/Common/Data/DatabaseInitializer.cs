using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sotong.Core.Organization.Demo;
using Sotong.Core.Organization.Staff;

namespace Sotong.Core.Common.Data;

/// <summary>Reference data a module needs in every database (topics, settings …); runs after demo data, so it can use it.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken ct);
}

/// <summary>
/// Start-up work, in order: migrate, make sure the roles exist, bootstrap the administrator, load demo data, then each
/// module's reference data.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<SotongDbContext> dbFactory,
    AdminBootstrap admins,
    DemoSeeder demo,
    IEnumerable<IDataSeeder> seeders,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger)
{
    public bool DemoMode => configuration.GetValue("Demo:Enabled", false);

    /// <summary>Returns true when demo data was loaded on this start.</summary>
    public async Task<bool> InitializeAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // A migration may build an index over millions of rows: no 30-second command limit for that.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.MigrateAsync(ct);
        }
        await admins.EnsureRolesAsync();

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            await admins.EnsureAdministratorAsync(email, password);
        }

        var seeded = false;
        if (DemoMode)
        {
            seeded = await demo.SeedIfEmptyAsync(ct);
            if (!seeded)
            {
                LogDemoSkipped(logger);
            }
        }
        foreach (var seeder in seeders)
        {
            await seeder.SeedAsync(ct);
        }
        return seeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: the database already holds data, so no demo data was loaded")]
    private static partial void LogDemoSkipped(ILogger logger);
}
