using System.Text;
using System.Text.RegularExpressions;

namespace Sotong.Core.Common.Security;

/// <summary>
/// Masks personal data in free text before it is shown in public or written to a log:
/// <list type="bullet">
/// <item>Korean mobile and landline numbers (with or without separators, with +82): the prefix stays;</item>
/// <item>resident and foreigner registration numbers: every digit;</item>
/// <item>e-mail addresses: all but the first letter of the local part and of the host;</item>
/// <item>payment card numbers (15–16 digits, 4-4-4-4 or 4-6-5, a plausible issuer prefix and a valid Luhn check digit): all but the last four digits;</item>
/// <item>bank account numbers written in 3–4 hyphenated groups (10–14 digits, the shapes Korean banks print), or as a bare run of 10–14 digits right after 계좌/통장/입금/account: all but the last four digits;</item>
/// <item>passport numbers (M, S, R, O, D or G and eight digits, or the 2021 form M123A4567): all but the letter;</item>
/// <item>driver's licence numbers (region code 11–28 or region name, then 2-6-2 digits): all after the region.</item>
/// </list>
/// Every pattern is bounded on both sides, and look-alikes are kept on purpose: dates, amounts, years, order and
/// receipt numbers (W-20261124-12345678), business registration numbers (123-45-67890), phone-shaped numbers,
/// bus routes and addresses stay as written. Masking is idempotent: masking twice gives what masking once gave.
/// </summary>
public static partial class PersonalDataMasker
{
    public const char MaskChar = '*';

    // Separators people type between groups: hyphen (and its look-alikes), dot, space, or nothing.
    private const string Sep = @"[\-\u2010\u2011\u2012\u2013\u2212\.\s]?";

    // +82 / 0082 / 82 forms drop the leading 0 of the area or mobile prefix; "(0)" is sometimes kept.
    [GeneratedRegex(@"(?<![\d\w])(?:\+|00)82" + Sep + @"(?:\(0\))?" + Sep + @"(?:1[016789]|2|[3-6][1-5]|70)" + Sep + @"\d{3,4}" + Sep + @"\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<!\d)01[016789]" + Sep + @"\d{3,4}" + Sep + @"\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePhone();

    // Seoul 02, the provinces 031–064, internet phones 070, safe-number 050x.
    [GeneratedRegex(@"(?<![\d\.])(?:\(?0(?:2|[3-6][1-5]|70|50\d)\)?)" + Sep + @"\d{3,4}" + Sep + @"\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();

    // YYMMDD, a separator, then 1–8 (residents 1–4, foreigners 5–8) and six digits; a half-masked form counts too.
    [GeneratedRegex(@"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?[\-\u2010\u2013]?\s?[1-8](?:\d{6}|[\*xX●○]{6})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Hyphen and the dashes word processors turn it into.
    private const string Dash = @"[\-\u2010\u2011\u2012\u2013\u2212]";

    // 4-4-4-4 (every issuer) or 4-6-5 (American Express), one separator throughout, or none; the digits are then
    // checked for an issuer prefix and the Luhn digit, so a 16-digit order number is left alone nine times in ten
    // and always when it starts with a date.
    [GeneratedRegex(@"(?<![A-Za-z0-9*./]|" + Dash + @"|\d[ \-])(?:\d{4}(?<s>[\-\u2010-\u2013\u2212 ]?)\d{4}\k<s>\d{4}\k<s>\d{4}|\d{4}(?<a>[\-\u2010-\u2013\u2212 ]?)\d{6}\k<a>\d{5})(?![0-9*]|[ .\-\u2010-\u2013\u2212]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();

    // Region code 11–28 or the region's name, then 2-6-2 digits.
    [GeneratedRegex(@"(?<![0-9*.]|" + Dash + @")(?:(?<code>1[1-9]|2[0-8])" + Dash + @"|(?:서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산)\s?" + Dash + @"?\s?)\d{2}" + Dash + @"\d{6}" + Dash + @"\d{2}(?![0-9*]|[.\-\u2010-\u2013\u2212]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DriverLicence();

    // M/S/R/O/D/G and eight digits, or the 2021 booklet's letter + 3 digits + letter + 4 digits. Word-bounded
    // against Latin letters, digits and the joiners of codes (-, _, ., @), not against Hangul: "M12345678입니다".
    [GeneratedRegex(@"(?<![A-Za-z0-9\-_.@*/])[MSRODG](?:(?<old>\d{8})|\d{3}[A-Z]\d{4})(?![A-Za-z0-9\-_*])", RegexOptions.CultureInvariant)]
    private static partial Regex Passport();

    // 3–4 groups of digits joined by hyphens: 110-123-456789 (Shinhan), 123456-01-123456 (KB), 1002-123-456789
    // (Woori), 3333-01-1234567 (Kakao), 352-1234-5678-93 (NH). The shape is checked in IsAccountShape.
    [GeneratedRegex(@"(?<![A-Za-z0-9*./_]|" + Dash + @")\d{3,6}(?:" + Dash + @"\d{2,7}){2,3}(?![A-Za-z0-9*]|[.\-\u2010-\u2013\u2212]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedAccount();

    // A bare run of 10–14 digits counts only right after a word that says it is an account; never an amount (원).
    [GeneratedRegex(@"(?<=(?:계좌|통장|입금|(?i:account|acct))[^0-9\r\n]{0,12})(?<![A-Za-z0-9*.\-])\d{10,14}(?![A-Za-z0-9*]|[.,\-]\d|\s*원)", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordAccount();

    /// <summary>Returns the text with every recognised piece of personal data masked; null stays null.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }
        // Order matters: the longer, more specific numbers go first so a phone pattern never eats part of a card
        // or a licence, and accounts go last so a phone-shaped or already masked number is never masked again.
        var result = Email().Replace(text, m => MaskEmail(m.Value));
        result = CardNumber().Replace(result, m => IsCardNumber(m.ValueSpan) ? MaskAllButLastDigits(m.Value, 4) : m.Value);
        result = RegistrationNumber().Replace(result, m => MaskDigits(m.Value, keep: 0));
        result = DriverLicence().Replace(result, m => MaskDigits(m.Value, keep: m.Groups["code"].Success ? 2 : 0));
        result = Passport().Replace(result, m => IsDateLike(m.Groups["old"]) ? m.Value : m.Value[0] + new string(MaskChar, m.Length - 1));
        result = InternationalPhone().Replace(result, m => MaskInternational(m.Value));
        result = MobilePhone().Replace(result, m => MaskDigits(m.Value, keep: 3));
        result = Landline().Replace(result, m => MaskLandline(m.Value));
        result = HyphenatedAccount().Replace(result, m => IsAccountShape(m.Value) ? MaskAllButLastDigits(m.Value, 4) : m.Value);
        result = KeywordAccount().Replace(result, m => MaskAllButLastDigits(m.Value, 4));
        return result;
    }

    /// <summary>True when <see cref="Mask"/> would change the text.</summary>
    public static bool ContainsPersonalData(string text) => !string.Equals(Mask(text), text, StringComparison.Ordinal);

    /// <summary>A phone number for a log line or a staff list: the prefix and the last two digits.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }
        var digits = phone.Count(char.IsAsciiDigit);
        var seen = 0;
        var sb = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                seen++;
                sb.Append(seen <= 3 || seen > digits - 2 ? c : MaskChar);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string MaskDigits(string value, int keep)
    {
        var sb = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || c is 'x' or 'X' or '●' or '○')
            {
                seen++;
                sb.Append(seen <= keep ? c : MaskChar);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string MaskAllButLastDigits(string value, int keepLast)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }
        var sb = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                seen++;
                sb.Append(seen > digits - keepLast ? c : MaskChar);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static bool IsCardNumber(ReadOnlySpan<char> value)
    {
        Span<int> d = stackalloc int[16];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                d[n++] = c - '0';
            }
        }
        // Issuer prefixes: Amex 34/37 (the only 15-digit cards), JCB 35, Visa 4, Mastercard 51–55 and 2221–2720,
        // Discover/UnionPay 6, Korean domestic-only cards 9. Anything else (dates, 1…, 0…) is not a card.
        var prefix4 = (d[0] * 1000) + (d[1] * 100) + (d[2] * 10) + d[3];
        var plausible = n == 15
            ? d[0] == 3 && d[1] is 4 or 7
            : d[0] switch
            {
                3 => d[1] == 5,
                4 or 6 or 9 => true,
                5 => d[1] is >= 1 and <= 5,
                2 => prefix4 is >= 2221 and <= 2720,
                _ => false,
            };
        if (!plausible)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < n; i++)
        {
            var digit = d[n - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    // An eight-digit run that reads as yyyyMMdd is an order or receipt number (S20261124), not a passport.
    private static bool IsDateLike(Group digits) =>
        digits.Success && DateDigits().IsMatch(digits.ValueSpan);

    [GeneratedRegex(@"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$", RegexOptions.CultureInvariant)]
    private static partial Regex DateDigits();

    private static bool IsAccountShape(string value)
    {
        Span<int> groups = stackalloc int[4];
        var count = 0;
        var total = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                groups[count]++;
                total++;
            }
            else
            {
                count++;
            }
        }
        count++;
        if (total is < 10 or > 14)
        {
            return false;
        }
        // 123-45-67890 is a business registration number: public, printed on every receipt.
        if (count == 3 && groups[0] == 3 && groups[1] == 2 && groups[2] == 5)
        {
            return false;
        }
        // 0xx-xxx(x)-xxxx is a phone number the phone patterns chose not to mask (080 free-call, 1xxx-less forms).
        if (value[0] == '0' && count == 3 && groups[1] is 3 or 4 && groups[2] == 4)
        {
            return false;
        }
        // A year first (2026-11-24-…, 2024-2025-2026, 2024-123-45678) is a date, a range or a case number;
        // Korean banks do not start account numbers with 19xx or 20xx.
        return !(groups[0] == 4 && (value.StartsWith("19", StringComparison.Ordinal) || value.StartsWith("20", StringComparison.Ordinal)));
    }

    private static string MaskInternational(string value)
    {
        // Keep "+82" and the prefix digits (10, 2, 31 …); mask the subscriber part.
        var prefixEnd = value.IndexOf("82", StringComparison.Ordinal) + 2;
        var head = value[..prefixEnd];
        var rest = value[prefixEnd..];
        var m = PrefixGroup().Match(rest);
        return head + rest[..(m.Index + m.Length)] + MaskDigits(rest[(m.Index + m.Length)..], keep: 0);
    }

    [GeneratedRegex(@"(?:\(0\))?\D?(?:1[016789]|2|[3-6][1-5]|70)")]
    private static partial Regex PrefixGroup();

    private static string MaskLandline(string value)
    {
        var m = LandlinePrefix().Match(value);
        return value[..m.Length] + MaskDigits(value[m.Length..], keep: 0);
    }

    [GeneratedRegex(@"^\(?0(?:2|[3-6][1-5]|70|50\d)\)?")]
    private static partial Regex LandlinePrefix();

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var host = domain[..dot];
        var tld = domain[dot..];
        return local[0] + new string(MaskChar, Math.Max(3, local.Length - 1)) + "@" + host[0] + new string(MaskChar, Math.Max(3, host.Length - 1)) + tld;
    }
}
