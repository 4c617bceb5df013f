using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Campaigns;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Messaging;
using Sotong.Core.Organization;
using Sotong.Core.Subscribers;

namespace Sotong.Bench.Messaging;

/// <summary>
/// The app's own services (outbox, campaign starter, data protection with the keys in the database), without a web host,
/// on a database the app has already migrated and seeded (bench/messaging.sh starts it once for that).
/// </summary>
internal static class Bench
{
    public static IHost Services(string connectionString, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Sotong"] = connectionString + ";Command Timeout=0",
            ["Demo:Enabled"] = "false",
            ["Channels:Sms:ShortNumber"] = "0120",
        });
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSotongCommon();
        builder.AddSotongData();
        // Staff accounts and their second factor, for the alert benchmark's author and approver.
        builder.AddOrganization();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContext());
        builder.Services.AddIdentityCore<StaffUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<SotongDbContext>();
        builder.AddMessaging();
        builder.AddSubscribers();
        builder.AddCampaigns();
        return builder.Build();
    }
}
