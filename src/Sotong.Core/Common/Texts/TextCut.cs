namespace Sotong.Core.Common.Texts;

/// <summary>
/// Shortening citizens' text to a column or a display length without cutting an emoji (or any character outside the
/// Basic Multilingual Plane) in half: a lone surrogate is not valid UTF-8, so PostgreSQL, XML writers and JSON
/// encoders refuse or mangle it.
/// </summary>
public static class TextCut
{
    /// <summary>At most <paramref name="max"/> UTF-16 units, ending before a surrogate pair rather than inside it.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (text.Length <= max)
        {
            return text;
        }
        var end = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }

    /// <summary>The text, or its first <paramref name="max"/> units (whole characters) and "…" when it is longer.</summary>
    public static string Excerpt(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : Cut(text, max).TrimEnd() + "…";
    }
}
