using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Telegram channel: the city's bot (botToken), an administrator of the channel, sends
/// <c>POST /bot{token}/sendMessage</c> with <c>chat_id</c> = the channel. The channel is the credential
/// <see cref="ChannelChatIdCredential"/> when set (a numeric id such as -100…, or @name), else "@" + the account's
/// handle. Plain text, no parse mode: nothing in an alert needs escaping. 429 answers carry
/// <c>parameters.retry_after</c>. Telegram has no idempotency key and a bot cannot read its channel's history, so a
/// try whose answer was lost may, rarely, post twice.
/// </summary>
internal sealed class TelegramAlertPublisher(AlertHttp sender, AlertSnsOptions options, TimeProvider time) : IAlertPublisher
{
    /// <summary>The channel to post in, where the account's handle is the bot's rather than the channel's.</summary>
    public const string ChannelChatIdCredential = "channelChatId";

    public ChannelPlatform Platform => ChannelPlatform.Telegram;

    public async Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(post);
        var run = new AlertRun(account, time);
        if (account[CredentialNames.BotToken] is not { Length: > 0 } token)
        {
            return run.Failed("The Telegram bot has no token.");
        }
        var chatId = ChatId(account);
        if (chatId is null)
        {
            return run.Failed("The Telegram account names no channel (channelChatId or handle).");
        }
        var text = AlertText.WithLink(post, AlertText.TelegramMaxChars);
        try
        {
            var result = await sender.SendAsync(run, "sendMessage", () => new HttpRequestMessage(HttpMethod.Post, $"{options.TelegramApiBase}/bot{token}/sendMessage")
            {
                Content = JsonContent.Create(new { chat_id = chatId, text }),
            }, Judge, null, ct);
            return result.Succeeded ? run.Posted(result.Id) : run.Failed(result.Error ?? "Telegram refused the message.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return run.OutOfTime();
        }
    }

    internal static string? ChatId(ChannelAccountSecrets account)
    {
        if (account[ChannelChatIdCredential] is { Length: > 0 } configured)
        {
            return configured.Trim();
        }
        var handle = account.Handle.Trim().TrimStart('@');
        return handle.Length == 0 ? null : "@" + handle;
    }

    internal static Judgement Judge(PlatformAnswer answer)
    {
        try
        {
            using var doc = JsonDocument.Parse(answer.Body);
            var root = doc.RootElement;
            if (answer.IsSuccess && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return Judgement.Done(root.TryGetProperty("result", out var r) && r.TryGetProperty("message_id", out var id)
                    ? id.GetInt64().ToString(CultureInfo.InvariantCulture) : null);
            }
            var description = $"Telegram {answer.Status}: {(root.TryGetProperty("description", out var d) ? d.GetString() : AlertJson.Excerpt(answer.Body))}";
            TimeSpan? after = root.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var ra) && ra.TryGetInt32(out var seconds)
                ? TimeSpan.FromSeconds(seconds) : null;
            return answer.IsTransientStatus ? Judgement.Retry(description, after) : Judgement.Permanent(description);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            var text = $"Telegram {answer.Status}: {AlertJson.Excerpt(answer.Body)}";
            return answer.IsTransientStatus ? Judgement.Retry(text) : Judgement.Permanent(text);
        }
    }
}
