using System.Globalization;
using System.Text;

namespace Sotong.Core.Alerts.Sns;

/// <summary>How an alert's text is shaped for each platform: the exercise mark, the link, each platform's limit.</summary>
internal static class AlertText
{
    public const string ExerciseMark = "[훈련·Exercise]";
    public const string TestMark = "[시험·Test]";

    /// <summary>X's limit in weighted characters (twitter-text configuration v3).</summary>
    public const int XMaxWeighted = 280;

    /// <summary>X shortens every link to a t.co address that counts as 23, whatever its length.</summary>
    public const int XLinkWeight = 23;

    public const int TelegramMaxChars = 4096;
    public const int InstagramMaxChars = 2200;
    public const int FacebookMaxChars = 63_206;

    /// <summary>Kakao's simpleText bubble, which the event block shows the text in, holds 1,000 characters.</summary>
    public const int KakaoMaxChars = 1000;

    private const string Ellipsis = "…";

    public static string? Mark(AlertPost post) => post.IsTest ? TestMark : post.IsExercise ? ExerciseMark : null;

    /// <summary>The text with the exercise or test mark in front, once (an author may have typed it already).</summary>
    public static string Marked(AlertPost post, string text)
    {
        var body = text.Trim().Normalize(NormalizationForm.FormC);
        var mark = Mark(post);
        return mark is null || body.StartsWith(mark, StringComparison.Ordinal) ? body : mark + " " + body;
    }

    /// <summary>The long text, marked, cut to <paramref name="maxChars"/> with the link on its own line after it.</summary>
    public static string WithLink(AlertPost post, int maxChars)
    {
        var link = string.IsNullOrWhiteSpace(post.Link) ? null : post.Link.Trim();
        var tail = link is null ? "" : "\n\n" + link;
        return Cut(Marked(post, post.LongText), maxChars - tail.Length, s => s.Length) + tail;
    }

    /// <summary>
    /// A post for X: the marked long text and the link within 280 weighted characters. When the text does not fit
    /// it is cut at a word boundary with an ellipsis; the link (always whole) carries the reader to the rest.
    /// </summary>
    public static string ForX(AlertPost post)
    {
        var link = string.IsNullOrWhiteSpace(post.Link) ? null : post.Link.Trim();
        var budget = XMaxWeighted - (link is null ? 0 : 1 + XLinkWeight);
        var text = Cut(Marked(post, post.LongText), budget, XWeightedLength);
        return link is null ? text : text + "\n" + link;
    }

    /// <summary>
    /// X's weighted length: code points in Latin and general punctuation ranges count 1, all others (Hangul, CJK,
    /// emoji) 2, after NFC; http(s) links count 23. Emoji sequences count a little more here than on X, which only
    /// errs on the short side.
    /// </summary>
    public static int XWeightedLength(string text)
    {
        var total = 0;
        var normalized = text.Normalize(NormalizationForm.FormC);
        var start = 0;
        while (start < normalized.Length)
        {
            // Links are found between whitespace: a link on its own line counts 23 like one after a space.
            var end = start;
            while (end < normalized.Length && !char.IsWhiteSpace(normalized[end]))
            {
                end++;
            }
            var token = normalized[start..end];
            if (token.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                total += XLinkWeight;
            }
            else
            {
                foreach (var rune in token.EnumerateRunes())
                {
                    total += XWeight(rune.Value);
                }
            }
            if (end < normalized.Length)
            {
                total += XWeight(normalized[end]);
            }
            start = end + 1;
        }
        return total;
    }

    private static int XWeight(int codePoint) => codePoint switch
    {
        <= 4351 => 1,
        >= 8192 and <= 8205 => 1,
        >= 8208 and <= 8223 => 1,
        >= 8242 and <= 8247 => 1,
        _ => 2,
    };

    /// <summary>
    /// The text if it measures at most <paramref name="limit"/>, else its longest head of whole text elements that
    /// does, with an ellipsis, ending at a space when one falls in the last third.
    /// </summary>
    public static string Cut(string text, int limit, Func<string, int> measure)
    {
        if (measure(text) <= limit)
        {
            return text;
        }
        var room = limit - measure(Ellipsis);
        var head = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (measure(head + element) > room)
            {
                break;
            }
            head.Append(element);
        }
        var kept = head.ToString();
        var space = kept.LastIndexOfAny([' ', '\n']);
        if (space > kept.Length * 2 / 3)
        {
            kept = kept[..space];
        }
        return kept.TrimEnd() + Ellipsis;
    }
}
