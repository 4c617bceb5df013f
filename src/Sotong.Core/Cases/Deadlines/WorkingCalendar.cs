using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Sotong.Core.Cases.Deadlines;

/// <summary>
/// A legal answer period. Exactly one of <paramref name="Days"/> and <paramref name="Hours"/> is above zero: periods are
/// written in days in the law and the city's rules, except "immediately" (즉시), which the Civil Petitions Act defines
/// as 3 working hours.
/// </summary>
public sealed record ComplaintPeriod(int Days, double Hours)
{
    /// <summary>"즉시": 3 working hours unless there is a good reason (민원 처리에 관한 법률 §19③).</summary>
    public static ComplaintPeriod Immediately { get; } = new(0, 3);

    public static ComplaintPeriod OfDays(int days) => new(days, 0);

    public static ComplaintPeriod OfHours(double hours) => new(0, hours);
}

/// <summary>
/// The office hours the deadlines are counted in, all in Korea time. The defaults are the civil service's 09:00–18:00
/// with lunch 12:00–13:00: 8 working hours, the day length the Civil Petitions Act assumes. Set
/// <see cref="LunchStart"/> equal to <see cref="LunchEnd"/> for no lunch break.
/// </summary>
public sealed record WorkingCalendarSettings
{
    public TimeOnly WorkdayStart { get; init; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; init; } = new(18, 0);
    public TimeOnly LunchStart { get; init; } = new(12, 0);
    public TimeOnly LunchEnd { get; init; } = new(13, 0);

    /// <summary>Election days and temporary holidays (임시공휴일) the government declares; see <see cref="KoreanHolidays"/>.</summary>
    public IReadOnlyCollection<DateOnly> ExtraHolidays { get; init; } = [];

    /// <summary>
    /// Whether the day of receipt is day 1 of a period counted in days. The Civil Petitions Act §19② says it is
    /// ("첫날을 산입하되"), unlike the Civil Code's 초일 불산입 (§157); a city whose own rule differs can turn it off.
    /// </summary>
    public bool ReceiptDayCounts { get; init; } = true;
}

/// <summary>
/// Working days and working hours in Korea, for civil-petition deadlines. Inputs and outputs are UTC instants (the
/// database stores UTC); the counting happens in Korea time, a fixed UTC+9 with no daylight saving, so the result does
/// not depend on the server's time-zone data. A <see cref="DateTimeKind.Unspecified"/> input is taken as UTC, because
/// that is how EF Core reads UTC columns back from SQLite; a <see cref="DateTimeKind.Local"/> one is a bug and throws.
/// Pure apart from a per-year holiday cache; safe to share between threads.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The Civil Petitions Act §19①: a day of a period counted in hours is 8 working hours.</summary>
    public const int StatutoryHoursPerDay = 8;

    /// <summary>§19①–②: periods of up to 5 days are counted in hours, longer ones in days.</summary>
    public const int LongestPeriodInHours = 5;

    /// <summary>Korea has kept UTC+9 without daylight saving since 1988.</summary>
    public static TimeSpan KoreaOffset { get; } = TimeSpan.FromHours(9);

    private readonly (TimeSpan Start, TimeSpan End)[] _segments;
    private readonly ILookup<int, DateOnly> _extraByYear;
    private readonly ConcurrentDictionary<int, (IReadOnlyList<Holiday> List, FrozenSet<DateOnly> Days)> _years = new();

    public WorkingCalendar(WorkingCalendarSettings? settings = null)
    {
        Settings = settings ?? new WorkingCalendarSettings();
        var (start, end) = (Settings.WorkdayStart, Settings.WorkdayEnd);
        var (lunchStart, lunchEnd) = (Settings.LunchStart, Settings.LunchEnd);
        if (start >= end || lunchStart > lunchEnd || lunchStart < start || lunchEnd > end)
        {
            throw new ArgumentException(
                "The working day must start before it ends, and lunch must lie inside it and not end before it starts.", nameof(settings));
        }
        _segments = lunchStart == lunchEnd
            ? [(start.ToTimeSpan(), end.ToTimeSpan())]
            : [.. new[] { (start.ToTimeSpan(), lunchStart.ToTimeSpan()), (lunchEnd.ToTimeSpan(), end.ToTimeSpan()) }.Where(s => s.Item1 < s.Item2)];
        WorkingDayLength = TimeSpan.FromTicks(_segments.Sum(s => (s.End - s.Start).Ticks));
        _extraByYear = (Settings.ExtraHolidays ?? []).ToLookup(d => d.Year);
    }

    public WorkingCalendarSettings Settings { get; }

    /// <summary>Working time in one working day (8 hours with the defaults).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>The year's public holidays with this calendar's extra days (for screens listing them).</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => Year(year).List;

    /// <summary>Not a Saturday or Sunday, not a public or substitute holiday, not an extra day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="KoreanHolidays.MinYear"/>..<see cref="KoreanHolidays.MaxYear"/>.</exception>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Year(day.Year).Days.Contains(day);

    /// <summary>How many working days fall after <paramref name="afterDay"/> up to and including <paramref name="throughDay"/> (0 when none, or when the range is empty).</summary>
    public int CountWorkingDays(DateOnly afterDay, DateOnly throughDay)
    {
        var count = 0;
        for (var day = afterDay.AddDays(1); day <= throughDay; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// The instant when <paramref name="hours"/> of working time have passed since <paramref name="startUtc"/>. A start
    /// outside working time begins at the next working moment. A result that lands on the end of a stretch of work
    /// stays there (17:00 + 1 h is 18:00 the same day, not 09:00 the next), because that is when the time is used up.
    /// Zero hours returns the start unchanged.
    /// </summary>
    public DateTime AddWorkingHours(DateTime startUtc, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Working hours must be zero or more.");
        }
        var start = AsUtc(startUtc);
        var remaining = TimeSpan.FromHours(hours);
        if (remaining == TimeSpan.Zero)
        {
            return start;
        }

        var local = ToKoreanTime(start);
        var day = DateOnly.FromDateTime(local);
        var from = local.TimeOfDay;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (segmentStart, segmentEnd) in _segments)
                {
                    var begin = from > segmentStart ? from : segmentStart;
                    if (begin >= segmentEnd)
                    {
                        continue;
                    }
                    var available = segmentEnd - begin;
                    if (remaining <= available)
                    {
                        return FromKoreanTime(day.ToDateTime(TimeOnly.MinValue) + begin + remaining);
                    }
                    remaining -= available;
                }
            }
            day = day.AddDays(1);
            from = TimeSpan.Zero;
        }
    }

    /// <summary>
    /// The end of the working day (<see cref="WorkingCalendarSettings.WorkdayEnd"/>, Korea time) of the
    /// <paramref name="days"/>-th working day. Day 1 is the first working day on or after the day of receipt when
    /// <see cref="WorkingCalendarSettings.ReceiptDayCounts"/> (the statute), or strictly after it otherwise. The day of
    /// receipt is its Korea-time date whatever the hour: the statute counts the first day without regard to the time.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var day = KoreanDate(startUtc);
        if (!Settings.ReceiptDayCounts)
        {
            day = day.AddDays(1);
        }
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(day) && ++counted == days)
            {
                return FromKoreanTime(day.ToDateTime(Settings.WorkdayEnd));
            }
            day = day.AddDays(1);
        }
    }

    /// <summary>
    /// When the answer to a complaint received at <paramref name="receivedUtc"/> is due. Following the Civil Petitions
    /// Act §19: a period of up to <see cref="LongestPeriodInHours"/> days runs in working hours from the moment of
    /// receipt, <see cref="StatutoryHoursPerDay"/> hours a day (3 days = 24 working hours); a longer one in working days
    /// (<see cref="AddWorkingDays"/>); a period given in hours in working hours.
    /// </summary>
    /// <exception cref="ArgumentException">Neither or both of Days and Hours are above zero, or one is negative.</exception>
    public DateTime DueAt(DateTime receivedUtc, ComplaintPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period switch
        {
            { Days: > 0 and <= LongestPeriodInHours, Hours: 0d } => AddWorkingHours(receivedUtc, period.Days * StatutoryHoursPerDay),
            { Days: > LongestPeriodInHours, Hours: 0d } => AddWorkingDays(receivedUtc, period.Days),
            { Days: 0, Hours: > 0d } when double.IsFinite(period.Hours) => AddWorkingHours(receivedUtc, period.Hours),
            _ => throw new ArgumentException($"A period has days or hours above zero, not both: {period}.", nameof(period)),
        };
    }

    /// <summary>
    /// Working time between two instants, for reports and "time left" labels. Negative when
    /// <paramref name="toUtc"/> is before <paramref name="fromUtc"/>, so an overdue answer reads as negative time left.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var (from, to) = (AsUtc(fromUtc), AsUtc(toUtc));
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }
        var (localFrom, localTo) = (ToKoreanTime(from), ToKoreanTime(to));
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(localFrom); day <= DateOnly.FromDateTime(localTo); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var (segmentStart, segmentEnd) in _segments)
            {
                var begin = Max(midnight + segmentStart, localFrom);
                var end = Min(midnight + segmentEnd, localTo);
                if (end > begin)
                {
                    total += end - begin;
                }
            }
        }
        return total;
    }

    /// <summary>The date in Korea at a UTC instant: "today" for deadlines and labels.</summary>
    public static DateOnly KoreanDate(DateTime utc) => DateOnly.FromDateTime(ToKoreanTime(utc));

    /// <summary>Korea wall-clock time (Kind Unspecified) at a UTC instant.</summary>
    public static DateTime ToKoreanTime(DateTime utc) => DateTime.SpecifyKind(AsUtc(utc) + KoreaOffset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a Korea wall-clock time.</summary>
    public static DateTime FromKoreanTime(DateTime korean) => DateTime.SpecifyKind(korean - KoreaOffset, DateTimeKind.Utc);

    private (IReadOnlyList<Holiday> List, FrozenSet<DateOnly> Days) Year(int year) =>
        _years.GetOrAdd(year, y =>
        {
            var list = KoreanHolidays.For(y, _extraByYear[y]);
            return (list, list.Select(h => h.Date).ToFrozenSet());
        });

    private static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        DateTimeKind.Local => throw new ArgumentException("Deadlines take UTC instants, not local times.", nameof(instant)),
    };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
