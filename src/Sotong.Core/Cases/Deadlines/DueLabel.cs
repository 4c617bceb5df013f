using System.Globalization;

namespace Sotong.Core.Cases.Deadlines;

/// <summary>
/// How close a deadline is, for case lists and the case page, in Korean and English. Both numbers count working time
/// only, because that is what the officer has left to answer in: a Friday-evening view of a Monday deadline is "D-1".
/// </summary>
/// <param name="Overdue">The deadline has passed (now is after it; at the due instant itself it has not).</param>
/// <param name="Days">
/// Not overdue: the D-day, the number of working days from today (Korea time) to the due day, 0 when due today. It
/// counts the working days after today and before the due day, plus the due day itself. Overdue: the working days after
/// the due day up to and including today, 0 when it passed today or no working day has begun since.
/// </param>
/// <param name="Hours">Whole working hours in <paramref name="WorkingTime"/>, rounded down.</param>
/// <param name="WorkingTime">Working time left until the deadline or, when overdue, passed since it (never negative).</param>
/// <param name="Korean">
/// "오늘 마감, 3시간 남음" (due today); "D-2, 19시간 남음" (due in 2 working days, 19 working hours left; the hours are the
/// whole time left, not the part beyond the days, so the two never contradict each other for deadlines at any hour);
/// "기한 2일 초과" (2 working days overdue); "기한 2시간 초과" (overdue since earlier today); "기한 초과". Under an hour,
/// minutes take the place of hours: "오늘 마감, 40분 남음".
/// </param>
/// <param name="English">The same in English: "Due today, 3 h left", "D-2, 19 h left", "2 days overdue" ("1 day overdue"), "2 h overdue", "Overdue", "Due today, 40 min left".</param>
public sealed record DueLabel(bool Overdue, int Days, int Hours, TimeSpan WorkingTime, string Korean, string English)
{
    /// <summary>Describes <paramref name="dueUtc"/> as seen at <paramref name="nowUtc"/>. Pure: the time is a parameter.</summary>
    public static DueLabel For(DateTime nowUtc, DateTime dueUtc, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = WorkingCalendar.KoreanDate(nowUtc);
        var dueDay = WorkingCalendar.KoreanDate(dueUtc);
        var left = calendar.WorkingTimeBetween(nowUtc, dueUtc);
        var overdue = nowUtc > dueUtc;

        if (overdue)
        {
            var passed = left.Negate();
            var daysOver = calendar.CountWorkingDays(dueDay, today);
            var hoursOver = WholeHours(passed);
            var (ko, en) = (daysOver, hoursOver) switch
            {
                ( > 0, _) => (Invariant($"기한 {daysOver}일 초과"), Invariant($"{daysOver} {(daysOver == 1 ? "day" : "days")} overdue")),
                (_, > 0) => (Invariant($"기한 {hoursOver}시간 초과"), Invariant($"{hoursOver} h overdue")),
                _ => ("기한 초과", "Overdue"),
            };
            return new DueLabel(true, daysOver, hoursOver, passed, ko, en);
        }

        // The due day counts once even when it is not a working day (a hand-set deadline on a Sunday is still "D-1"
        // from Saturday), so only the days strictly between are checked.
        var days = dueDay > today ? calendar.CountWorkingDays(today, dueDay.AddDays(-1)) + 1 : 0;
        var hours = WholeHours(left);
        var (leftKo, leftEn) = left >= TimeSpan.FromHours(1)
            ? (Invariant($"{hours}시간 남음"), Invariant($"{hours} h left"))
            : (Invariant($"{(int)left.TotalMinutes}분 남음"), Invariant($"{(int)left.TotalMinutes} min left"));
        return days == 0
            ? new DueLabel(false, 0, hours, left, $"오늘 마감, {leftKo}", $"Due today, {leftEn}")
            : new DueLabel(false, days, hours, left, Invariant($"D-{days}, {leftKo}"), Invariant($"D-{days}, {leftEn}"));
    }

    private static int WholeHours(TimeSpan time) => (int)Math.Floor(time.TotalHours);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
