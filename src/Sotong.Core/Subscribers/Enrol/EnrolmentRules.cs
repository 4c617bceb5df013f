using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Localization;
using Sotong.Core.Subscribers.Households;
using Sotong.Core.Subscribers.Reference;

namespace Sotong.Core.Subscribers.Enrol;

/// <summary>A paper form as staff read it (one form typed in, or one row of an imported file, already parsed).</summary>
public sealed record EnrolmentInput(
    string? Phone,
    SubscriberGender Gender,
    int? BirthYear,
    string? Dong,
    IReadOnlyList<string> Interests,
    DateOnly? ConsentDate,
    string? HouseholdLabel,
    bool GuardianConsent);

/// <summary>A form that passed every rule, in stored terms.</summary>
public sealed record ValidEnrolment(
    string NormalizedPhone,
    SubscriberGender Gender,
    int BirthYear,
    string DongCode,
    int Interests,
    DateOnly ConsentDate,
    string? HouseholdLabel,
    bool GuardianConsent);

/// <summary>
/// The rules for forms staff enter (paper forms and imported rows): a mobile number, a birth year with 14 or older (a
/// younger resident only with a guardian's signature), a known dong, 1–9 known interest areas, and a consent date on
/// the form that is not in the future and whose retention period has not run out.
/// </summary>
public static class EnrolmentRules
{
    public static ValidEnrolment? Check(EnrolmentInput input, ReferenceLookup lookup, int currentYear, DateOnly today, int retentionMonths,
        IStringLocalizer<Text> text, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fail);
        var ok = true;
        void Fail(string field, string message)
        {
            ok = false;
            fail(field, message);
        }

        if (string.IsNullOrWhiteSpace(input.Phone))
        {
            Fail("phone", text["Subscribers.PhoneRequired"]);
        }
        else if (!SubscriberRules.IsMobile(input.Phone))
        {
            Fail("phone", text["Subscribers.PhoneInvalid"]);
        }
        if (!Enum.IsDefined(input.Gender))
        {
            Fail("gender", text["Subscribers.GenderInvalid"]);
        }
        if (input.BirthYear is not { } year)
        {
            Fail("birthYear", text["Subscribers.BirthYearRequired"]);
        }
        else if (!SubscriberRules.IsPlausibleBirthYear(year, currentYear))
        {
            Fail("birthYear", text["Subscribers.BirthYearRange", SubscriberRules.EarliestBirthYear, currentYear]);
        }
        else if (!SubscriberRules.IsOldEnough(year, currentYear) && !input.GuardianConsent)
        {
            Fail("birthYear", text["Subscribers.TooYoungOnPaper", Subscriber.MinimumAge]);
        }
        var dong = lookup.Dong(input.Dong);
        if (string.IsNullOrWhiteSpace(input.Dong))
        {
            Fail("dong", text["Subscribers.DongRequired"]);
        }
        else if (dong is null)
        {
            Fail("dong", text["Subscribers.DongUnknown", input.Dong.Trim()]);
        }
        var interests = input.Interests.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = interests.Where(i => lookup.Interest(i) is null).ToList();
        var active = lookup.Interests.Count(i => i.IsActive);
        if (interests.Count == 0)
        {
            Fail("interests", text["Subscribers.InterestsRequired"]);
        }
        else if (unknown.Count > 0)
        {
            Fail("interests", text["Subscribers.InterestUnknown", string.Join(", ", unknown)]);
        }
        else if (interests.Count > active)
        {
            Fail("interests", text["Subscribers.InterestsTooMany", active]);
        }
        if (input.ConsentDate is not { } consented)
        {
            Fail("consentDate", text["Subscribers.ConsentDateRequired"]);
        }
        else if (consented > today)
        {
            Fail("consentDate", text["Subscribers.ConsentDateFuture"]);
        }
        else if (consented.AddMonths(retentionMonths) <= today)
        {
            Fail("consentDate", text["Subscribers.ConsentDateExpired", retentionMonths]);
        }
        var label = string.IsNullOrWhiteSpace(input.HouseholdLabel) ? null : input.HouseholdLabel.Trim();
        if (label is { Length: > SubscriberHousehold.MaxLabelLength })
        {
            Fail("household", text["Subscribers.HouseholdTooLong", SubscriberHousehold.MaxLabelLength]);
        }
        if (!ok)
        {
            return null;
        }
        return new ValidEnrolment(SubscriberRules.NormalizePhone(input.Phone!), input.Gender, input.BirthYear!.Value, dong!.Code,
            lookup.MaskOf(interests), input.ConsentDate!.Value, label, input.GuardianConsent && !SubscriberRules.IsOldEnough(input.BirthYear.Value, currentYear));
    }
}
