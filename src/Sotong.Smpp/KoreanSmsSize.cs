using System.Text;
using Sotong.Smpp.Text;

namespace Sotong.Smpp;

public enum KoreanSmsKind
{
    /// <summary>Up to 90 bytes: one SMS.</summary>
    Sms,

    /// <summary>91 to 2,000 bytes: one LMS.</summary>
    Lms,

    /// <summary>Over 2,000 bytes: must be split into several LMS.</summary>
    TooLong,
}

/// <summary>
/// A text's size as carriers count it. Bytes: in code page 949, a character 949 lacks counted as the one-byte '?'
/// it becomes. Parts: messages the text needs, 1 for SMS or LMS, for TooLong the number of 2,000-byte LMS.
/// HasUnencodableCharacters: emoji and other characters 949 lacks, which many broker APIs reject outright.
/// </summary>
public readonly record struct KoreanSmsMeasurement(int Bytes, KoreanSmsKind Kind, int Parts, bool HasUnencodableCharacters);

/// <summary>How Korean carriers and brokers size a text: bytes in code page 949, SMS up to 90, LMS up to 2,000.</summary>
public static class KoreanSmsSize
{
    public const int SmsMaxBytes = 90;
    public const int LmsMaxBytes = 2000;

    public static KoreanSmsMeasurement Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = 0;
        var parts = 1;
        var bytesInPart = 0;
        var unencodable = false;
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var size = SizeOf(rune, buffer);
            unencodable |= size == 0;
            size = Math.Max(size, 1);
            bytes += size;
            if (bytesInPart + size > LmsMaxBytes)
            {
                parts++;
                bytesInPart = 0;
            }

            bytesInPart += size;
        }

        var kind = bytes <= SmsMaxBytes ? KoreanSmsKind.Sms : bytes <= LmsMaxBytes ? KoreanSmsKind.Lms : KoreanSmsKind.TooLong;
        return new KoreanSmsMeasurement(bytes, kind, parts, unencodable);
    }

    /// <summary>Bytes of one character in 949, or 0 when 949 cannot encode it.</summary>
    private static int SizeOf(Rune rune, Span<char> buffer)
    {
        if (rune.IsAscii)
        {
            return 1;
        }

        var chars = buffer[..rune.EncodeToUtf16(buffer)];
        try
        {
            return KoreanEncoding.Cp949Strict.GetByteCount(chars);
        }
        catch (EncoderFallbackException)
        {
            return 0;
        }
    }
}
