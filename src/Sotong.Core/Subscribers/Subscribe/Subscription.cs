using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Submit;
using Sotong.Core.Subscribers.Reference;
using Sotong.Core.Subscribers.Verification;

namespace Sotong.Core.Subscribers.Subscribe;

public sealed record RequestCodeRequest(string? Phone);

/// <summary>Step 2 of the web sign-up: the code from the SMS, the resident's details, and consent to the notice shown.</summary>
public sealed record SignUpRequest(
    Guid ChallengeId,
    string? Code,
    SubscriberGender Gender,
    int? BirthYear,
    string? DongCode,
    IReadOnlyList<string>? Interests,
    bool Consent,
    int NoticeVersion);

/// <summary><paramref name="Renewed"/>: the number was known, so its preferences and consent were updated.</summary>
public sealed record SignUpResult(bool Renewed, int NoticeVersion, DateTime ConsentedAtUtc, DateTime ExpiresAtUtc);

public sealed record WithdrawRequest(Guid ChallengeId, string? Code);

/// <summary><paramref name="Withdrawn"/> is false when the number had no active subscription (nothing to withdraw).</summary>
public sealed record WithdrawResult(bool Withdrawn);

/// <summary>What the sign-up form offers: the active dongs and interest areas and the consent notice in force.</summary>
public sealed record SubscriptionOptions(IReadOnlyList<DongView> Dongs, IReadOnlyList<InterestView> Interests, ConsentNoticeView Notice, int MinimumAge, int MinimumBirthYear);

/// <summary>
/// The resident's side: sign up on the web with the number confirmed by an SMS code, update preferences by signing up
/// again, and withdraw the same way. The pages at /subscribe and /unsubscribe and the public API call these.
/// </summary>
public sealed class SubscriptionHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    PhoneVerification verification,
    PersonalDataProtector protector,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    public async Task<SubscriptionOptions> OptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
        var notice = await SubscriberReferenceHandler.CurrentNoticeAsync(db, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var year = SubscriberRules.CurrentYear(time);
        return new SubscriptionOptions(lookup.Dongs.Where(d => d.IsActive).ToList(), lookup.Interests.Where(i => i.IsActive).ToList(),
            ConsentNoticeView.Of(notice, english), Subscriber.MinimumAge, year - Subscriber.MinimumAge);
    }

    public Task<CodeSent> RequestSignUpCodeAsync(RequestCodeRequest request, string clientKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return verification.SendCodeAsync(request.Phone, ChallengePurpose.SignUp, clientKey, ct);
    }

    public Task<CodeSent> RequestWithdrawCodeAsync(RequestCodeRequest request, string clientKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return verification.SendCodeAsync(request.Phone, ChallengePurpose.Withdraw, clientKey, ct);
    }

    public async Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
        var notice = await SubscriberReferenceHandler.CurrentNoticeAsync(db, ct);
        var year = SubscriberRules.CurrentYear(time);
        var dong = lookup.Dong(request.DongCode);
        var interests = (request.Interests ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = interests.Where(i => lookup.Interest(i) is null).ToList();
        var active = lookup.Interests.Count(i => i.IsActive);
        var validation = new ValidationBuilder()
            .When(!Enum.IsDefined(request.Gender), "gender", text["Subscribers.GenderInvalid"]);
        if (request.BirthYear is not { } birthYear)
        {
            validation.Add("birthYear", text["Subscribers.BirthYearRequired"]);
        }
        else if (!SubscriberRules.IsPlausibleBirthYear(birthYear, year))
        {
            validation.Add("birthYear", text["Subscribers.BirthYearRange", SubscriberRules.EarliestBirthYear, year]);
        }
        else if (!SubscriberRules.IsOldEnough(birthYear, year))
        {
            validation.Add("birthYear", text["Subscribers.TooYoung", Subscriber.MinimumAge, year - Subscriber.MinimumAge]);
        }
        validation
            .When(dong is null, "dongCode", text["Subscribers.DongRequired"])
            .When(interests.Count == 0, "interests", text["Subscribers.InterestsRequired"])
            .When(unknown.Count > 0, "interests", text["Subscribers.InterestUnknown", string.Join(", ", unknown)])
            .When(interests.Count > active, "interests", text["Subscribers.InterestsTooMany", active])
            .When(!request.Consent, "consent", text["Subscribers.ConsentRequired"])
            .When(request.Consent && request.NoticeVersion != notice.Version, "consent", text["Subscribers.NoticeChanged"])
            .ThrowIfAny();

        // The details are right: only now is the code spent.
        var challenge = await verification.VerifyAsync(db, request.ChallengeId, request.Code, ChallengePurpose.SignUp, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.PhoneHash == challenge.PhoneHash, ct);
        var renewed = subscriber is not null;
        var from = subscriber?.Status;
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                ProtectedPhone = challenge.ProtectedPhone,
                PhoneHash = challenge.PhoneHash,
                PhoneLast4 = challenge.PhoneLast4,
                DongCode = dong!.Code,
                Source = SubscriberSource.Web,
                CreatedAtUtc = now,
            };
            db.Add(subscriber);
        }
        if (subscriber.DongCode != dong!.Code)
        {
            // A household is a place: moving to another dong leaves it.
            subscriber.HouseholdId = null;
        }
        subscriber.Gender = request.Gender;
        subscriber.BirthYear = request.BirthYear!.Value;
        subscriber.DongCode = dong.Code;
        subscriber.Interests = lookup.MaskOf(interests);
        subscriber.ConfirmedAtUtc = now;
        subscriber.GuardianConsent = false;
        subscriber.Consent(notice.Version, notice.RetentionMonths, now);
        db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(Subscriber), subscriber.Id.ToString(), renewed ? "PreferencesUpdated" : "SignedUp",
            from?.ToString() ?? nameof(SubscriberStatus.Pending), nameof(SubscriberStatus.Active),
            $"web; notice v{notice.Version}; dong {dong.Code}; interests {subscriber.Interests}");
        await db.SaveChangesAsync(ct);
        return new SignUpResult(renewed, notice.Version, subscriber.ConsentedAtUtc, subscriber.ExpiresAtUtc);
    }

    public async Task<WithdrawResult> WithdrawAsync(WithdrawRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var challenge = await verification.VerifyAsync(db, request.ChallengeId, request.Code, ChallengePurpose.Withdraw, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.PhoneHash == challenge.PhoneHash, ct);
        var from = subscriber?.Status;
        var withdrawn = subscriber is not null && subscriber.Withdraw("web", now);
        if (withdrawn)
        {
            db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(Subscriber), subscriber!.Id.ToString(), "Withdrawn", from.ToString(), nameof(SubscriberStatus.Withdrawn), "web");
        }
        await db.SaveChangesAsync(ct);
        return new WithdrawResult(withdrawn);
    }

    /// <summary>The lookup hash of a number as subscribers are keyed (for other modules' joins and for tests).</summary>
    public Task<string> PhoneHashAsync(string phone, CancellationToken ct) => protector.LookupHashAsync(SubscriberRules.NormalizePhone(phone), ct);
}

internal static class SubscriptionEndpoints
{
    public static void Map(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/options", async (SubscriptionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.OptionsAsync(ct)))
            .WithName("SubscriptionOptions").WithSummary("Dongs, interest areas and the consent notice the sign-up form shows");
        publicApi.MapPost("/codes", async (RequestCodeRequest request, HttpContext http, SubscriptionHandler handler, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.RequestSignUpCodeAsync(request, ClientKeys.Of(http), ct)))
            .WithName("RequestSignUpCode").WithSummary("Step 1 of signing up: send a 6-digit code to the phone (valid 5 minutes)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        publicApi.MapPost("/", async (SignUpRequest request, SubscriptionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.SignUpAsync(request, ct)))
            .WithName("SignUp").WithSummary("Step 2: the code, the details and consent; a known number has its preferences updated")
            .ProducesValidationProblem();
        publicApi.MapPost("/withdraw/codes", async (RequestCodeRequest request, HttpContext http, SubscriptionHandler handler, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.RequestWithdrawCodeAsync(request, ClientKeys.Of(http), ct)))
            .WithName("RequestWithdrawCode").WithSummary("Withdrawing, step 1: send a code to the phone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        publicApi.MapPost("/withdraw", async (WithdrawRequest request, SubscriptionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.WithdrawAsync(request, ct)))
            .WithName("Withdraw").WithSummary("Withdrawing, step 2: the code; the subscription ends at once and the data is purged within days")
            .ProducesValidationProblem();
    }
}
