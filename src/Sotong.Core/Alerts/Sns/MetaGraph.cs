using System.Text.Json;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Reading the Graph API's answers. Errors come as <c>{"error":{"message","type","code","error_subcode","is_transient"}}</c>,
/// often with HTTP 400 even when they are throttling, so the code decides: 1 and 2 (temporary downtime), 4, 17, 32,
/// 341 and 613 (call limits) and anything marked is_transient are tried again; 9007 (Instagram's "media not ready")
/// too, when publishing a container that is still being fetched.
/// </summary>
internal static class MetaGraph
{
    private static readonly int[] TransientCodes = [1, 2, 4, 17, 32, 341, 613];
    public const int MediaNotReady = 9007;

    /// <summary>The access token goes in the form body, never the URL, so no proxy or log sees it.</summary>
    public static FormUrlEncodedContent Form(string accessToken, params (string Name, string? Value)[] fields) =>
        new([.. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)),
            new KeyValuePair<string, string>("access_token", accessToken)]);

    public static Judgement Judge(PlatformAnswer answer, string what, bool notReadyIsTransient = false)
    {
        var error = Error(answer.Body);
        if (answer.IsSuccess && error is null)
        {
            return Judgement.Done(Id(answer.Body));
        }
        var text = error is { } e ? $"{what} {answer.Status} (#{e.Code}{(e.Subcode is { } s ? "/" + s : "")}): {e.Message}" : $"{what} {answer.Status}: {AlertJson.Excerpt(answer.Body)}";
        var transient = error is { } err
            ? err.IsTransient || TransientCodes.Contains(err.Code) || (notReadyIsTransient && err.Code == MediaNotReady) || answer.Status >= 500
            : answer.IsTransientStatus;
        return transient ? Judgement.Retry(text) : Judgement.Permanent(text);
    }

    public static string? Id(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) ? id.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GraphError? Error(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("error", out var e) || e.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new GraphError(
                e.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : 0,
                e.TryGetProperty("error_subcode", out var sub) && sub.TryGetInt32(out var s) ? s : null,
                e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
                e.TryGetProperty("is_transient", out var t) && t.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record GraphError(int Code, int? Subcode, string Message, bool IsTransient);
}
