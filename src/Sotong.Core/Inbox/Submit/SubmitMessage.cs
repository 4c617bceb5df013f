using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;

namespace Sotong.Core.Inbox.Submit;

/// <summary>A citizen's message from the web form or the public API.</summary>
public sealed record SubmitMessageRequest(string? Text, string? Name, string? Phone, string? Email, bool ConsentToPublish);

/// <summary>What the citizen keeps: the receipt number and the secret key of the follow link.</summary>
public sealed record SubmitMessageResponse(string ReceiptNumber, string FollowKey, string FollowUrl);

public sealed partial class SubmitMessageHandler(
    InboxIntake intake,
    TimeProvider time,
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

        var inbound = new InboundMessage(InboxChannel.Web, Guid.NewGuid().ToString("N"),
            phone is null ? null : new IdentityValue(IdentityKind.Phone, phone), body, time.GetUtcNow().UtcDateTime, MessageKind.WebForm, DisplayName: name)
        {
            AlsoKnownAs = email is null ? null : new IdentityValue(IdentityKind.Email, email),
            ConsentToPublish = request.ConsentToPublish,
        };
        // Durable before the citizen is told the receipt number.
        var stored = (await intake.AcceptAsync([inbound], ct))[0];
        LogReceived(logger, stored.ReceiptNumber, body.Length);
        return new SubmitMessageResponse(stored.ReceiptNumber, inbound.FollowKey, FollowLinks.For(stored.ReceiptNumber, inbound.FollowKey));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web message {ReceiptNumber} accepted ({Length} characters)")]
    private static partial void LogReceived(ILogger logger, string receiptNumber, int length);
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
