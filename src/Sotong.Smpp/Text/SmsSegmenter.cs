namespace Sotong.Smpp.Text;

/// <summary>An outbound text cut into short_message payloads; each part carries its UDH when there is more than one.</summary>
internal sealed record SmsSegments(SmppDataCoding DataCoding, IReadOnlyList<byte[]> Parts)
{
    public bool IsConcatenated => Parts.Count > 1;
}

/// <summary>
/// Chooses GSM 7-bit when every character is in the alphabet, else UCS2, and cuts long texts into concatenated parts
/// with an 8-bit-reference UDH (05 00 03 ref total seq). Cuts never fall inside a surrogate pair or an escape pair.
/// </summary>
internal static class SmsSegmenter
{
    public const int Gsm7SingleSeptets = 160;
    public const int Gsm7PartSeptets = 153;
    public const int Ucs2SingleChars = 70;
    public const int Ucs2PartChars = 67;
    public const int MaxParts = 255;

    public static SmsSegments Split(string text, byte reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (coding, chunks) = Gsm7.CanEncode(text)
            ? (SmppDataCoding.SmscDefault, CutGsm7(text))
            : (SmppDataCoding.Ucs2, CutUcs2(text));
        if (chunks.Count > MaxParts)
        {
            throw new ArgumentException($"The text needs {chunks.Count} parts; a concatenated SMS has at most {MaxParts}.", nameof(text));
        }

        if (chunks.Count == 1)
        {
            return new(coding, chunks);
        }

        var parts = chunks
            .Select((chunk, i) => (byte[])[.. UserDataHeader.Concatenation(reference, (byte)chunks.Count, (byte)(i + 1)), .. chunk])
            .ToList();
        return new(coding, parts);
    }

    private static List<byte[]> CutGsm7(string text)
    {
        if (text.Sum(Gsm7.SeptetsOf) <= Gsm7SingleSeptets)
        {
            return [Gsm7.Encode(text)];
        }

        var chunks = new List<byte[]>();
        var start = 0;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // An extension character counts two septets and moves whole to the next part rather than losing its escape.
            var size = Gsm7.SeptetsOf(text[i]);
            if (used + size > Gsm7PartSeptets)
            {
                chunks.Add(Gsm7.Encode(text[start..i]));
                start = i;
                used = 0;
            }

            used += size;
        }

        chunks.Add(Gsm7.Encode(text[start..]));
        return chunks;
    }

    private static List<byte[]> CutUcs2(string text)
    {
        if (text.Length <= Ucs2SingleChars)
        {
            return [SmsTextCodec.Encode(text, SmppDataCoding.Ucs2)];
        }

        var chunks = new List<byte[]>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + Ucs2PartChars, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
            {
                // Half an emoji on each phone would show as two replacement marks.
                end--;
            }

            chunks.Add(SmsTextCodec.Encode(text[start..end], SmppDataCoding.Ucs2));
            start = end;
        }

        return chunks;
    }
}
