using System.Text.Json;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Instagram (professional account through its Facebook page; pageAccessToken, ExternalId = the Instagram user id)
/// publishes in two steps: <c>POST /{ig-user-id}/media</c> with <c>image_url</c> (a public JPEG, which Instagram
/// fetches itself) and <c>caption</c> makes a container, then <c>POST /{ig-user-id}/media_publish</c> with
/// <c>creation_id</c> publishes it. Each step is retried on its own, so a retry never makes a second container
/// once one exists; "media not ready" (9007) while Instagram still fetches the image is retried, and after a
/// publish whose answer was lost the container's <c>status_code</c> tells whether it went up.
/// </summary>
internal sealed class InstagramAlertPublisher(AlertHttp sender, AlertSnsOptions options, IHttpClientFactory http, TimeProvider time) : IAlertPublisher
{
    public ChannelPlatform Platform => ChannelPlatform.Instagram;

    public async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        var run = new AlertRun(account, time);
        if (account[CredentialNames.PageAccessToken] is not { Length: > 0 } token || account.ExternalId is not { Length: > 0 } igUserId)
        {
            return run.Failed("The Instagram account has no access token or Instagram user id.");
        }
        if (string.IsNullOrWhiteSpace(post.ImageUrl) || !Uri.TryCreate(post.ImageUrl, UriKind.Absolute, out _))
        {
            return run.Failed("Instagram posts need an image: the alert has no absolute image URL.");
        }
        // Links in captions are not clickable on Instagram, but the address still tells readers where to look.
        var caption = AlertText.WithLink(post, AlertText.InstagramMaxChars);
        var user = Uri.EscapeDataString(igUserId);
        try
        {
            var container = await sender.SendAsync(run, "media", () => new HttpRequestMessage(HttpMethod.Post, $"{options.GraphBase}/{user}/media")
            {
                Content = MetaGraph.Form(token, ("image_url", post.ImageUrl), ("caption", caption)),
            }, a => MetaGraph.Judge(a, "Instagram media"), null, ct);
            if (!container.Succeeded || container.Id is not { Length: > 0 } creationId)
            {
                return run.Failed(container.Error ?? "Instagram made no media container.");
            }
            var published = await sender.SendAsync(run, "media_publish", () => new HttpRequestMessage(HttpMethod.Post, $"{options.GraphBase}/{user}/media_publish")
            {
                Content = MetaGraph.Form(token, ("creation_id", creationId)),
            }, a => MetaGraph.Judge(a, "Instagram publish", notReadyIsTransient: true), c => PublishedAsync(creationId, token, c), ct);
            return published.Succeeded ? run.Posted(published.Id) : run.Failed(published.Error ?? "Instagram refused to publish.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return run.OutOfTime();
        }
    }

    private async Task<Judgement?> PublishedAsync(string creationId, string token, CancellationToken ct)
    {
        using var response = await http.CreateClient(AlertHttp.ClientName).GetAsync(
            $"{options.GraphBase}/{Uri.EscapeDataString(creationId)}?fields=status_code&access_token={Uri.EscapeDataString(token)}", ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.TryGetProperty("status_code", out var status) && status.GetString() == "PUBLISHED" ? Judgement.Already(null) : null;
    }
}
