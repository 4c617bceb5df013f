using System.Text;
using Sotong.Smpp;

namespace Sotong.Core.Campaigns.Compose;

/// <summary>
/// A message's size as the officer needs to see it while writing: bytes in code page 949 against the carrier's
/// limit (90 for SMS, 2,000 for LMS — the kind switches on its own), how many SMPP parts the SMSC receives
/// (GSM 7-bit 160/153 septets, else UCS-2 70/67 characters), and the characters 949 lacks (emoji), which many
/// brokers refuse.
/// </summary>
public sealed record MessageSize(int Bytes, int LimitBytes, KoreanSmsKind Kind, int CarrierParts, int SmppParts, bool Ucs2, int Characters,
    IReadOnlyList<string> Unencodable)
{
    public bool HasUnencodable => Unencodable.Count > 0;

    public bool TooLong => Kind == KoreanSmsKind.TooLong;
}

public static class MessageSizes
{
    // The GSM 03.38 default alphabet and its extension table (two septets each), as Sotong.Smpp's segmenter uses them.
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "\f^{}\\[~]|€";
    private const int Gsm7Single = 160;
    private const int Gsm7Part = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2Part = 67;
    private const int MaxUnencodableShown = 10;

    private static readonly Encoding Cp949Strict = CreateCp949();

    public static MessageSize Measure(string? text)
    {
        text ??= "";
        var carrier = KoreanSmsSize.Measure(text);
        var gsm = text.All(c => Gsm7Basic.Contains(c, StringComparison.Ordinal) || Gsm7Extension.Contains(c, StringComparison.Ordinal));
        var parts = text.Length == 0 ? 0 : gsm ? Gsm7Parts(text) : Ucs2Parts(text);
        var limit = carrier.Kind == KoreanSmsKind.Sms ? KoreanSmsSize.SmsMaxBytes : KoreanSmsSize.LmsMaxBytes;
        return new MessageSize(carrier.Bytes, limit, carrier.Kind, carrier.Parts, parts, !gsm, text.EnumerateRunes().Count(),
            carrier.HasUnencodableCharacters ? Unencodable(text) : []);
    }

    private static int Gsm7Parts(string text)
    {
        if (text.Sum(Septets) <= Gsm7Single)
        {
            return 1;
        }
        // An extension character moves whole to the next part rather than losing its escape.
        var parts = 1;
        var used = 0;
        foreach (var c in text)
        {
            var size = Septets(c);
            if (used + size > Gsm7Part)
            {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }

    private static int Septets(char c) => Gsm7Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1;

    private static int Ucs2Parts(string text)
    {
        if (text.Length <= Ucs2Single)
        {
            return 1;
        }
        // Parts are cut every 67 UTF-16 units, never inside a surrogate pair.
        var parts = 0;
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + Ucs2Part, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
            {
                end--;
            }
            parts++;
            start = end;
        }
        return parts;
    }

    private static List<string> Unencodable(string text)
    {
        var found = new List<string>();
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                continue;
            }
            var chars = buffer[..rune.EncodeToUtf16(buffer)];
            try
            {
                Cp949Strict.GetByteCount(chars);
            }
            catch (EncoderFallbackException)
            {
                var s = rune.ToString();
                if (!found.Contains(s))
                {
                    found.Add(s);
                }
                if (found.Count == MaxUnencodableShown)
                {
                    break;
                }
            }
        }
        return found;
    }

    private static Encoding CreateCp949()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}
