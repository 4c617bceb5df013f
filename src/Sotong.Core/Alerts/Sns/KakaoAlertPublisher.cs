using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// KakaoTalk channel: a channel cannot post to all its friends through an open API, but its Open Builder bot can
/// message users it knows through the event API, <c>POST /v2/bots/{botId}/talk</c> with
/// <c>Authorization: KakaoAK {restApiKey}</c>, <c>event {name, data {text}}</c> and at most 100 distinct
/// <c>user [{type: "botUserKey", id}]</c> per request. The users come from <see cref="IKakaoAudience"/>. Each
/// request of 100 is retried on its own, so a failed one never resends the others; the answer's
/// <c>status</c> SUCCESS only means Kakao accepted the task (per-user delivery is in the task's result).
/// </summary>
internal sealed class KakaoAlertPublisher(AlertHttp sender, AlertSnsOptions options, IKakaoAudience audience, TimeProvider time) : IAlertPublisher
{
    public const int MaxUsersPerRequest = 100;

    public ChannelPlatform Platform => ChannelPlatform.KakaoTalkChannel;

    public async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        var run = new AlertRun(account, time);
        if (account[CredentialNames.RestApiKey] is not { Length: > 0 } key || account.ExternalId is not { Length: > 0 } botId)
        {
            return run.Failed("The KakaoTalk channel has no REST API key or bot id.");
        }
        try
        {
            // Kakao refuses a request that names a user twice.
            var users = (await audience.UserKeysAsync(account, ct)).Distinct(StringComparer.Ordinal).ToList();
            if (users.Count == 0)
            {
                return run.Failed("No KakaoTalk user of this channel is known yet (only users who have written to its bot can be messaged).");
            }
            var text = AlertText.WithLink(post, AlertText.KakaoMaxChars);
            var url = $"{options.KakaoEventApiBase}/v2/bots/{Uri.EscapeDataString(botId)}/talk";
            var batches = users.Chunk(MaxUsersPerRequest).ToArray();
            var outcomes = new Judgement?[batches.Length];
            var refused = 0;
            await Parallel.ForAsync(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = options.KakaoParallelBatches, CancellationToken = ct }, async (i, c) =>
            {
                // A refused key or bot refuses every batch alike: the rest are not sent.
                if (Volatile.Read(ref refused) != 0)
                {
                    return;
                }
                var body = new
                {
                    @event = new { name = options.KakaoEventName, data = new { text } },
                    user = batches[i].Select(id => new { type = "botUserKey", id }).ToArray(),
                };
                var outcome = await sender.SendAsync(run, $"talk {i + 1}/{batches.Length}", () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("KakaoAK", key);
                    return request;
                }, Judge, null, c);
                outcomes[i] = outcome;
                if (outcome.Verdict == StepVerdict.Permanent && outcome.Error is { } error && (error.StartsWith("Kakao 401", StringComparison.Ordinal) || error.StartsWith("Kakao 403", StringComparison.Ordinal)))
                {
                    Interlocked.Exchange(ref refused, 1);
                }
            });
            var accepted = outcomes.Where(o => o is { Succeeded: true }).Select(o => o!.Value.Id).OfType<string>().ToList();
            var acceptedUsers = Enumerable.Range(0, batches.Length).Where(i => outcomes[i] is { Succeeded: true }).Sum(i => batches[i].Length);
            if (acceptedUsers == users.Count)
            {
                return run.Posted(TaskIds(accepted));
            }
            var firstError = outcomes.FirstOrDefault(o => o is { Succeeded: false })?.Error ?? "not sent after the channel's key was refused";
            return run.Failed($"Kakao accepted {acceptedUsers} of {users.Count} users ({batches.Length} requests); {firstError}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return run.OutOfTime();
        }
    }

    /// <summary>All task ids while they are few; past five, the first and a count (the status board needs acceptance, not the list).</summary>
    private static string? TaskIds(List<string> ids) => ids.Count switch
    {
        0 => null,
        <= 5 => string.Join(',', ids),
        _ => $"{ids[0]},… ({ids.Count} tasks)",
    };

    internal static Judgement Judge(PlatformAnswer answer)
    {
        string? status = null, message = null, taskId = null;
        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                status = root.TryGetProperty("status", out var s) ? s.GetString() : null;
                message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                taskId = root.TryGetProperty("taskId", out var t) ? t.ToString() : null;
            }
        }
        catch (JsonException)
        {
            // Read below as an unreadable answer.
        }
        if (answer.IsSuccess && (status == "SUCCESS" || (status is null && taskId is not null)))
        {
            return Judgement.Done(taskId);
        }
        var text = $"Kakao {answer.Status}{(status is null ? "" : " " + status)}: {message ?? AlertJson.Excerpt(answer.Body)}";
        return answer.IsTransientStatus ? Judgement.Retry(text) : Judgement.Permanent(text);
    }
}
