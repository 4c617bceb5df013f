using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels.Email;

/// <summary>What the relay hears back: the receipt number of the stored message, or why it was acknowledged and not stored.</summary>
public sealed record EmailHookResult(string? ReceiptNumber, bool Duplicate, string? Skipped);

/// <summary>
/// E-mail through the city's mail relay. The relay posts each mail as it arrived (<c>message/rfc822</c>) to
/// <c>/hooks/email</c>, signed with <c>X-Sotong-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> under the
/// account's webhookSecret; answers go back over SMTP (MailKit) from the account's address, in the citizen's mail
/// thread. Account: Handle = the mailbox address. Credentials: webhookSecret; smtpHost, smtpPort, smtpUser,
/// smtpPassword, smtpSecurity (auto, starttls, tls, none) and fromName, each defaulting to <c>Channels:Email:*</c>.
/// </summary>
internal sealed partial class EmailAdapter(ChannelCredentials credentials, InboxIntake intake, IConfiguration configuration, IStringLocalizer<Text> text,
    TimeProvider time, ILogger<EmailAdapter> logger) : IChannelAdapter
{
    public const string SignatureHeader = "X-Sotong-Signature";
    private static readonly ChannelPlatform[] Platforms = [ChannelPlatform.Email];

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Email];

    private IConfigurationSection Settings => configuration.GetSection("Channels:Email");

    public void MapWebhooks(IEndpointRouteBuilder hooks) =>
        hooks.MapPost("/email", ReceiveAsync).WithName("EmailWebhook").WithSummary("One e-mail (message/rfc822) posted by the city's mail relay")
            .WithDescription($"The raw message as received, signed in {SignatureHeader} (sha256=<hex HMAC-SHA256 of the body, keyed by the account's webhookSecret>). Stored before 200 is returned; redeliveries of the same Message-ID are stored once.")
            .Produces<EmailHookResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await Webhooks.ReadBodyAsync(request, ct);
        if (body is null)
        {
            LogRefused(logger, "too large");
            return Webhooks.TooLarge();
        }
        var signature = request.Headers[SignatureHeader].ToString();
        var signers = (await credentials.ForPlatformsAsync(Platforms, ct))
            .Where(a => a[CredentialNames.WebhookSecret] is { Length: > 0 } secret && Webhooks.HexSignatureMatches(signature, body, secret)).ToList();
        if (signers.Count == 0)
        {
            LogRefused(logger, "signature");
            return Webhooks.BadSignature();
        }
        if (!IsRfc822(request.ContentType))
        {
            LogRefused(logger, "content type");
            return Webhooks.UnsupportedMediaType("message/rfc822");
        }
        var parsed = EmailParser.Parse(body, signers, time.GetUtcNow().UtcDateTime);
        if (parsed.Refusal is { } refusal)
        {
            LogRefused(logger, refusal);
            return Webhooks.Malformed(refusal);
        }
        if (parsed.Message is not { } message)
        {
            LogSkipped(logger, parsed.Skipped!);
            return TypedResults.Ok(new EmailHookResult(null, false, parsed.Skipped));
        }
        var stored = (await intake.AcceptAsync([message], ct))[0];
        LogStored(logger, message.From!.Masked, stored.ReceiptNumber, stored.Duplicate);
        return TypedResults.Ok(new EmailHookResult(stored.ReceiptNumber, stored.Duplicate, null));
    }

    private static bool IsRfc822(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("message/rfc822", StringComparison.OrdinalIgnoreCase);

    // "Re:", "RE[2]:", and the German, Nordic and Korean forms mail programs write.
    [GeneratedRegex(@"^\s*(re|aw|sv|답장|회신)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    /// <summary>"Re: " and the citizen's subject (once, however many replies deep), or "Answer to your message E-…" when they wrote none.</summary>
    internal string SubjectFor(EmailReplyContext context, string receiptNumber) => context.Subject switch
    {
        { Length: > 0 } subject when ReplyPrefix().IsMatch(subject) => subject,
        { Length: > 0 } subject => "Re: " + subject,
        _ => text["Email.ReplySubject", receiptNumber].Value,
    };

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Account is not { } account || !MailboxAddress.TryParse(account.Handle, out var fromAddress) || fromAddress.Domain.Length == 0)
        {
            return ReplyOutcome.Failed("The e-mail account has no valid address (its handle).");
        }
        if (target.RecipientId is null || !MailboxAddress.TryParse(target.RecipientId, out var to))
        {
            return ReplyOutcome.Failed("The citizen's e-mail address is not known.");
        }
        var smtp = SmtpSettings.For(account, Settings);
        if (smtp.Error is { } settingsError)
        {
            return ReplyOutcome.Failed(settingsError);
        }

        var context = EmailReplyContext.Read(target.ReplyContext);
        var originalId = context.MessageId ?? (target.ProviderMessageId.StartsWith("sha256:", StringComparison.Ordinal) ? null : target.ProviderMessageId);
        var mail = new MimeMessage
        {
            Subject = SubjectFor(context, target.ReceiptNumber),
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(fromAddress.Domain),
        };
        mail.From.Add(new MailboxAddress(smtp.FromName, fromAddress.Address));
        mail.To.Add(new MailboxAddress(null, to.Address));
        if (originalId is not null)
        {
            mail.InReplyTo = originalId;
            foreach (var reference in context.References.Append(originalId).Distinct(StringComparer.Ordinal))
            {
                mail.References.Add(reference);
            }
        }
        var part = new TextPart(TextFormat.Plain);
        part.SetText("utf-8", target.Text);
        mail.Body = part;

        using var client = new SmtpClient { Timeout = smtp.TimeoutMilliseconds };
        string? failure = null;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            }
            await client.SendAsync(mail, ct);
        }
        catch (SmtpCommandException e)
        {
            failure = $"The mail server refused the message: {(int)e.StatusCode} {e.Message}";
        }
        catch (AuthenticationException e)
        {
            failure = "The mail server refused the SMTP user name or password: " + e.Message;
        }
        catch (Exception e) when (e is SocketException or IOException or ProtocolException or SslHandshakeException or NotSupportedException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            failure = $"The mail server {smtp.Host}:{smtp.Port.ToString(CultureInfo.InvariantCulture)} could not be reached: {e.Message}";
        }
        finally
        {
            await QuitAsync(client);
        }
        if (failure is not null)
        {
            // The server's words may name the citizen's address: masked for the log and for the officer's screen alike.
            failure = PersonalDataMasker.Mask(failure);
            LogSendFailed(logger, new IdentityValue(IdentityKind.Email, to.Address).Masked, target.ReceiptNumber, failure);
            return ReplyOutcome.Failed(failure);
        }
        return ReplyOutcome.Ok(mail.MessageId);
    }

    /// <summary>Says goodbye when still connected; a failed QUIT after the server took the message changes nothing.</summary>
    private static async Task QuitAsync(SmtpClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quick.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or ProtocolException or CommandException or OperationCanceledException)
        {
            // The connection is closed either way.
        }
    }

    /// <summary>The account's SMTP credentials, each falling back to Channels:Email:*.</summary>
    private sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, string? FromName, int TimeoutMilliseconds, string? Error)
    {
        public static SmtpSettings For(ChannelAccountSecrets account, IConfigurationSection settings)
        {
            string? Read(string name, string key) => account[name] is { Length: > 0 } value ? value : settings[key] is { Length: > 0 } fallback ? fallback : null;
            var host = Read(CredentialNames.SmtpHost, "SmtpHost");
            var securityName = (Read(CredentialNames.SmtpSecurity, "SmtpSecurity") ?? "auto").Trim().ToLowerInvariant();
            SecureSocketOptions? security = securityName switch
            {
                "auto" => SecureSocketOptions.Auto,
                "starttls" => SecureSocketOptions.StartTls,
                "tls" or "ssl" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => null,
            };
            var portText = Read(CredentialNames.SmtpPort, "SmtpPort");
            var port = security == SecureSocketOptions.SslOnConnect ? 465 : 587;
            var timeout = settings.GetValue("SmtpTimeoutSeconds", 30);
            var error = host is null ? "No SMTP server is set: give the account smtpHost, or set Channels:Email:SmtpHost."
                : security is null ? $"smtpSecurity \"{securityName}\" is not one of auto, starttls, tls, none."
                : portText is not null && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536) ? $"smtpPort \"{portText}\" is not a port number."
                : null;
            return new SmtpSettings(host ?? "", port, security ?? SecureSocketOptions.Auto, Read(CredentialNames.SmtpUser, "SmtpUser"), Read(CredentialNames.SmtpPassword, "SmtpPassword"),
                Read(CredentialNames.FromName, "FromName"), Math.Clamp(timeout, 1, 300) * 1000, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail webhook acknowledged and skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail from {Sender} stored as {ReceiptNumber} (duplicate: {Duplicate})")]
    private static partial void LogStored(ILogger logger, string sender, string receiptNumber, bool duplicate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail answer to {Recipient} for {ReceiptNumber} failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string recipient, string receiptNumber, string reason);
}
