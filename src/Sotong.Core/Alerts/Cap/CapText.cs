using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Sotong.Core.Alerts.Cap;

/// <summary>The lexical forms CAP 1.2 gives its values inside element text: times, coordinates, the space-separated lists.</summary>
internal static partial class CapText
{
    /// <summary>CAP's only time form: no fractional seconds, and a numeric offset where xs:dateTime would also allow "Z" or none.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    public static string FormatTime(DateTimeOffset time)
    {
        var local = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        var offset = time.Offset;
        // CAP writes UTC as -00:00; "Z" is not allowed.
        var sign = offset > TimeSpan.Zero ? '+' : '-';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{local}{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }

    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is not null && TimePattern().IsMatch(text)
            && DateTimeOffset.TryParseExact(text, "yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static string FormatNumber(double value) =>
        value == 0 ? "0" : value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        return NumberPattern().IsMatch(text) && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsLanguageTag(string text) => LanguagePattern().IsMatch(text);

    /// <summary>A full absolute URI with its scheme written out (on Unix, Uri alone takes "/path" as an absolute file URI).</summary>
    public static bool IsAbsoluteUri(string text) =>
        SchemePattern().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out _);

    /// <summary>identifier and sender: the specification forbids spaces, commas and the XML-reserved &lt; and &amp;.</summary>
    public static bool IsToken(string? text) =>
        !string.IsNullOrEmpty(text) && !text.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&');

    /// <summary>Whether every character may appear in an XML 1.0 document (XmlWriter throws on the rest).</summary>
    public static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>addresses and incidents: items separated by spaces, an item with spaces inside double quotes.</summary>
    public static string FormatList(IEnumerable<string> items) =>
        string.Join(' ', items.Select(i => i.IndexOfAny(Whitespace) >= 0 ? $"\"{i}\"" : i));

    public static List<string> ParseList(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                if (quoted)
                {
                    items.Add(current.ToString());
                    current.Clear();
                }

                quoted = !quoted;
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    items.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            items.Add(current.ToString());
        }

        return items;
    }

    public static string FormatReference(CapReference r) => $"{r.Sender},{r.Identifier},{FormatTime(r.Sent)}";

    /// <summary>Parses <c>references</c>; the error names the first triple that is not <c>sender,identifier,sent</c>.</summary>
    public static List<CapReference> ParseReferences(string text, out string? error)
    {
        error = null;
        var references = new List<CapReference>();
        foreach (var triple in text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = triple.Split(',');
            if (parts.Length != 3 || !IsToken(parts[0]) || !IsToken(parts[1]))
            {
                error = $"'{triple}' is not a sender,identifier,sent triple";
                return references;
            }

            if (!TryParseTime(parts[2], out var sent))
            {
                error = $"'{triple}' has a sent time not in the form YYYY-MM-DDThh:mm:ss±hh:mm";
                return references;
            }

            references.Add(new CapReference(parts[0], parts[1], sent));
        }

        if (references.Count == 0)
        {
            error = "references is empty";
        }

        return references;
    }

    public static string FormatPoint(CapPoint p) => $"{FormatNumber(p.Latitude)},{FormatNumber(p.Longitude)}";

    public static string FormatPolygon(IEnumerable<CapPoint> points) => string.Join(' ', points.Select(FormatPoint));

    public static string FormatCircle(CapCircle c) => $"{FormatPoint(c.Center)} {FormatNumber(c.RadiusKm)}";

    public static bool TryParsePoint(string text, out CapPoint point)
    {
        point = default;
        var parts = text.Split(',');
        if (parts.Length != 2 || !TryParseNumber(parts[0], out var lat) || !TryParseNumber(parts[1], out var lon))
        {
            return false;
        }

        point = new CapPoint(lat, lon);
        return true;
    }

    public static List<CapPoint>? ParsePolygon(string text)
    {
        var points = new List<CapPoint>();
        foreach (var pair in text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParsePoint(pair, out var point))
            {
                return null;
            }

            points.Add(point);
        }

        return points;
    }

    public static CapCircle? ParseCircle(string text)
    {
        var parts = text.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && TryParsePoint(parts[0], out var center) && TryParseNumber(parts[1], out var radius)
            ? new CapCircle(center, radius)
            : null;
    }

    public static bool InRange(CapPoint p) =>
        p.Latitude is >= -90 and <= 90 && p.Longitude is >= -180 and <= 180;
}
