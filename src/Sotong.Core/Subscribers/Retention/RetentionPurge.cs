using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Security;
using Sotong.Core.Subscribers.Households;
using Sotong.Core.Subscribers.Verification;

namespace Sotong.Core.Subscribers.Retention;

public sealed record PurgeResult(int Withdrawn, int Expired, int Challenges, int Households);

/// <summary>
/// Deletes what the consent notice says is not kept: subscribers withdrawn more than
/// <see cref="SubscribersSettings.PurgeWithdrawnAfterDays"/> days ago, subscribers whose consent has run out, codes
/// older than a day, and households nobody belongs to any more. The audit entry records counts only.
/// </summary>
public sealed partial class RetentionPurgeHandler(IDbContextFactory<SotongDbContext> dbFactory, SubscribersSettings settings, TimeProvider time, ILogger<RetentionPurgeHandler> logger)
{
    public const string Actor = "system";

    public async Task<PurgeResult> PurgeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var withdrawnBefore = now.AddDays(-settings.PurgeWithdrawnAfterDays);
        var challengesBefore = now.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var withdrawn = await db.Set<Subscriber>().Where(s => s.Status == SubscriberStatus.Withdrawn && s.WithdrawnAtUtc < withdrawnBefore).ExecuteDeleteAsync(ct);
            var expired = await db.Set<Subscriber>().Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
            var challenges = await db.Set<PhoneChallenge>().Where(c => c.CreatedAtUtc < challengesBefore).ExecuteDeleteAsync(ct);
            var households = await db.Set<SubscriberHousehold>().Where(h => !db.Set<Subscriber>().Any(s => s.HouseholdId == h.Id)).ExecuteDeleteAsync(ct);
            if (withdrawn + expired > 0)
            {
                db.Audit(now, Actor, "Sotong", nameof(Subscriber), "retention", "Purged",
                    detail: string.Create(CultureInfo.InvariantCulture, $"{withdrawn} withdrawn more than {settings.PurgeWithdrawnAfterDays} days ago, {expired} with expired consent, {households} empty households"));
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            if (withdrawn + expired > 0)
            {
                LogPurged(logger, withdrawn, expired);
            }
            return new PurgeResult(withdrawn, expired, challenges, households);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Withdrawn} withdrawn and {Expired} expired subscribers")]
    private static partial void LogPurged(ILogger logger, int withdrawn, int expired);
}

/// <summary>Runs the purge a minute after start (the app is up and seeded by then) and then every hour.</summary>
internal sealed partial class RetentionPurgeService(RetentionPurgeHandler purge, TimeProvider time, ILogger<RetentionPurgeService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunAfter, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await purge.PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away for a moment must not stop the host; the next hour tries again.
                LogFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception e);
}

internal static class RetentionPurgeEndpoints
{
    public static void Map(RouteGroupBuilder staffApi) =>
        staffApi.MapPost("/purge", async (RetentionPurgeHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.PurgeAsync(ct)))
            .WithName("PurgeSubscribers").WithSummary("Run the retention purge now (it also runs every hour)")
            .RequireAuthorization(SotongPolicies.Administration)
            .Produces<PurgeResult>(StatusCodes.Status200OK);
}
