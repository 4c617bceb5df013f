using System.Text;
using System.Text.RegularExpressions;

namespace Sotong.Core.Common.Security;

/// <summary>
/// Masks personal data in free text before it is shown in public or written to a log: Korean mobile and landline
/// numbers (with or without separators, with +82), resident and foreigner registration numbers, e-mail addresses.
/// Digits are bounded on both sides so account numbers, dates, amounts and order numbers are left alone.
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

    /// <summary>Returns the text with every recognised piece of personal data masked; null stays null.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }
        var result = Email().Replace(text, m => MaskEmail(m.Value));
        result = RegistrationNumber().Replace(result, m => MaskDigits(m.Value, keep: 0));
        result = InternationalPhone().Replace(result, m => MaskInternational(m.Value));
        result = MobilePhone().Replace(result, m => MaskDigits(m.Value, keep: 3));
        result = Landline().Replace(result, m => MaskLandline(m.Value));
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
