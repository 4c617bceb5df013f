using System.Text.Json;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Facebook Page: <c>POST /{page-id}/feed</c> with <c>message</c>, <c>link</c> and the Page access token
/// (pageAccessToken; ExternalId = the page id). The Graph API takes no idempotency key, so after a try whose answer
/// was lost the page's latest posts are read (<c>GET /{page-id}/posts</c>) and one with the same message counts as
/// this post.
/// </summary>
internal sealed class FacebookAlertPublisher(AlertHttp sender, AlertSnsOptions options, IHttpClientFactory http, TimeProvider time) : IAlertPublisher
{
    public ChannelPlatform Platform => ChannelPlatform.Facebook;

    public async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        var run = new AlertRun(account, time);
        if (account[CredentialNames.PageAccessToken] is not { Length: > 0 } token || account.ExternalId is not { Length: > 0 } pageId)
        {
            return run.Failed("The Facebook page has no page access token or page id.");
        }
        // The link travels as its own field (Facebook shows it as a preview card), so the message is the text alone.
        var message = AlertText.Cut(AlertText.Marked(post, post.LongText), AlertText.FacebookMaxChars, s => s.Length);
        var link = string.IsNullOrWhiteSpace(post.Link) ? null : post.Link.Trim();
        var page = Uri.EscapeDataString(pageId);
        try
        {
            var result = await sender.SendAsync(run, "feed", () => new HttpRequestMessage(HttpMethod.Post, $"{options.GraphBase}/{page}/feed")
            {
                Content = MetaGraph.Form(token, ("message", message), ("link", link)),
            }, a => MetaGraph.Judge(a, "Graph API"), c => FindAsync(page, token, message, c), ct);
            return result.Succeeded ? run.Posted(result.Id) : run.Failed(result.Error ?? "Facebook refused the post.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return run.OutOfTime();
        }
    }

    private async Task<Judgement?> FindAsync(string page, string token, string message, CancellationToken ct)
    {
        using var response = await http.CreateClient(AlertHttp.ClientName).GetAsync(
            $"{options.GraphBase}/{page}/posts?fields=id,message&limit=10&access_token={Uri.EscapeDataString(token)}", ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var wanted = message.ReplaceLineEndings("\n").Trim();
        foreach (var item in data.EnumerateArray())
        {
            if (item.TryGetProperty("message", out var m) && m.GetString()?.ReplaceLineEndings("\n").Trim() == wanted)
            {
                return Judgement.Already(item.TryGetProperty("id", out var id) ? id.GetString() : null);
            }
        }
        return null;
    }
}
