using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Sotong.Core.Common.Time;

namespace Sotong.Core.Open311.Formats;

/// <summary>
/// What every GeoReport call carries besides its own arguments: the format from the URL's extension, the language
/// of names and notices, and the jurisdiction (this server serves one).
/// </summary>
public sealed record Open311Call(Open311Format Format, bool English)
{
    /// <summary>
    /// Reads the call. An unknown format is a 404 (the resource does not exist in that format); a jurisdiction_id other
    /// than the configured one is the spec's "404 - jurisdiction_id provided was not found". English is chosen by
    /// <c>locale=en…</c> (query or form) or, without it, by an <c>Accept-Language</c> whose first Korean-or-English
    /// choice is English; Korean otherwise.
    /// </summary>
    public static Open311Call From(HttpRequest request, string? format, Open311Options options, IFormCollection? form = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!TryParseFormat(format, out var parsed))
        {
            throw Open311Exception.NotFound($"Format '{format}' is not served; use .xml or .json.");
        }
        var jurisdiction = Argument(request, "jurisdiction_id", form);
        if (jurisdiction is not null && !string.IsNullOrEmpty(options.JurisdictionId)
            && !string.Equals(jurisdiction, options.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            throw Open311Exception.NotFound($"jurisdiction_id '{jurisdiction}' was not found; this endpoint serves '{options.JurisdictionId}'.");
        }
        return new Open311Call(parsed, WantsEnglish(request, Argument(request, "locale", form)));
    }

    public static bool TryParseFormat(string? format, out Open311Format parsed)
    {
        switch (format?.ToLowerInvariant())
        {
            case "xml":
                parsed = Open311Format.Xml;
                return true;
            case "json":
                parsed = Open311Format.Json;
                return true;
            default:
                parsed = Open311Format.Xml;
                return false;
        }
    }

    /// <summary>
    /// An argument from the query string (or the form of a POST). Per the spec an empty argument is the same as an
    /// absent one, so both are null.
    /// </summary>
    /// <summary>A comma-separated query argument, which the spec also lets clients repeat; distinct values in order.</summary>
    public static List<string> ListArgument(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
    }

    public static string? Argument(HttpRequest request, string name, IFormCollection? form = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? value = form is not null && form.TryGetValue(name, out var f) ? f.ToString() : null;
        if (string.IsNullOrWhiteSpace(value) && request.Query.TryGetValue(name, out var q))
        {
            value = q.ToString();
        }
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool WantsEnglish(HttpRequest request, string? locale)
    {
        if (locale is not null)
        {
            return locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "");
        foreach (var language in accepted)
        {
            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (language.StartsWith("ko", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return false;
    }
}

/// <summary>Settings under <c>Open311</c> in configuration.</summary>
public sealed class Open311Options
{
    /// <summary>When set, a request naming another jurisdiction_id is answered 404; when empty, the argument is ignored.</summary>
    public string JurisdictionId { get; set; } = "";

    /// <summary>Discovery's <c>contact</c>.</summary>
    public string Contact { get; set; } = "Sotong Open311 API: ask the city's Sotong administrators (the IT or communications division).";

    /// <summary>Discovery's <c>key_service</c>.</summary>
    public string KeyService { get; set; } = "API keys for POST requests are issued by the city's Sotong administrators (Administration → Open311 keys, or POST /api/v1/open311/keys).";

    /// <summary>Discovery's endpoint <c>type</c>: production or test.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>The largest form a client may POST (a 4,000-character description fits many times over).</summary>
    public long MaxPostBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// Date-times as the spec wants them (the W3C profile of ISO 8601, with an offset): written in Seoul time with
/// <c>+09:00</c>; read with <c>Z</c> or any offset, and without one as Seoul time.
/// </summary>
public static partial class W3cTime
{
    public static string Format(DateTime utc) => SeoulTime.Iso(utc);

    public static string? Format(DateTime? utc) => utc is { } v ? SeoulTime.Iso(v) : null;

    [GeneratedRegex(@"(Z|[+\-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Offset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+\-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex W3c();

    /// <summary>The instant in UTC, or a 400 naming the argument.</summary>
    public static DateTime? Parse(string? value, string argument)
    {
        if (value is null)
        {
            return null;
        }
        // A '+' in a query string that was not encoded arrives as a space.
        var text = value.Replace(' ', '+');
        if (!W3c().IsMatch(text))
        {
            throw Open311Exception.BadRequest($"{argument} must be a W3C date-time such as 2026-01-01T00:00:00+09:00.");
        }
        if (Offset().IsMatch(text) && text.Contains('T', StringComparison.Ordinal))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return withOffset.UtcDateTime;
            }
        }
        else if (DateTime.TryParse(Offset().Replace(text, ""), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // No offset (or a date alone): a Seoul wall-clock time.
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), SeoulTime.Zone);
        }
        throw Open311Exception.BadRequest($"{argument} must be a W3C date-time such as 2026-01-01T00:00:00+09:00.");
    }
}

/// <summary>
/// The span a list covers: "Default query limit is a span of 90 days or first 1000 requests returned, whichever is
/// smallest", and a given range "may not span more than 90 days".
/// </summary>
public sealed record Open311Window(DateTime FromUtc, DateTime ToUtc)
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);
    public const int MaxResults = 1000;

    public static Open311Window From(HttpRequest request, DateTime nowUtc)
    {
        var start = W3cTime.Parse(Open311Call.Argument(request, "start_date"), "start_date");
        var end = W3cTime.Parse(Open311Call.Argument(request, "end_date"), "end_date");
        var (from, to) = (start, end) switch
        {
            (null, null) => (nowUtc - MaxSpan, nowUtc),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            ({ } s, { } e) => (s, e),
        };
        if (to < from)
        {
            throw Open311Exception.BadRequest("end_date must not be before start_date.");
        }
        if (to - from > MaxSpan)
        {
            throw Open311Exception.BadRequest("start_date and end_date may not span more than 90 days.");
        }
        return new Open311Window(from, to);
    }
}
