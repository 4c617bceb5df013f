using Sotong.Smpp;

namespace Sotong.Core.Alerts.Templates;

/// <summary>
/// A disaster text against the cell-broadcast limit. Characters are Unicode scalar values (a Hangul syllable is
/// one); Cp949Bytes is what an SMS broker bills (over 90 it goes as LMS); HasUnencodable flags emoji and other
/// characters code page 949 lacks, which many brokers refuse.
/// </summary>
public readonly record struct AlertSmsCheck(int Characters, int Cp949Bytes, bool WithinLimit, bool HasUnencodable);

public static class AlertSmsLimit
{
    /// <summary>Korean cell-broadcast disaster texts allow 90 characters (a 157-character limit is coming).</summary>
    public const int DefaultMaxCharacters = 90;

    public static AlertSmsCheck Check(string text, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        var measured = KoreanSmsSize.Measure(text);
        var characters = text.EnumerateRunes().Count();
        return new AlertSmsCheck(characters, measured.Bytes, characters <= maxCharacters, measured.HasUnencodableCharacters);
    }
}
