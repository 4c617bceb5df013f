using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Localization;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Inbox.Submit;
using Sotong.Core.Organization;
using Sotong.Core.Common.Links;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Inbox.Channels.Kakao;

/// <summary>
/// KakaoTalk channel through a Kakao i Open Builder skill. Kakao signs nothing, so the skill is configured to send
/// a secret header (<see cref="SecretHeader"/>) that names the account; the answer is a version 2.0 simpleText with
/// the receipt number and the follow link, well inside the 5-second limit. Later answers go through the event API
/// (Authorization: KakaoAK). Credentials: skillSecret, restApiKey; ExternalId = the bot id.
/// </summary>
internal sealed class KakaoAdapter(ChannelCredentials credentials, InboxIntake intake, IHttpClientFactory http, IConfiguration configuration, IStringLocalizer<Text> text) : IChannelAdapter
{
    public const string SecretHeader = "X-Sotong-Skill-Secret";
    private static readonly ChannelPlatform[] Platforms = [ChannelPlatform.KakaoTalkChannel];

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.KakaoTalk];

    private string EventApiBase => (configuration["Channels:Kakao:EventApiBaseUrl"] ?? "https://bot-api.kakao.com").TrimEnd('/');

    public void MapWebhooks(IEndpointRouteBuilder hooks) =>
        hooks.MapPost("/kakao", ReceiveAsync).WithName("KakaoSkill").WithSummary("Kakao i Open Builder skill: a KakaoTalk channel message");

    private async Task<IResult> ReceiveAsync(HttpRequest request, TimeProvider time, CancellationToken ct)
    {
        var given = request.Headers[SecretHeader].ToString();
        var account = (await credentials.ForPlatformsAsync(Platforms, ct))
            .FirstOrDefault(a => a[CredentialNames.SkillSecret] is { } secret && Webhooks.SecretEquals(given, secret));
        if (account is null)
        {
            return Webhooks.BadSignature();
        }
        var body = await Webhooks.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Webhooks.TooLarge();
        }
        InboundMessage message;
        try
        {
            message = Parse(body, account.Id, time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return Webhooks.Malformed("Expected a skill request with userRequest.utterance and userRequest.user.id.");
        }
        var stored = (await intake.AcceptAsync([message], ct))[0];
        var baseUrl = PublicAddress.Of(configuration, request);
        var answer = stored.FollowKey is null
            ? text["Kakao.AlreadyReceived", stored.ReceiptNumber].Value
            : text["Kakao.Received", stored.ReceiptNumber, baseUrl + FollowLinks.For(stored.ReceiptNumber, stored.FollowKey)].Value;
        return TypedResults.Json(new
        {
            version = "2.0",
            template = new
            {
                outputs = new[] { new { simpleText = new { text = TextCut.Cut(answer, 1000) } } },
            },
        });
    }

    /// <summary>
    /// Kakao sends no message id; one is derived from the bot, the user, the text and the minute, so a retried
    /// request lands once.
    /// </summary>
    internal static InboundMessage Parse(byte[] body, Guid accountId, DateTime nowUtc)
    {
        using var doc = JsonDocument.Parse(body);
        var userRequest = doc.RootElement.GetProperty("userRequest");
        var utterance = userRequest.GetProperty("utterance").GetString() ?? throw new InvalidOperationException("No utterance.");
        var userId = userRequest.GetProperty("user").GetProperty("id").GetString() ?? throw new InvalidOperationException("No user id.");
        var botId = doc.RootElement.TryGetProperty("bot", out var bot) && bot.TryGetProperty("id", out var b) ? b.GetString() : "";
        var minute = nowUtc.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{botId}|{userId}|{minute}|{utterance}")))[..40];
        return new InboundMessage(InboxChannel.KakaoTalk, id, new IdentityValue(IdentityKind.KakaoUserKey, userId), utterance, nowUtc, MessageKind.DirectMessage, accountId);
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Account?[CredentialNames.RestApiKey];
        var botId = target.Account?.ExternalId;
        if (key is null || botId is null)
        {
            return ReplyOutcome.Failed("The channel has no REST API key or bot id.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{EventApiBase}/v2/bots/{Uri.EscapeDataString(botId)}/talk")
        {
            Content = JsonContent.Create(new
            {
                @event = new { name = "sotong_answer", data = new { text = target.Text } },
                user = new[] { new { type = "botUserKey", id = target.RecipientId } },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("KakaoAK", key);
        using var response = await http.CreateClient("kakao").SendAsync(request, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return ReplyOutcome.Failed($"Kakao event API {(int)response.StatusCode}: {Webhooks.Excerpt(json)}");
        }
        using var doc = JsonDocument.Parse(json);
        return ReplyOutcome.Ok(doc.RootElement.TryGetProperty("taskId", out var task) ? task.GetString() : null);
    }
}
