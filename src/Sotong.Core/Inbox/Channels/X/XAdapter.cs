using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels.X;

/// <summary>
/// X Account Activity: the CRC GET, x-twitter-webhooks-signature over the raw body, tweet_create_events (mentions)
/// and direct_message_events; the account's own events ignored. Credentials: consumerSecret, userAccessToken;
/// ExternalId = the account's user id (for_user_id).
/// </summary>
internal sealed class XAdapter(ChannelCredentials credentials, InboxIntake intake, IHttpClientFactory http, IConfiguration configuration) : IChannelAdapter
{
    private static readonly ChannelPlatform[] Platforms = [ChannelPlatform.X];

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.X];

    private string ApiBase => (configuration["Channels:X:ApiBaseUrl"] ?? "https://api.x.com").TrimEnd('/');

    public void MapWebhooks(IEndpointRouteBuilder hooks)
    {
        hooks.MapGet("/x", CrcAsync).WithName("XWebhookCrc").WithSummary("X challenge-response check");
        hooks.MapPost("/x", ReceiveAsync).WithName("XWebhook").WithSummary("X Account Activity events");
    }

    private async Task<IResult> CrcAsync(string? crc_token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(crc_token))
        {
            return Webhooks.Malformed("crc_token is required.");
        }
        var secret = (await credentials.ForPlatformsAsync(Platforms, ct)).Select(a => a[CredentialNames.ConsumerSecret]).OfType<string>().FirstOrDefault();
        if (secret is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        var token = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(crc_token)));
        return TypedResults.Json(new { response_token = "sha256=" + token });
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await Webhooks.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Webhooks.TooLarge();
        }
        var accounts = await credentials.ForPlatformsAsync(Platforms, ct);
        var signature = request.Headers["x-twitter-webhooks-signature"].ToString();
        if (!accounts.Select(a => a[CredentialNames.ConsumerSecret]).OfType<string>().Distinct(StringComparer.Ordinal).Any(s => Webhooks.Base64SignatureMatches(signature, body, s)))
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
            return Webhooks.Malformed("Expected an Account Activity event with for_user_id.");
        }
        await intake.AcceptAsync(messages, ct);
        return TypedResults.Ok();
    }

    internal static List<InboundMessage> Parse(byte[] body, IReadOnlyList<ChannelAccountSecrets> accounts)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var forUser = root.GetProperty("for_user_id").GetString()!;
        var account = accounts.FirstOrDefault(a => a.ExternalId == forUser);
        var users = root.TryGetProperty("users", out var u) ? u : default;
        var result = new List<InboundMessage>();
        if (root.TryGetProperty("tweet_create_events", out var tweets))
        {
            foreach (var tweet in tweets.EnumerateArray())
            {
                var user = tweet.GetProperty("user");
                var userId = user.GetProperty("id_str").GetString()!;
                if (userId == forUser)
                {
                    continue;
                }
                var id = tweet.GetProperty("id_str").GetString()!;
                var text = tweet.TryGetProperty("extended_tweet", out var ext) ? ext.GetProperty("full_text").GetString()! : tweet.GetProperty("text").GetString()!;
                var at = tweet.TryGetProperty("timestamp_ms", out var ts) ? Webhooks.FromUnixMilliseconds(long.Parse(ts.GetString()!, System.Globalization.CultureInfo.InvariantCulture)) : DateTime.UnixEpoch;
                result.Add(new InboundMessage(InboxChannel.X, "tweet:" + id, new IdentityValue(IdentityKind.XUserId, userId), text, at, MessageKind.Mention,
                    account?.Id, user.TryGetProperty("screen_name", out var sn) ? "@" + sn.GetString() : null, ReplyContext: id));
            }
        }
        if (root.TryGetProperty("direct_message_events", out var dms))
        {
            foreach (var dm in dms.EnumerateArray())
            {
                if (dm.GetProperty("type").GetString() != "message_create")
                {
                    continue;
                }
                var create = dm.GetProperty("message_create");
                var sender = create.GetProperty("sender_id").GetString()!;
                if (sender == forUser)
                {
                    continue;
                }
                string? name = users.ValueKind == JsonValueKind.Object && users.TryGetProperty(sender, out var su) && su.TryGetProperty("screen_name", out var ssn) ? "@" + ssn.GetString() : null;
                result.Add(new InboundMessage(InboxChannel.X, "dm:" + dm.GetProperty("id").GetString(), new IdentityValue(IdentityKind.XUserId, sender),
                    create.GetProperty("message_data").GetProperty("text").GetString()!,
                    Webhooks.FromUnixMilliseconds(long.Parse(dm.GetProperty("created_timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                    MessageKind.DirectMessage, account?.Id, name));
            }
        }
        return result;
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = target.Account?[CredentialNames.UserAccessToken];
        if (token is null)
        {
            return ReplyOutcome.Failed("The account has no user access token.");
        }
        var client = http.CreateClient("x");
        using var request = target.Kind == MessageKind.Mention
            ? new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/2/tweets") { Content = JsonContent.Create(new { text = target.Text, reply = new { in_reply_to_tweet_id = target.ReplyContext } }) }
            : new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/2/dm_conversations/with/{Uri.EscapeDataString(target.RecipientId ?? "")}/messages") { Content = JsonContent.Create(new { text = target.Text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return ReplyOutcome.Failed($"X API {(int)response.StatusCode}: {Webhooks.Excerpt(json)}");
        }
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        return ReplyOutcome.Ok(data.TryGetProperty("id", out var id) ? id.GetString() : data.TryGetProperty("dm_event_id", out var ev) ? ev.GetString() : null);
    }
}
