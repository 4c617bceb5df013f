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

    /// <summary>The text every messaging benchmark sends: one UCS-2 part.</summary>
    public const string Text = "[중구청] 구정소식: 이번 주 토요일 중림동 주민센터에서 건강검진이 있습니다.";

    /// <summary>One bulk batch from 0120 to <paramref name="count"/> numbers {phonePrefix}{n:D7}, written as a campaign start writes it.</summary>
    public static async Task<Guid> EnqueueAsync(IHost host, OutboxKind kind, string phonePrefix, string keyPrefix, int count)
    {
        var protector = host.Services.GetRequiredService<Sotong.Core.Common.Security.PersonalDataProtector>();
        var id = Guid.CreateVersion7();
        var recipients = Enumerable.Range(0, count)
            .Select(i => new OutboxRecipient(protector.Protect(phonePrefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)), $"{keyPrefix}:{id:N}:{i}")).ToList();
        await host.Services.GetRequiredService<Outbox>().EnqueueAsync(new OutboxRequest(kind, null, "0120", Text, OutboxPriority.Bulk, BatchId: id), recipients, CancellationToken.None);
        return id;
    }
}
