using System.Text;

namespace Sotong.Core.Triage.Classify;

/// <summary>
/// The first half of featurisation: one canonical form of a citizen's text before character and word n-grams are
/// taken. Korean needs no morphological analyser for this: n-grams of syllables carry the stems. What varies without
/// meaning is folded away — width and case, every digit (bus 143 and bus 420 read alike), links, laughter and
/// repeated punctuation, runs of spaces.
/// </summary>
public static class TextNormalizer
{
    public const int MaxLength = 1000;

    public static string Normalize(string? text) => Normalize(text, foldDigits: true);

    /// <summary>For keyword matching: the same folding, but digits kept ("2호선" must still match "2호선").</summary>
    public static string ForMatching(string? text) => Normalize(text, foldDigits: false);

    private static string Normalize(string? text, bool foldDigits)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        // Canonical composition, then full-width forms folded by hand: NFKC would also turn "ㅋ" into a conjoining jamo.
        var folded = Ends(text.Normalize(NormalizationForm.FormC));
        var sb = new StringBuilder(Math.Min(folded.Length, MaxLength));
        var i = 0;
        var lastWasSpace = true;
        char previous = '\0';
        var run = 0;
        while (i < folded.Length && sb.Length < MaxLength)
        {
            if (StartsLink(folded, i))
            {
                while (i < folded.Length && !char.IsWhiteSpace(folded[i]))
                {
                    i++;
                }
                AppendWord(sb, "url", ref lastWasSpace);
                continue;
            }
            var c = Narrow(folded[i++]);
            if (char.IsDigit(c))
            {
                c = foldDigits ? '0' : c;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                    lastWasSpace = true;
                }
                previous = ' ';
                run = 0;
                continue;
            }
            else
            {
                c = char.ToLowerInvariant(c);
            }
            run = c == previous ? run + 1 : 1;
            previous = c;
            // "ㅋㅋㅋㅋㅋ", "!!!!!" and "ㅠㅠㅠㅠ" mean what two of them mean; digits keep their length.
            if (run > 2 && !char.IsDigit(c))
            {
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// A text longer than the limit keeps its beginning and its end: long complaints tell the story first and ask the
    /// city for something last, and the ask is what decides the label.
    /// </summary>
    private static string Ends(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var head = MaxLength * 3 / 5;
        var tail = text.Length - (MaxLength - head - 1);
        // Whole characters only: never half of a surrogate pair on either side of the cut.
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }
        if (char.IsLowSurrogate(text[tail]))
        {
            tail++;
        }
        return string.Concat(text.AsSpan(0, head), " ", text.AsSpan(tail));
    }

    private static char Narrow(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    private static bool StartsLink(string s, int i) =>
        (i == 0 || char.IsWhiteSpace(s[i - 1])) &&
        (Matches(s, i, "http://") || Matches(s, i, "https://") || Matches(s, i, "www."));

    private static bool Matches(string s, int i, string prefix) =>
        string.Compare(s, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static void AppendWord(StringBuilder sb, string word, ref bool lastWasSpace)
    {
        if (!lastWasSpace)
        {
            sb.Append(' ');
        }
        sb.Append(word).Append(' ');
        lastWasSpace = true;
    }
}
