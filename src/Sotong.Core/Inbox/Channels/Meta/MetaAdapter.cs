using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels.Meta;

/// <summary>
/// Facebook Page feed comments, Messenger, Instagram comments and messages. Verification GET with hub.*,
/// X-Hub-Signature-256 over the raw body, entry[].messaging[] and entry[].changes[]; echoes ignored.
/// Credentials per account: appSecret, verifyToken, pageAccessToken; ExternalId = page or Instagram account id.
/// </summary>
internal sealed partial class MetaAdapter(ChannelCredentials credentials, InboxIntake intake, IHttpClientFactory http, IConfiguration configuration, ILogger<MetaAdapter> logger) : IChannelAdapter
{
    private static readonly ChannelPlatform[] Platforms = [ChannelPlatform.Facebook, ChannelPlatform.Instagram];

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Facebook, InboxChannel.Messenger, InboxChannel.Instagram];

    private string GraphBase => (configuration["Channels:Meta:GraphBaseUrl"] ?? "https://graph.facebook.com/v21.0").TrimEnd('/');

    public void MapWebhooks(IEndpointRouteBuilder hooks)
    {
        hooks.MapGet("/meta", VerifyAsync).WithName("MetaWebhookVerify").WithSummary("Meta webhook verification (hub.challenge)");
        hooks.MapPost("/meta", ReceiveAsync).WithName("MetaWebhook").WithSummary("Meta webhook: Page feed, Messenger, Instagram");
    }

    private async Task<IResult> VerifyAsync(HttpRequest request, CancellationToken ct)
    {
        var q = request.Query;
        if (q["hub.mode"] != "subscribe" || string.IsNullOrEmpty(q["hub.challenge"]))
        {
            return Webhooks.Malformed("hub.mode=subscribe and hub.challenge are required.");
        }
        var token = q["hub.verify_token"].ToString();
        var accounts = await credentials.ForPlatformsAsync(Platforms, ct);
        return accounts.Any(a => a[CredentialNames.VerifyToken] is { } expected && Webhooks.SecretEquals(token, expected))
            ? TypedResults.Text(q["hub.challenge"].ToString(), "text/plain")
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await Webhooks.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Webhooks.TooLarge();
        }
        var accounts = await credentials.ForPlatformsAsync(Platforms, ct);
        var signature = request.Headers["X-Hub-Signature-256"].ToString();
        var secrets = accounts.Select(a => a[CredentialNames.AppSecret]).OfType<string>().Distinct(StringComparer.Ordinal);
        if (!secrets.Any(secret => Webhooks.HexSignatureMatches(signature, body, secret)))
        {
            return Webhooks.BadSignature();
        }
        List<InboundMessage> messages;
        try
        {
            messages = Parse(body, accounts);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            LogMalformed(logger, e.GetType().Name);
            return Webhooks.Malformed("Expected {\"object\":\"page\"|\"instagram\",\"entry\":[…]}.");
        }
        await intake.AcceptAsync(messages, ct);
        return TypedResults.Ok();
    }

    /// <summary>Turns one delivery into inbox messages; events Sotong does not handle (reads, reactions) are skipped.</summary>
    internal static List<InboundMessage> Parse(byte[] body, IReadOnlyList<ChannelAccountSecrets> accounts)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var obj = root.GetProperty("object").GetString();
        var instagram = obj switch
        {
            "page" => false,
            "instagram" => true,
            _ => throw new InvalidOperationException("Unknown object."),
        };
        var platform = instagram ? ChannelPlatform.Instagram : ChannelPlatform.Facebook;
        var result = new List<InboundMessage>();
        foreach (var entry in root.GetProperty("entry").EnumerateArray())
        {
            var entryId = entry.GetProperty("id").GetString()!;
            var account = accounts.FirstOrDefault(a => a.Platform == platform && a.ExternalId == entryId);
            if (entry.TryGetProperty("messaging", out var messaging))
            {
                foreach (var m in messaging.EnumerateArray())
                {
                    if (!m.TryGetProperty("message", out var message) || (message.TryGetProperty("is_echo", out var echo) && echo.GetBoolean()))
                    {
                        continue;
                    }
                    var sender = m.GetProperty("sender").GetProperty("id").GetString()!;
                    if (sender == entryId)
                    {
                        continue;
                    }
                    var text = message.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
                    if (text.Length == 0 && message.TryGetProperty("attachments", out var attachments))
                    {
                        text = string.Join("\n", attachments.EnumerateArray().Select(a => $"[{a.GetProperty("type").GetString()}] {(a.TryGetProperty("payload", out var p) && p.TryGetProperty("url", out var u) ? u.GetString() : "")}"));
                    }
                    result.Add(new InboundMessage(
                        instagram ? InboxChannel.Instagram : InboxChannel.Messenger,
                        message.GetProperty("mid").GetString()!,
                        new IdentityValue(instagram ? IdentityKind.InstagramId : IdentityKind.MetaPsid, sender),
                        text,
                        Webhooks.FromUnixMilliseconds(m.GetProperty("timestamp").GetInt64()),
                        MessageKind.DirectMessage,
                        account?.Id));
                }
            }
            if (entry.TryGetProperty("changes", out var changes))
            {
                foreach (var change in changes.EnumerateArray())
                {
                    var field = change.GetProperty("field").GetString();
                    var value = change.GetProperty("value");
                    if (!instagram && field == "feed")
                    {
                        if (value.GetProperty("item").GetString() != "comment" || value.GetProperty("verb").GetString() != "add")
                        {
                            continue;
                        }
                        var from = value.GetProperty("from");
                        var fromId = from.GetProperty("id").GetString()!;
                        if (fromId == entryId)
                        {
                            continue;
                        }
                        var commentId = value.GetProperty("comment_id").GetString()!;
                        result.Add(new InboundMessage(InboxChannel.Facebook, commentId, new IdentityValue(IdentityKind.MetaPsid, fromId),
                            value.TryGetProperty("message", out var msg) ? msg.GetString() ?? "" : "",
                            value.TryGetProperty("created_time", out var ctime) && ctime.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeSeconds(ctime.GetInt64()).UtcDateTime : Webhooks.FromUnixMilliseconds(entry.GetProperty("time").GetInt64()),
                            MessageKind.Comment, account?.Id, from.TryGetProperty("name", out var name) ? name.GetString() : null,
                            ReplyContext: commentId));
                    }
                    else if (instagram && field is "comments" or "live_comments")
                    {
                        var from = value.GetProperty("from");
                        var fromId = from.GetProperty("id").GetString()!;
                        if (fromId == entryId)
                        {
                            continue;
                        }
                        var commentId = value.GetProperty("id").GetString()!;
                        result.Add(new InboundMessage(InboxChannel.Instagram, commentId, new IdentityValue(IdentityKind.InstagramId, fromId),
                            value.GetProperty("text").GetString() ?? "", Webhooks.FromUnixMilliseconds(entry.GetProperty("time").GetInt64()),
                            MessageKind.Comment, account?.Id, from.TryGetProperty("username", out var user) ? user.GetString() : null,
                            ReplyContext: commentId));
                    }
                }
            }
        }
        return result;
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = target.Account?[CredentialNames.PageAccessToken];
        if (token is null)
        {
            return ReplyOutcome.Failed("The account has no page access token.");
        }
        var client = http.CreateClient("meta");
        HttpResponseMessage response;
        if (target.Kind == MessageKind.Comment)
        {
            // Page comments answer on the comment's "comments" edge; Instagram comments on its "replies" edge.
            var edge = target.Channel == InboxChannel.Instagram ? "replies" : "comments";
            response = await client.PostAsync($"{GraphBase}/{Uri.EscapeDataString(target.ReplyContext ?? target.ProviderMessageId)}/{edge}?access_token={Uri.EscapeDataString(token)}",
                new FormUrlEncodedContent([new KeyValuePair<string, string>("message", target.Text)]), ct);
        }
        else
        {
            object payload = target.UseHumanAgentTag
                ? new { recipient = new { id = target.RecipientId }, messaging_type = "MESSAGE_TAG", tag = "HUMAN_AGENT", message = new { text = target.Text } }
                : new { recipient = new { id = target.RecipientId }, messaging_type = "RESPONSE", message = new { text = target.Text } };
            response = await client.PostAsJsonAsync($"{GraphBase}/me/messages?access_token={Uri.EscapeDataString(token)}", payload, ct);
        }
        using (response)
        {
            var json = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return ReplyOutcome.Failed($"Graph API {(int)response.StatusCode}: {ErrorMessage(json)}");
            }
            using var doc = JsonDocument.Parse(json);
            return ReplyOutcome.Ok(doc.RootElement.TryGetProperty("message_id", out var mid) ? mid.GetString() : doc.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null);
        }
    }

    private static string ErrorMessage(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("error").GetProperty("message").GetString() ?? json;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Webhooks.Excerpt(json);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta webhook payload rejected ({Reason})")]
    private static partial void LogMalformed(ILogger logger, string reason);
}
