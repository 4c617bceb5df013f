using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// X: <c>POST /2/tweets</c> with <c>{"text": …}</c> and the account's OAuth 2.0 user-context token (userAccessToken)
/// as a bearer token. The text fits 280 weighted characters (<see cref="AlertText.ForX"/>). X has no idempotency
/// key, but refuses the same text twice with 403 "duplicate content": after a try whose answer was lost, that
/// refusal means the post is up.
/// </summary>
internal sealed class XAlertPublisher(AlertHttp sender, AlertSnsOptions options, TimeProvider time) : IAlertPublisher
{
    public ChannelPlatform Platform => ChannelPlatform.X;

    public async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        var run = new AlertRun(account, time);
        if (account[CredentialNames.UserAccessToken] is not { Length: > 0 } token)
        {
            return run.Failed("The X account has no user access token (userAccessToken).");
        }
        var text = AlertText.ForX(post);
        try
        {
            var result = await sender.SendAsync(run, "post", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"{options.XApiBase}/2/tweets") { Content = JsonContent.Create(new { text }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            }, Judge, null, ct);
            return result.Succeeded ? run.Posted(result.Id) : run.Failed(result.Error ?? "X refused the post.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return run.OutOfTime();
        }
    }

    internal Judgement Judge(PlatformAnswer answer)
    {
        var detail = Detail(answer.Body);
        if (answer.IsSuccess)
        {
            return Judgement.Done(Id(answer.Body));
        }
        if (answer.Status == 403 && detail.Contains("duplicate content", StringComparison.OrdinalIgnoreCase))
        {
            return Judgement.Already(null);
        }
        if (answer.IsTransientStatus)
        {
            return Judgement.Retry($"X {answer.Status}: {detail}", answer.Status == 429 ? ResetIn(answer) : null);
        }
        return Judgement.Permanent($"X {answer.Status}: {detail}");
    }

    /// <summary>X's 429 names the end of the rate-limit window (x-rate-limit-reset, Unix seconds) rather than Retry-After.</summary>
    private TimeSpan? ResetIn(PlatformAnswer answer)
    {
        if (answer.Headers.TryGetValues("x-rate-limit-reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static string? Id(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Detail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
                {
                    return d.GetString()!;
                }
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                    && errors[0].TryGetProperty("message", out var m))
                {
                    return m.GetString() ?? "";
                }
                if (root.TryGetProperty("title", out var t))
                {
                    return t.GetString() ?? "";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the excerpt below says enough.
        }
        return AlertJson.Excerpt(body);
    }
}
