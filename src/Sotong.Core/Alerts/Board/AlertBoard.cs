using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Alerts.Sns;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Messaging;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Board;

/// <summary>One channel's line on the board: how many, how many went, how many failed, the rate and the time left.</summary>
public sealed record ChannelStatus(string Channel, int Total, int Sent, int Failed, double? RatePerSecond, double? SecondsLeft, bool Done);

/// <summary>One SNS account's result.</summary>
public sealed record SnsAccountStatus(Guid AccountId, string Platform, string Handle, bool? Posted, string? ProviderPostId, string? Error, int Attempts, int TookMs);

/// <summary>The approver's live view of an issued alert, channel by channel, until everything is done.</summary>
public sealed record AlertStatusBoard(
    Guid Id, string Identifier, string State, DateTime? IssuedAtUtc, double? SecondsSinceIssue, DateTime? BannerPushedAtUtc, DateTime? SmsQueuedAtUtc,
    DateTime? SnsFinishedAtUtc, bool FanOutDone, ChannelStatus Sms, ChannelStatus Sns, ChannelStatus Banner, IReadOnlyList<SnsAccountStatus> Accounts)
{
    public bool Done => FanOutDone && Sms.Done && Sns.Done;
}

public sealed class AlertBoardHandler(IDbContextFactory<SotongDbContext> dbFactory, Outbox outbox, ChannelCredentials credentials, TimeProvider time)
{
    public async Task<AlertStatusBoard> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The alert");
        var now = time.GetUtcNow().UtcDateTime;
        var progress = alert.State == AlertState.Issued ? await outbox.ProgressAsync(alert.Id, ct) : null;
        var smsDone = progress is not null && progress.Remaining == 0 || alert.SmsQueuedAtUtc is not null && alert.SmsAudience == 0;
        var sms = new ChannelStatus("sms", progress?.Total ?? alert.SmsAudience ?? 0, progress?.Submitted ?? 0, progress?.Failed ?? 0,
            progress?.Rate, progress?.TimeLeft?.TotalSeconds, smsDone);

        var posts = await db.Set<AlertSnsPost>().AsNoTracking().Where(p => p.AlertId == id).ToListAsync(ct);
        var accounts = alert.State == AlertState.Issued && alert.SnsFinishedAtUtc is null
            ? await credentials.ForPlatformsAsync(AlertSnsFanOut.SupportedPlatforms, ct)
            : [];
        var rows = posts.Select(p => new SnsAccountStatus(p.AccountId, p.Platform.ToString(), p.Handle, p.Posted, p.ProviderPostId, p.Error, p.Attempts, p.TookMs))
            .Concat(accounts.Where(a => posts.All(p => p.AccountId != a.Id)).Select(a => new SnsAccountStatus(a.Id, a.Platform.ToString(), a.Handle, null, null, null, 0, 0)))
            .OrderBy(r => r.Platform, StringComparer.Ordinal).ThenBy(r => r.Handle, StringComparer.Ordinal).ToList();
        var snsSeconds = alert.IssuedAtUtc is { } issued ? ((alert.SnsFinishedAtUtc ?? now) - issued).TotalSeconds : 0;
        var posted = rows.Count(r => r.Posted == true);
        var snsRate = snsSeconds > 0 ? posted / snsSeconds : (double?)null;
        var left = rows.Count(r => r.Posted is null);
        var sns = new ChannelStatus("sns", rows.Count, posted, rows.Count(r => r.Posted == false), snsRate,
            snsRate is > 0 ? left / snsRate : null, alert.SnsFinishedAtUtc is not null);
        var banner = new ChannelStatus("banner", 1, alert.BannerPushedAtUtc is null ? 0 : 1, 0, null, null, alert.BannerPushedAtUtc is not null);
        return new AlertStatusBoard(alert.Id, alert.Identifier, alert.State.ToString(), alert.IssuedAtUtc,
            alert.IssuedAtUtc is { } at ? (now - at).TotalSeconds : null, alert.BannerPushedAtUtc, alert.SmsQueuedAtUtc, alert.SnsFinishedAtUtc,
            alert.FanOutDone, sms, sns, banner, rows);
    }
}

internal static class AlertBoardEndpoints
{
    public static void Map(RouteGroupBuilder alerts) =>
        alerts.MapGet("/{id:guid}/status", async (Guid id, AlertBoardHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("AlertStatus").WithSummary("Per channel: sent, failed, rate and time left, until the alert is out everywhere.");
}
