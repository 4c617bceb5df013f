using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Messaging;

namespace Sotong.Core.Campaigns.Sending;

/// <summary>
/// Every few seconds (and at once when poked after an approval): starts the campaigns that are approved or whose
/// scheduled time has come, finishes starts that were interrupted, and marks campaigns sent when every recipient's
/// message has an outcome. Safe on several nodes: each step is guarded by the campaign's version and batch id.
/// </summary>
public sealed partial class CampaignScheduler(
    IDbContextFactory<SotongDbContext> dbFactory,
    CampaignStarter starter,
    CampaignPolicy policy,
    TimeProvider time,
    ILogger<CampaignScheduler> logger) : BackgroundService
{
    private const int BatchOfCampaigns = 50;

    /// <summary>A start that has not recorded its audience after this long was interrupted (a crash) and is resumed.</summary>
    internal static readonly TimeSpan StaleStart = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _poke = new(0, 1);

    /// <summary>Look now rather than at the next poll (a campaign was approved to go now).</summary>
    public void Poke()
    {
        try
        {
            _poke.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already poked.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.GetType().Name, e.Message);
            }
            await WaitAsync(stoppingToken);
        }
    }

    /// <summary>One round: start what is due, resume interrupted starts, complete finished campaigns.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> toStart;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var stale = now - StaleStart;
            toStart = await db.Set<Campaign>().AsNoTracking()
                .Where(c => c.State == CampaignState.Approved
                    || (c.State == CampaignState.Scheduled && c.ScheduledForUtc <= now)
                    || (c.State == CampaignState.Sending && c.AudienceSize == null && c.StartedAtUtc < stale))
                .OrderBy(c => c.UpdatedAtUtc).Select(c => c.Id).Take(BatchOfCampaigns).ToListAsync(ct);
        }
        foreach (var id in toStart)
        {
            try
            {
                await starter.StartAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One campaign that cannot start (its sender was deregistered) does not hold up the others.
                LogStartFailed(logger, id, e.Message);
            }
        }
        await CompleteFinishedAsync(ct);
    }

    private async Task CompleteFinishedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finished = await (from c in db.Set<Campaign>()
                              where c.State == CampaignState.Sending && c.AudienceSize != null
                              join b in db.Set<OutboxBatch>() on c.BatchId equals (Guid?)b.Id
                              where b.Submitted + b.Failed + b.Cancelled >= b.Total
                              select new { Campaign = c, b.Submitted, b.Failed, b.Cancelled }).Take(BatchOfCampaigns).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var f in finished)
        {
            f.Campaign.Complete(now);
            CampaignAccess.Audit(db, now, CampaignAccess.SystemActorId, CampaignAccess.SystemActorName, f.Campaign, "Sent", CampaignState.Sending,
                $"submitted {f.Submitted}, failed {f.Failed}, cancelled {f.Cancelled}");
        }
        if (finished.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Stopped or completed elsewhere meanwhile; the next round sees it as it is.
            }
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Task.WhenAny(Task.Delay(policy.PollInterval, time, round.Token), _poke.WaitAsync(round.Token));
        }
        finally
        {
            // The loser is cancelled, so no stale waiter swallows the next poke.
            await round.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The campaign scheduler's round failed: {Error}: {Message}")]
    private static partial void LogFailed(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {CampaignId} could not start: {Message}")]
    private static partial void LogStartFailed(ILogger logger, Guid campaignId, string message);
}
