namespace Sotong.Core.Common.Time;

/// <summary>Instants are stored in UTC; people read them in Asia/Seoul. Only the UI edge calls this.</summary>
public static class SeoulTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static DateTime ToSeoul(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc) => ToSeoul(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateTime utc) => ToSeoul(utc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The UTC instant a Seoul calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The instant as Seoul's wall clock with its +09:00 offset (CAP documents, feeds).</summary>
    public static DateTimeOffset WithOffset(DateTime utc) => new(ToSeoul(utc), Zone.BaseUtcOffset);

    /// <summary>ISO 8601 with the +09:00 offset, for feeds and APIs that want local time.</summary>
    public static string Iso(DateTime utc) => WithOffset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
