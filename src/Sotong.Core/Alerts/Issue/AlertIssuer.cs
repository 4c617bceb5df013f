using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Alerts.Public;
using Sotong.Core.Alerts.Sns;
using Sotong.Core.Common;
using Sotong.Core.Common.Links;
using Sotong.Core.Messaging;
using Sotong.Core.Organization;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Alerts.Issue;

/// <summary>
/// Hands every issued alert to every channel at once: the banner on open pages, a post on each SNS account, and the
/// SMS audience written to the outbox at emergency priority (ahead of every campaign). Runs the moment an approval
/// pokes it, and on start for anything issued but not finished (a node that died mid-way); a lease on the alert row
/// keeps two nodes from doing the same alert at once. The SMS batch id is the alert's id and the SNS results are kept
/// per account, so a resumed fan-out neither repeats a batch nor reposts on an account that already has it.
/// </summary>
public sealed partial class AlertIssuer(
    IDbContextFactory<SotongDbContext> dbFactory,
    Outbox outbox,
    AlertSnsFanOut sns,
    ChannelCredentials credentials,
    IAlertBroadcaster broadcaster,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AlertIssuer> logger) : BackgroundService
{
    /// <summary>Longer than a hand-out takes (the SNS deadline of 60 s, a million recipients written in seconds), so a live node keeps it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Recipients written in the first transaction: a few seconds of the engine's full rate.</summary>
    private const int FirstSlice = 20_000;

    /// <summary>
    /// The start of the outbox key of each of an alert's texts ("a" + the alert id in 22 characters of base64url + ":",
    /// then the subscriber id): short, because every character of a million keys is written to the unique index.
    /// </summary>
    internal static string KeyPrefix(Guid alertId) => $"a{System.Buffers.Text.Base64Url.EncodeToString(alertId.ToByteArray())}:";
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<Guid, Task> _running = new();
    private readonly string _node = Guid.NewGuid().ToString("N");

    /// <summary>Something was just issued: look now rather than at the next poll.</summary>
    public void Poke()
    {
        try
        {
            _wake.Release();
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
                await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
                {
                    var pending = await db.Set<Alert>().AsNoTracking().Where(a => a.State == AlertState.Issued && !a.FanOutDone)
                        .OrderBy(a => a.IssuedAtUtc).Select(a => a.Id).Take(20).ToListAsync(stoppingToken);
                    foreach (var id in pending)
                    {
                        // Registered before it starts, so a run that ends at once cannot remove itself before it is added.
                        var run = new Task<Task>(() => FanOutAsync(id, stoppingToken));
                        if (_running.TryAdd(id, run.Unwrap()))
                        {
                            _ = _running[id].ContinueWith(t => _running.TryRemove(new KeyValuePair<Guid, Task>(id, t)), TaskScheduler.Default);
                            run.Start(TaskScheduler.Default);
                        }
                    }
                }
                await _wake.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
        await Task.WhenAll(_running.Values);
    }

    private async Task FanOutAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (!await TakeLeaseAsync(id, ct))
            {
                return;
            }
            Alert alert;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                alert = await db.Set<Alert>().AsNoTracking().FirstAsync(a => a.Id == id, ct);
            }
            var started = time.GetTimestamp();
            var publicBase = PublicAddress.Of(configuration);
            if (alert.SupersededById is not null)
            {
                // Updated or cancelled before its own hand-out finished (a node died): what is left of it is not sent.
                await outbox.CancelQueuedAsync(alert.Id, ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Set<Alert>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutDone, true).SetProperty(a => a.FanOutLeaseUntilUtc, (DateTime?)null), ct);
                return;
            }
            // The three channels at once; none waits for another, and one failing does not stop the others. A channel that
            // already finished (a resumed or retried hand-out) is not done again.
            var banner = alert.BannerPushedAtUtc is null ? Task.Run(() => BannerAsync(alert, publicBase, ct), CancellationToken.None) : Task.CompletedTask;
            var posts = alert.SnsFinishedAtUtc is null ? Task.Run(() => SnsAsync(alert, publicBase, ct), CancellationToken.None) : Task.CompletedTask;
            var sms = alert.SmsQueuedAtUtc is null ? Task.Run(() => SmsAsync(alert, ct), CancellationToken.None) : Task.CompletedTask;
            var outcomes = await Task.WhenAll(Guard(banner), Guard(posts), Guard(sms));
            if (outcomes.All(ok => ok))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Set<Alert>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutDone, true).SetProperty(a => a.FanOutLeaseUntilUtc, (DateTime?)null), ct);
                var took = (long)time.GetElapsedTime(started).TotalMilliseconds;
                LogFannedOut(logger, alert.Identifier, took);
            }
            else
            {
                // Left unfinished: the next pass (after the lease) tries the channels that did not finish.
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var retryAt = time.GetUtcNow().UtcDateTime.AddSeconds(15);
                await db.Set<Alert>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutLeaseUntilUtc, retryAt), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: let another node (or this one, restarted) take it over at once rather than after the lease.
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Set<Alert>().Where(a => a.Id == id && a.FanOutLeaseNode == _node)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutLeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogFanOutFailed(logger, id, e.Message);
        }

        async Task<bool> Guard(Task task)
        {
            try
            {
                await task;
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogChannelFailed(logger, id, e.GetType().Name, e.Message);
                return false;
            }
        }
    }

    private async Task<bool> TakeLeaseAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var taken = await db.Set<Alert>()
            .Where(a => a.Id == id && !a.FanOutDone && (a.FanOutLeaseUntilUtc == null || a.FanOutLeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutLeaseUntilUtc, until).SetProperty(a => a.FanOutLeaseNode, _node), ct);
        return taken == 1;
    }

    private async Task BannerAsync(Alert alert, string publicBase, CancellationToken ct)
    {
        if (alert.MsgType == CapMsgType.Cancel)
        {
            await broadcaster.WithdrawnAsync([.. (await EarlierAsync(alert, ct)).Select(a => a.Identifier)], ct);
        }
        else
        {
            await broadcaster.IssuedAsync(PublicAlert.Of(alert, publicBase), [.. (await EarlierAsync(alert, ct)).Select(a => a.Identifier)], ct);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<Alert>().Where(a => a.Id == alert.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BannerPushedAtUtc, now), ct);
    }

    /// <summary>Every earlier message of the chain (an open page may still show any of them), newest first.</summary>
    private async Task<List<Alert>> EarlierAsync(Alert alert, CancellationToken ct)
    {
        if (alert.ReferencesId is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await AlertChain.EarlierAsync(db.Set<Alert>().AsNoTracking(), alert, ct);
        chain.Reverse();
        return chain;
    }

    private async Task SnsAsync(Alert alert, string publicBase, CancellationToken ct)
    {
        var accounts = await credentials.ForPlatformsAsync(AlertSnsFanOut.SupportedPlatforms, ct);
        List<Guid> done;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            done = await db.Set<AlertSnsPost>().AsNoTracking().Where(p => p.AlertId == alert.Id && p.Posted).Select(p => p.AccountId).ToListAsync(ct);
        }
        var todo = accounts.Where(a => !done.Contains(a.Id)).ToList();
        if (todo.Count > 0)
        {
            var post = new AlertPost(alert.Identifier, alert.SmsText, AlertTexts.LongForm(alert), string.IsNullOrEmpty(publicBase) ? null : $"{publicBase}/alerts/{alert.Identifier}",
                string.IsNullOrEmpty(publicBase) ? null : $"{publicBase}/img/alert-card.jpg", alert.Status == CapStatus.Exercise)
            {
                IsTest = alert.Status is CapStatus.Test or CapStatus.Draft or CapStatus.System,
            };
            var handles = todo.ToDictionary(a => a.Id, a => a.Handle);
            var results = await sns.PublishAsync(todo, post, r => RecordAsync(alert.Id, handles[r.AccountId], r), ct);
            if (results.Any(r => !r.Posted))
            {
                // Recorded per account for the board; the fan-out is done with what the platforms allowed.
                LogSnsFailures(logger, alert.Identifier, results.Count(r => !r.Posted), results.Count);
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.Set<Alert>().Where(a => a.Id == alert.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SnsFinishedAtUtc, now), ct);
        }
    }

    private async Task RecordAsync(Guid alertId, string handle, AlertPostResult r)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var row = await db.Set<AlertSnsPost>().FirstOrDefaultAsync(p => p.AlertId == alertId && p.AccountId == r.AccountId);
        if (row is null)
        {
            row = new AlertSnsPost { AlertId = alertId, AccountId = r.AccountId, Handle = handle };
            db.Add(row);
        }
        row.Platform = r.Platform;
        row.Posted = r.Posted;
        row.ProviderPostId = r.ProviderPostId;
        row.Error = r.Error is { Length: > 1000 } e ? e[..1000] : r.Error;
        row.Attempts += r.Attempts;
        row.TookMs = (int)Math.Min(int.MaxValue, r.Took.TotalMilliseconds);
        row.AtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SmsAsync(Alert alert, CancellationToken ct)
    {
        var sender = configuration["Channels:Sms:ShortNumber"];
        if (string.IsNullOrWhiteSpace(sender))
        {
            LogNoSms(logger, alert.Identifier);
            return;
        }
        // Not yet wholly written (never started, or a node died between the first slice and the rest): write what is missing.
        if (alert.MsgType is CapMsgType.Update or CapMsgType.Cancel)
        {
            // What the earlier messages of the chain have not yet sent is withdrawn first: the correction must not wait
            // behind them (same priority, earlier rows), and a cancelled warning must stop going out.
            foreach (var earlier in (await EarlierAsync(alert, ct)).Select(a => a.Id))
            {
                await outbox.CancelQueuedAsync(earlier, ct);
            }
        }
        if (alert.SmsQueuedAtUtc is null)
        {
            var writing = time.GetTimestamp();
            var dongs = alert.Dongs.ToList();
            var segment = alert.AudienceAll || dongs.Count == 0 ? SubscriberSegment.Everyone : new SubscriberSegment(DongCodes: dongs);
            var year = SubscriberRules.CurrentYear(time);
            // Emergency priority: the dispatchers take these before any campaign row; quiet hours do not apply. The
            // database selects and writes the audience itself, the first slice committed on its own so the first texts
            // go while the rest is written; campaign chunks wait on this node until that slice is in.
            var batch = await outbox.EnqueueSelectedAsync(new OutboxRequest(OutboxKind.Alert, alert.Id, sender, AlertTexts.Sms(alert), OutboxPriority.Emergency, BatchId: alert.Id),
                db => segment.Apply(db.Set<Subscriber>().AsNoTracking(), year).Select(s => new OutboxSource { SubscriberId = s.Id, ProtectedRecipient = s.ProtectedPhone }),
                KeyPrefix(alert.Id), FirstSlice, ct);
            var writeMs = (long)time.GetElapsedTime(writing).TotalMilliseconds;
            LogQueued(logger, alert.Identifier, batch.Total, writeMs);
        }
        var total = (await outbox.ProgressAsync(alert.Id, ct))?.Total ?? 0;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.Set<Alert>().Where(a => a.Id == alert.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SmsAudience, total).SetProperty(a => a.SmsQueuedAtUtc, now), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Identifier}: {Recipients} SMS recipients selected and written to the outbox in {WriteMs} ms")]
    private static partial void LogQueued(ILogger logger, string identifier, int recipients, long writeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Identifier} handed to every channel in {Milliseconds} ms")]
    private static partial void LogFannedOut(ILogger logger, string identifier, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId}: a channel failed ({Type}: {Reason}); it will be retried")]
    private static partial void LogChannelFailed(ILogger logger, Guid alertId, string type, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId}: the fan-out failed: {Reason}")]
    private static partial void LogFanOutFailed(ILogger logger, Guid alertId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert issuer's loop failed: {Reason}")]
    private static partial void LogLoopFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Identifier}: {Failed} of {Total} SNS accounts could not be posted")]
    private static partial void LogSnsFailures(ILogger logger, string identifier, int failed, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Identifier}: no short number (Channels:Sms:ShortNumber), so no SMS")]
    private static partial void LogNoSms(ILogger logger, string identifier);
}
