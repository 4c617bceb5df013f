using Sotong.Core.Common.Time;
using Sotong.Core.Inbox.Submit;

namespace Sotong.Core.Subscribers;

/// <summary>The rules every way in (web, paper form, import, SMS keyword) applies the same way.</summary>
public static class SubscriberRules
{
    public const int EarliestBirthYear = 1900;

    /// <summary>The year in Seoul now: ages are counted the Korean administrative way, this year minus birth year.</summary>
    public static int CurrentYear(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return SeoulTime.ToSeoul(time.GetUtcNow().UtcDateTime).Year;
    }

    public static int AgeIn(int currentYear, int birthYear) => currentYear - birthYear;

    /// <summary>14 or older this year: born in (this year − 14) or earlier.</summary>
    public static bool IsOldEnough(int birthYear, int currentYear) => AgeIn(currentYear, birthYear) >= Subscriber.MinimumAge;

    public static bool IsPlausibleBirthYear(int birthYear, int currentYear) => birthYear >= EarliestBirthYear && birthYear <= currentYear;

    /// <summary>
    /// Digits in the national form: "+82 10-1234-5678" and an SMSC's "821012345678" both become "01012345678".
    /// </summary>
    public static string NormalizePhone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digits = ContactRules.NormalizePhone(value);
        if (digits.StartsWith("82", StringComparison.Ordinal) && digits.Length is 11 or 12 && digits[2] == '1')
        {
            digits = "0" + digits[2..];
        }
        return digits;
    }

    /// <summary>A Korean mobile number (SMS goes to mobiles only): 010 and 8 digits, or 011/016–019 and 7–8 digits.</summary>
    public static bool IsMobile(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Any(c => !char.IsAsciiDigit(c) && c is not ('-' or ' ' or '.' or '+' or '(' or ')')))
        {
            return false;
        }
        var digits = NormalizePhone(value);
        if (digits.StartsWith("010", StringComparison.Ordinal))
        {
            return digits.Length == 11;
        }
        return digits.Length is 10 or 11 && digits.StartsWith("01", StringComparison.Ordinal) && digits[2] is '1' or '6' or '7' or '8' or '9';
    }

    /// <summary>The last four digits, kept in the clear so staff can tell subscribers apart.</summary>
    public static string Last4(string normalized) => normalized.Length >= 4 ? normalized[^4..] : normalized;

    /// <summary>What staff lists show: never the number, only its last four digits.</summary>
    public static string MaskedPhone(string last4) => $"***-****-{last4}";
}
