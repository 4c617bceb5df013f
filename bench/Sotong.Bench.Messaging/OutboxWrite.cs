using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Campaigns;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Common;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;

namespace Sotong.Bench.Messaging;

/// <summary>
/// Issue 6's "1,000,000 recipients selected and written to the outbox in under 15 s": an approved campaign to every
/// subscriber, started by the app's own <see cref="CampaignStarter"/> (segment query, one list of recipients, one
/// binary COPY in one transaction). Each run starts from an empty outbox; the selection alone is timed separately.
/// </summary>
internal static class OutboxWrite
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        using var host = Bench.Services(connectionString);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>();
        var starter = host.Services.GetRequiredService<CampaignStarter>();
        var time = TimeProvider.System;
        for (var run = 1; run <= runs; run++)
        {
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("TRUNCATE messaging_outbox; DELETE FROM messaging_batch");
            }
            var select = Stopwatch.StartNew();
            int selected;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                selected = 0;
                await foreach (var _ in SubscriberSegment.Everyone.Apply(db.Set<Subscriber>().AsNoTracking(), time.GetUtcNow().Year)
                                   .Select(s => new { s.Id, s.ProtectedPhone }).AsAsyncEnumerable())
                {
                    selected++;
                }
            }
            select.Stop();

            Guid id;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var now = time.GetUtcNow().UtcDateTime;
                var campaign = Campaign.Create(new CampaignContent($"benchmark run {run}", "[중구청] 구정소식: 이번 주 토요일 건강검진이 있습니다.", CampaignKind.Information, [], null,
                    SubscriberSegment.Everyone, Urgent: true, Campaign.DefaultReplyWindowHours, null), "0120", null, now, "bench", "Benchmark");
                campaign.RequestSending(approvalRequired: false, now);
                db.Add(campaign);
                await db.SaveChangesAsync();
                id = campaign.Id;
            }
            var clock = Stopwatch.StartNew();
            if (!await starter.StartAsync(id, CancellationToken.None))
            {
                Console.Error.WriteLine("The campaign did not start.");
                return 1;
            }
            clock.Stop();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var rows = await db.Set<OutboxMessage>().CountAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {rows:N0} recipients selected and written in {clock.Elapsed.TotalSeconds:F2} s (selection alone: {selected:N0} in {select.Elapsed.TotalSeconds:F2} s)"));
            }
        }
        return 0;
    }
}
