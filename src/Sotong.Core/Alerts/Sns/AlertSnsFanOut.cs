using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Posts one alert on every given account at once: up to <c>Alerts:Sns:MaxParallel</c> (16) accounts in flight,
/// each retrying its own requests until <c>Alerts:Sns:DeadlineSeconds</c> (60) after the start, then one result per
/// account in the order given. <c>onResult</c> hears each account as it finishes (one call at a time, for the live
/// status board). An account already posted for the same <see cref="AlertPost.AlertKey"/> in this process (a repeated
/// click, a re-run after a partial failure) is not posted again: its first result comes back.
/// </summary>
public sealed partial class AlertSnsFanOut
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);
    private static readonly ChannelPlatform[] Supported =
        [ChannelPlatform.X, ChannelPlatform.Facebook, ChannelPlatform.Instagram, ChannelPlatform.KakaoTalkChannel, ChannelPlatform.Telegram];

    private readonly Dictionary<ChannelPlatform, IAlertPublisher> _publishers;
    private readonly AlertSnsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertSnsFanOut> _logger;
    private readonly ConcurrentDictionary<(string AlertKey, Guid AccountId), (Task<AlertPostResult> Post, DateTimeOffset At)> _posts = new();

    internal AlertSnsFanOut(IEnumerable<IAlertPublisher> publishers, AlertSnsOptions options, TimeProvider time, ILogger<AlertSnsFanOut> logger)
    {
        _publishers = publishers.ToDictionary(p => p.Platform);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The platforms an alert can be posted on (pass these to <see cref="ChannelCredentials.ForPlatformsAsync"/>).</summary>
    public static IReadOnlyCollection<ChannelPlatform> SupportedPlatforms => Supported;

    public static bool Supports(ChannelPlatform platform) => Supported.Contains(platform);

    public async Task<IReadOnlyList<AlertPostResult>> PublishAsync(IReadOnlyList<ChannelAccountSecrets> accounts, AlertPost post, Func<AlertPostResult, Task>? onResult, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentException.ThrowIfNullOrWhiteSpace(post.AlertKey);
        Forget();
        using var deadline = new CancellationTokenSource(_options.Deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var slots = new SemaphoreSlim(_options.MaxParallel);
        using var reporting = new SemaphoreSlim(1);
        var started = _time.GetTimestamp();

        async Task<AlertPostResult> OneAsync(ChannelAccountSecrets account)
        {
            var result = await PostOnceAsync(account, post, slots, linked.Token);
            ct.ThrowIfCancellationRequested();
            LogResult(_logger, post.AlertKey, account.Platform, account.Id, result.Posted, result.Attempts, result.Took.TotalMilliseconds, result.Error);
            if (onResult is not null)
            {
                await reporting.WaitAsync(CancellationToken.None);
                try
                {
                    await onResult(result);
                }
                catch (Exception e)
                {
                    // The board is a view: its failure must not stop or fail the posting.
                    LogReportFailed(_logger, post.AlertKey, account.Id, e.GetType());
                }
                finally
                {
                    reporting.Release();
                }
            }
            return result;
        }

        var results = await Task.WhenAll(accounts.Select(a => Task.Run(() => OneAsync(a), CancellationToken.None)));
        ct.ThrowIfCancellationRequested();
        var posted = results.Count(r => r.Posted);
        var took = _time.GetElapsedTime(started);
        LogDone(_logger, post.AlertKey, posted, results.Length, took.TotalMilliseconds);
        return results;
    }

    /// <summary>The same key and account share one post: a second caller waits for the first; a failure is forgotten so a later call tries again.</summary>
    private async Task<AlertPostResult> PostOnceAsync(ChannelAccountSecrets account, AlertPost post, SemaphoreSlim slots, CancellationToken ct)
    {
        var key = (post.AlertKey, account.Id);
        var mine = new TaskCompletionSource<AlertPostResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = _posts.GetOrAdd(key, _ => (mine.Task, _time.GetUtcNow()));
        if (entry.Post != mine.Task)
        {
            try
            {
                return await entry.Post.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return Failed(account, "The deadline passed while the same post was still being made by an earlier request.", 0, TimeSpan.Zero);
            }
        }
        var result = await PostAsync(account, post, slots, ct);
        if (!result.Posted)
        {
            _posts.TryRemove(new KeyValuePair<(string, Guid), (Task<AlertPostResult>, DateTimeOffset)>(key, entry));
        }
        mine.SetResult(result);
        return result;
    }

    private async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, SemaphoreSlim slots, CancellationToken ct)
    {
        if (!_publishers.TryGetValue(account.Platform, out var publisher))
        {
            return Failed(account, $"Alerts are not posted on {account.Platform}.", 0, TimeSpan.Zero);
        }
        var waited = _time.GetTimestamp();
        try
        {
            await slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return Failed(account, "The deadline passed before this account's turn came.", 0, _time.GetElapsedTime(waited));
        }
        try
        {
            return await publisher.PostAsync(account, post, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Failed(account, "The deadline passed before the post was accepted.", 0, _time.GetElapsedTime(waited));
        }
        catch (Exception e)
        {
            // The type and stack only: an exception's message may quote a request URL, and Telegram's holds the token.
            LogPublisherFailed(_logger, post.AlertKey, account.Platform, account.Id, e.GetType(), e.StackTrace);
            return Failed(account, $"Posting failed unexpectedly ({e.GetType().Name}).", 0, _time.GetElapsedTime(waited));
        }
        finally
        {
            slots.Release();
        }
    }

    private static AlertPostResult Failed(ChannelAccountSecrets account, string error, int attempts, TimeSpan took) =>
        new(account.Id, account.Platform, false, null, error, attempts, took);

    private void Forget()
    {
        var before = _time.GetUtcNow() - Remembered;
        foreach (var (key, entry) in _posts)
        {
            if (entry.At < before && entry.Post.IsCompleted)
            {
                _posts.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertKey} on {Platform} account {AccountId}: posted {Posted} after {Attempts} attempts in {Ms:0} ms {Error}")]
    private static partial void LogResult(ILogger logger, string alertKey, ChannelPlatform platform, Guid accountId, bool posted, int attempts, double ms, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertKey}: {Posted} of {Accounts} SNS accounts posted in {Ms:0} ms")]
    private static partial void LogDone(ILogger logger, string alertKey, int posted, int accounts, double ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertKey}: the status callback for account {AccountId} failed ({Error})")]
    private static partial void LogReportFailed(ILogger logger, string alertKey, Guid accountId, Type error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertKey}: the {Platform} publisher failed for account {AccountId}: {ExceptionType} {StackTrace}")]
    private static partial void LogPublisherFailed(ILogger logger, string alertKey, ChannelPlatform platform, Guid accountId, Type exceptionType, string? stackTrace);
}
