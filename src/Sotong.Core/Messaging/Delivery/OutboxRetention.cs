using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// The outbox keeps each recipient's encrypted number only as long as its delivery record is useful: rows finished
/// more than <c>Messaging:RetainDays</c> (default 90) days ago are deleted every hour. Batches stay, with their
/// counters and no personal data, so old campaign reports still show their totals.
/// </summary>
public sealed partial class OutboxRetention(IDbContextFactory<SotongDbContext> dbFactory, IConfiguration configuration, TimeProvider time, ILogger<OutboxRetention> logger)
    : BackgroundService
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, configuration.GetValue("Messaging:RetainDays", 90)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var deleted = await db.Set<OutboxMessage>()
            .Where(m => m.State != OutboxState.Queued && (m.CompletedAtUtc ?? m.SubmittedAtUtc ?? m.CreatedAtUtc) < cutoff)
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
                {
                    LogFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox retention: {Count} finished message(s) past the retention period deleted")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox retention failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
