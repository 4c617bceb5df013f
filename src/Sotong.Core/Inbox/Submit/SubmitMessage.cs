using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Inbox.Submit;

/// <summary>A citizen's message from the web form or the public API.</summary>
public sealed record SubmitMessageRequest(string? Text, string? Name, string? Phone, string? Email, bool ConsentToPublish);

/// <summary>What the citizen keeps: the receipt number and the secret key of the follow link.</summary>
public sealed record SubmitMessageResponse(string ReceiptNumber, string FollowKey, string FollowUrl);

public sealed partial class SubmitMessageHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    TimeProvider time,
    InboxNotifier notifier,
    ClientRateLimiter rateLimiter,
    IStringLocalizer<Text> text,
    ILogger<SubmitMessageHandler> logger)
{
    public async Task<SubmitMessageResponse> HandleAsync(SubmitMessageRequest request, string clientKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Text?.Trim() ?? string.Empty;
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();

        new ValidationBuilder()
            .When(body.Length == 0, "text", text["Validation.TextRequired"])
            .When(body.Length > InboxMessage.MaxTextLength, "text", text["Validation.TextTooLong", InboxMessage.MaxTextLength, body.Length])
            .When(name is { Length: > InboxMessage.MaxNameLength }, "name", text["Validation.NameTooLong", InboxMessage.MaxNameLength])
            .When(phone is not null && !ContactRules.IsKoreanPhone(phone), "phone", text["Validation.PhoneInvalid"])
            .When(email is not null && !ContactRules.IsEmail(email), "email", text["Validation.EmailInvalid"])
            .ThrowIfAny();

        rateLimiter.Acquire(clientKey);

        var now = time.GetUtcNow().UtcDateTime;
        var followKey = ReceiptNumbers.NewFollowKey();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        InboxMessage message;
        for (var attempt = 1; ; attempt++)
        {
            var receipt = ReceiptNumbers.New(InboxChannel.Web, now);
            message = new InboxMessage
            {
                ReceiptNumber = receipt,
                FollowKeyHash = ReceiptNumbers.Hash(followKey),
                Channel = InboxChannel.Web,
                ProviderMessageId = receipt,
                Text = body,
                CitizenName = name,
                ReplyPhone = phone is null ? null : ContactRules.NormalizePhone(phone),
                ReplyEmail = email,
                ConsentToPublish = request.ConsentToPublish,
                ReceivedAtUtc = now,
            };
            db.InboxMessages.Add(message);
            db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, "InboxMessage", message.Id.ToString(), "Received", to: nameof(MessageStatus.Received));
            try
            {
                // Durable before the citizen is told the receipt number.
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // A receipt number collided (one in a million a day); draw another.
                db.ChangeTracker.Clear();
            }
        }

        LogReceived(logger, message.ReceiptNumber, message.Channel, body.Length);
        await notifier.PublishAsync(new InboxChange(message.Id, message.DivisionId, "received"));
        return new SubmitMessageResponse(message.ReceiptNumber, followKey, FollowLinks.For(message.ReceiptNumber, followKey));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {ReceiptNumber} received on {Channel} ({Length} characters)")]
    private static partial void LogReceived(ILogger logger, string receiptNumber, InboxChannel channel, int length);
}

/// <summary>Validation shared by every place a citizen leaves contact details.</summary>
public static partial class ContactRules
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\+82[\s\-]?(?:\(0\))?|0)(?:1[016789]|2|[3-6][1-5]|70)[\s\-\.]?\d{3,4}[\s\-\.]?\d{4}$")]
    private static partial System.Text.RegularExpressions.Regex KoreanPhone();

    public static bool IsKoreanPhone(string value) => KoreanPhone().IsMatch(value.Trim());

    /// <summary>Digits only, national form: "+82 10-1234-5678" becomes "01012345678".</summary>
    public static string NormalizePhone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (value.TrimStart().StartsWith('+') && digits.StartsWith("82", StringComparison.Ordinal))
        {
            digits = digits[2..];
            if (!digits.StartsWith('0'))
            {
                digits = "0" + digits;
            }
        }
        return digits;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

public static class FollowLinks
{
    public static string For(string receiptNumber, string followKey) =>
        $"/follow/{Uri.EscapeDataString(receiptNumber)}?key={Uri.EscapeDataString(followKey)}";
}

internal static class SubmitMessageEndpoint
{
    public static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/messages", async Task<Created<SubmitMessageResponse>> (SubmitMessageRequest request, HttpContext http, SubmitMessageHandler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(request, ClientKeys.Of(http), ct);
            return TypedResults.Created(result.FollowUrl, result);
        })
        .WithName("SubmitMessage")
        .WithSummary("Send a message to the city")
        .WithDescription("A citizen's message (text ≤ 4,000 characters). Returns the receipt number and a follow link. Rate limited per client.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

public static class ClientKeys
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
