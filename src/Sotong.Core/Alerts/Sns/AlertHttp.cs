using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

internal enum StepVerdict
{
    /// <summary>The platform accepted the request.</summary>
    Done,
    /// <summary>The platform already has this post (an earlier try went through although its answer was lost).</summary>
    AlreadyDone,
    /// <summary>Worth another try: throttled, a server error, a timeout, a container not ready yet.</summary>
    Retry,
    /// <summary>Another try would get the same answer: a bad token, a missing permission, a malformed request.</summary>
    Permanent,
}

/// <summary>A platform's answer read as a verdict; <see cref="Id"/> is what a success created.</summary>
internal readonly record struct Judgement(StepVerdict Verdict, string? Id = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static Judgement Done(string? id) => new(StepVerdict.Done, id);
    public static Judgement Already(string? id) => new(StepVerdict.AlreadyDone, id);
    public static Judgement Retry(string error, TimeSpan? after = null) => new(StepVerdict.Retry, Error: error, RetryAfter: after);
    public static Judgement Permanent(string error) => new(StepVerdict.Permanent, Error: error);

    public bool Succeeded => Verdict is StepVerdict.Done or StepVerdict.AlreadyDone;
}

internal sealed record PlatformAnswer(int Status, string Body, HttpResponseHeaders Headers)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>429, 408 and server errors: the platform is busy or down, not refusing this request.</summary>
    public bool IsTransientStatus => Status is 408 or 425 or 429 or >= 500;
}

/// <summary>
/// Sends one request of a post, again and again while the platform's answer says another try may succeed: back-off
/// doubling from <see cref="AlertSnsOptions.RetryBase"/> with jitter (so 44 accounts that failed together do not
/// retry together), or the platform's own Retry-After. Each try has its own timeout; the caller's token is the
/// whole post's deadline. Its client logs nothing: Telegram's token is part of the URL.
/// </summary>
internal sealed partial class AlertHttp(IHttpClientFactory http, AlertSnsOptions options, TimeProvider time, ILogger<AlertHttp> logger)
{
    public const string ClientName = "alerts-sns";

    /// <summary>
    /// Runs one step to a final verdict. <paramref name="recognise"/>, when given, is asked before a retry that
    /// follows an answer that may hide a success (a timeout, a lost connection, a server error): if it finds the
    /// post already made, the step ends there instead of posting twice. Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="ct"/> ends.
    /// </summary>
    public async Task<Judgement> SendAsync(AlertRun run, string step, Func<HttpRequestMessage> build, Func<PlatformAnswer, Judgement> judge,
        Func<CancellationToken, Task<Judgement?>>? recognise, CancellationToken ct)
    {
        var client = http.CreateClient(ClientName);
        for (var retry = 0; ; retry++)
        {
            Judgement judgement;
            var maybeDone = false;
            using (var timeout = new CancellationTokenSource(options.RequestTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
            {
                try
                {
                    using var request = build();
                    run.Sent(retry > 0);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    var answer = new PlatformAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token), response.Headers);
                    judgement = judge(answer);
                    if (judgement.Verdict == StepVerdict.Retry)
                    {
                        judgement = judgement with { RetryAfter = judgement.RetryAfter ?? RetryAfter(answer.Headers) };
                        maybeDone = answer.Status >= 500;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    judgement = Judgement.Retry($"no answer within {options.RequestTimeout.TotalSeconds:0.#} s");
                    maybeDone = true;
                }
                catch (HttpRequestException e)
                {
                    judgement = Judgement.Retry($"network: {e.HttpRequestError}");
                    // A refused or unresolved connection never carried the request.
                    maybeDone = e.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
                }
                catch (IOException)
                {
                    judgement = Judgement.Retry("network: the answer broke off");
                    maybeDone = true;
                }
            }
            if (judgement.Verdict != StepVerdict.Retry)
            {
                return judgement with { Error = judgement.Error is null ? null : run.Redact(judgement.Error) };
            }
            run.LastError = run.Redact(judgement.Error ?? "retry");
            if (judgement.RetryAfter is { } wait && wait > options.Deadline)
            {
                return Judgement.Permanent($"{run.LastError}; the platform asks to wait {wait.TotalSeconds:0} s, longer than the alert deadline");
            }
            var delay = judgement.RetryAfter is { } after ? after + Jitter(after / 10) : Backoff(retry);
            LogRetry(logger, run.Account.Platform, run.Account.Id, step, retry + 1, run.LastError, delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct);
            if (maybeDone && recognise is not null && await RecogniseAsync(run, step, recognise, ct) is { } found)
            {
                return found;
            }
        }
    }

    private async Task<Judgement?> RecogniseAsync(AlertRun run, string step, Func<CancellationToken, Task<Judgement?>> recognise, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await recognise(linked.Token);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Not knowing is not knowing: the step is simply tried again.
            LogRecogniseFailed(logger, run.Account.Platform, run.Account.Id, step, e.GetType());
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter is { Delta: { } delta })
        {
            return delta;
        }
        if (headers.RetryAfter is { Date: { } date })
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private TimeSpan Backoff(int retry)
    {
        var ceiling = Math.Min(options.RetryCap.TotalMilliseconds, options.RetryBase.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 16)));
        // Half fixed, half random: never a near-zero wait, and accounts that failed together spread out.
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private static TimeSpan Jitter(TimeSpan upTo) => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(upTo.TotalMilliseconds, 1000));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert post on {Platform} account {AccountId}, {Step}: try {Try} failed ({Reason}); retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, ChannelPlatform platform, Guid accountId, string step, int @try, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert post on {Platform} account {AccountId}, {Step}: could not check for an earlier post ({Error}); trying again")]
    private static partial void LogRecogniseFailed(ILogger logger, ChannelPlatform platform, Guid accountId, string step, Type error);
}
