using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels.Telegram;

/// <summary>
/// Telegram bot webhook: X-Telegram-Bot-Api-Secret-Token names the bot (the secret_token given to setWebhook);
/// an Update's message becomes an inbox message; replies with sendMessage. Credentials: botToken, secretToken.
/// </summary>
internal sealed class TelegramAdapter(ChannelCredentials credentials, InboxIntake intake, IHttpClientFactory http, IConfiguration configuration) : IChannelAdapter
{
    private static readonly ChannelPlatform[] Platforms = [ChannelPlatform.Telegram];

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Telegram];

    private string ApiBase => (configuration["Channels:Telegram:ApiBaseUrl"] ?? "https://api.telegram.org").TrimEnd('/');

    public void MapWebhooks(IEndpointRouteBuilder hooks) =>
        hooks.MapPost("/telegram", ReceiveAsync).WithName("TelegramWebhook").WithSummary("Telegram bot updates");

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        var given = request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString();
        var account = (await credentials.ForPlatformsAsync(Platforms, ct))
            .FirstOrDefault(a => a[CredentialNames.SecretToken] is { } secret && Webhooks.SecretEquals(given, secret));
        if (account is null)
        {
            return Webhooks.BadSignature();
        }
        var body = await Webhooks.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Webhooks.TooLarge();
        }
        InboundMessage? message;
        try
        {
            message = Parse(body, account.Id);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return Webhooks.Malformed("Expected a Telegram Update with update_id.");
        }
        if (message is not null)
        {
            await intake.AcceptAsync([message], ct);
        }
        return TypedResults.Ok();
    }

    internal static InboundMessage? Parse(byte[] body, Guid accountId)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        _ = root.GetProperty("update_id").GetInt64();
        // Only new messages from people; edits, channel posts and button presses are acknowledged and skipped.
        if (!root.TryGetProperty("message", out var message) || !message.TryGetProperty("from", out var from) || from.TryGetProperty("is_bot", out var bot) && bot.GetBoolean())
        {
            return null;
        }
        var chatId = message.GetProperty("chat").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var messageId = message.GetProperty("message_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = message.TryGetProperty("text", out var t) ? t.GetString() ?? "" : message.TryGetProperty("caption", out var c) ? c.GetString() ?? "" : "";
        var name = string.Join(' ', new[] { "first_name", "last_name" }.Select(p => from.TryGetProperty(p, out var v) ? v.GetString() : null).OfType<string>());
        return new InboundMessage(InboxChannel.Telegram, $"{chatId}:{messageId}", new IdentityValue(IdentityKind.TelegramChatId, chatId), text,
            DateTimeOffset.FromUnixTimeSeconds(message.GetProperty("date").GetInt64()).UtcDateTime, MessageKind.DirectMessage, accountId,
            name.Length == 0 ? null : name, ReplyContext: messageId);
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        var token = target.Account?[CredentialNames.BotToken];
        if (token is null)
        {
            return ReplyOutcome.Failed("The bot has no token.");
        }
        var payload = new Dictionary<string, object?> { ["chat_id"] = target.RecipientId, ["text"] = target.Text };
        if (long.TryParse(target.ReplyContext, out var replyTo))
        {
            payload["reply_parameters"] = new { message_id = replyTo };
        }
        using var response = await http.CreateClient("telegram").PostAsJsonAsync($"{ApiBase}/bot{token}/sendMessage", payload, ct);
        var json = await response.Content.ReadAsStringAsync(ct);
        using var doc = JsonDocument.Parse(json);
        if (!response.IsSuccessStatusCode || !doc.RootElement.GetProperty("ok").GetBoolean())
        {
            return ReplyOutcome.Failed($"Telegram {(int)response.StatusCode}: {(doc.RootElement.TryGetProperty("description", out var d) ? d.GetString() : json)}");
        }
        return ReplyOutcome.Ok(doc.RootElement.GetProperty("result").GetProperty("message_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
