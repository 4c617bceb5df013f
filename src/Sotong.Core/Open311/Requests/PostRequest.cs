using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Inbox.Submit;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Open311.Keys;
using Sotong.Core.Triage.Taxonomy;

namespace Sotong.Core.Open311.Requests;

/// <summary>The form of a GeoReport POST, as sent (application/x-www-form-urlencoded).</summary>
public sealed record PostServiceRequest(
    string? ApiKey,
    string? ServiceCode,
    string? Latitude,
    string? Longitude,
    string? AddressString,
    string? AddressId,
    string? Email,
    string? DeviceId,
    string? AccountId,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Description,
    string? MediaUrl)
{
    public static PostServiceRequest From(HttpRequest request, IFormCollection form)
    {
        string? A(string name) => Open311Call.Argument(request, name, form);
        return new PostServiceRequest(A("api_key"), A("service_code"), A("lat"), A("long"), A("address_string"), A("address_id"), A("email"),
            A("device_id"), A("account_id"), A("first_name"), A("last_name"), A("phone"), A("description"), A("media_url"));
    }
}

/// <summary>What the client is told: the receipt number as service_request_id, the token, a notice, its account id.</summary>
public sealed record PostedServiceRequest(string ServiceRequestId, string Token, string ServiceNotice, string? AccountId)
{
    public Open311Node ToDocument() => new Open311List("service_requests",
    [
        new Open311Object("request",
        [
            new Open311Value("service_request_id", ServiceRequestId),
            new Open311Value("token", Token),
            new Open311Value("service_notice", ServiceNotice),
            new Open311Value("account_id", AccountId),
        ]),
    ]);
}

/// <summary>
/// POST requests: checks the key (403), the arguments (400, every problem at once) and the service (404) before
/// anything is stored; then the report enters the inbox through the intake like a web-form message (triaged on the way
/// in) and its GeoReport details are kept beside it.
/// </summary>
public sealed partial class PostServiceRequestHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    InboxIntake intake,
    TimeProvider time,
    ILogger<PostServiceRequestHandler> logger)
{
    public const int MaxDescriptionLength = InboxMessage.MaxTextLength;

    public async Task<PostedServiceRequest> HandleAsync(PostServiceRequest request, bool english, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guid apiKeyId;
        string serviceNameKo;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            apiKeyId = await ApiKeys.ActiveKeyIdAsync(db, request.ApiKey, ct)
                ?? throw Open311Exception.Forbidden(request.ApiKey is null
                    ? "api_key is missing -- can't proceed with create_request."
                    : "Invalid api_key received -- can't proceed with create_request.");
            Validate(request);
            serviceNameKo = await db.Set<TriageTopic>().AsNoTracking().Where(t => t.Key == request.ServiceCode && t.IsActive).Select(t => t.NameKo).FirstOrDefaultAsync(ct)
                ?? throw Open311Exception.NotFound($"service_code '{request.ServiceCode}' was not found.");
        }

        var (lat, lon) = Coordinates(request);
        var token = Guid.NewGuid().ToString("D");
        var now = time.GetUtcNow().UtcDateTime;
        var name = string.Join(' ', new[] { request.FirstName, request.LastName }.Where(n => n is not null));
        var phone = request.Phone is null ? null : new IdentityValue(IdentityKind.Phone, request.Phone);
        var email = request.Email is null ? null : new IdentityValue(IdentityKind.Email, request.Email);
        // The description is the message; a report without one still reads as something in the inbox.
        var inbound = new InboundMessage(InboxChannel.Web, $"open311-{token}", phone ?? email, request.Description ?? serviceNameKo, now, MessageKind.WebForm,
            DisplayName: name.Length == 0 ? null : name)
        {
            AlsoKnownAs = phone is null ? null : email,
            ConsentToPublish = false,
            // The GeoReport details are written with the message, in one transaction: a report is never half stored.
            Companion = messageId => new Open311Request
            {
                MessageId = messageId,
                Token = token,
                ServiceCode = request.ServiceCode!,
                Latitude = lat,
                Longitude = lon,
                AddressString = request.AddressString,
                AddressId = request.AddressId,
                DeviceId = request.DeviceId,
                AccountId = request.AccountId,
                MediaUrl = request.MediaUrl,
                ApiKeyId = apiKeyId,
                RequestedAtUtc = now,
            },
        };
        var stored = (await intake.AcceptAsync([inbound], ct))[0];
        LogAccepted(logger, stored.ReceiptNumber, request.ServiceCode!, apiKeyId);
        return new PostedServiceRequest(stored.ReceiptNumber, token, Notice(english), request.AccountId);
    }

    public static string Notice(bool english) => english
        ? "Received. The responsible division will answer within the legal processing period; follow the request with its service_request_id."
        : "접수되었습니다. 담당 부서가 법정 처리기한 안에 답변합니다. service_request_id로 처리 상황을 확인할 수 있습니다.";

    /// <summary>Every 400 the form deserves, together (the spec's error body is a list).</summary>
    private static void Validate(PostServiceRequest r)
    {
        var errors = new List<string>();
        if (r.ServiceCode is null)
        {
            errors.Add("service_code was not provided.");
        }
        var hasLat = r.Latitude is not null;
        var hasLong = r.Longitude is not null;
        if (hasLat != hasLong)
        {
            errors.Add("lat and long must be sent together.");
        }
        else if (hasLat && !(TryCoordinate(r.Latitude, 90, out _) && TryCoordinate(r.Longitude, 180, out _)))
        {
            errors.Add("lat and long must be WGS84 decimal degrees (lat -90..90, long -180..180).");
        }
        if (!(hasLat && hasLong) && r.AddressString is null && r.AddressId is null)
        {
            errors.Add("A location is required: lat and long, address_string or address_id.");
        }
        Check(errors, r.Description, MaxDescriptionLength, "description");
        Check(errors, r.AddressString, 250, "address_string");
        Check(errors, r.AddressId, 64, "address_id");
        Check(errors, r.DeviceId, 64, "device_id");
        Check(errors, r.AccountId, 64, "account_id");
        Check(errors, r.MediaUrl, 500, "media_url");
        if (r.MediaUrl is not null && !(Uri.TryCreate(r.MediaUrl, UriKind.Absolute, out var media) && (media.Scheme == Uri.UriSchemeHttps || media.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("media_url must be an absolute http(s) URL.");
        }
        if ((r.FirstName?.Length ?? 0) + (r.LastName?.Length ?? 0) + 1 > InboxMessage.MaxNameLength)
        {
            errors.Add($"first_name and last_name together are at most {InboxMessage.MaxNameLength - 1} characters.");
        }
        if (r.Phone is not null && !ContactRules.IsKoreanPhone(r.Phone))
        {
            errors.Add("phone is not a Korean phone number.");
        }
        if (r.Email is not null && !ContactRules.IsEmail(r.Email))
        {
            errors.Add("email is not a valid e-mail address.");
        }
        if (errors.Count > 0)
        {
            throw new Open311Exception(StatusCodes.Status400BadRequest, [.. errors.Select(e => new Open311Error(StatusCodes.Status400BadRequest, e))]);
        }
    }

    private static void Check(List<string> errors, string? value, int max, string argument)
    {
        if (value is { Length: var length } && length > max)
        {
            errors.Add($"{argument} is at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        }
    }

    private static (double? Lat, double? Long) Coordinates(PostServiceRequest r) =>
        TryCoordinate(r.Latitude, 90, out var lat) && TryCoordinate(r.Longitude, 180, out var lon) ? (lat, lon) : (null, null);

    private static bool TryCoordinate(string? value, double limit, out double parsed) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed) && double.IsFinite(parsed) && Math.Abs(parsed) <= limit;

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 request {ReceiptNumber} accepted for service {ServiceCode} with key {ApiKeyId}")]
    private static partial void LogAccepted(ILogger logger, string receiptNumber, string serviceCode, Guid apiKeyId);
}
