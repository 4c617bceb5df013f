using System.Globalization;

namespace Sotong.Core.Cases.Deadlines;

/// <summary>
/// One public holiday (공휴일). <paramref name="Substitute"/> marks a substitute holiday (대체공휴일), which exists only
/// because another holiday fell on a weekend or on a second holiday; the UI shows it differently and an officer
/// reading a deadline wants to know why a Monday did not count.
/// </summary>
public sealed record Holiday(DateOnly Date, string NameKo, string NameEn, bool Substitute);

/// <summary>
/// The public holidays of the Korean government offices for a year, as set by the Regulation on Holidays of Government
/// Offices (관공서의 공휴일에 관한 규정) and the Public Holidays Act. Civil-petition deadlines skip these days, so a
/// wrong date here is a wrong legal deadline. Pure: the same year and extra days always give the same list.
/// </summary>
/// <remarks>
/// <para>Sundays are holidays too (§2 1) but are left out of the list: callers treat weekends separately.</para>
/// <para>Substitute holidays (§3), by the rules in force on the date of the holiday:</para>
/// <list type="bullet">
/// <item>Seollal and Chuseok (three days each, since 2014): when one of the days is a Sunday or another public
/// holiday, the first non-holiday weekday after the three days. Saturday does not count: the §3② text names only
/// "another holiday", and Sunday is one (§2 1) while Saturday is not.</item>
/// <item>Children's Day (since 2014); Independence Movement Day, Liberation Day, National Foundation Day and Hangul Day
/// (since Liberation Day 2021); Buddha's Birthday and Christmas (since the amendment of 2023-05-04, first used for
/// Buddha's Birthday 2023): when the day is a Saturday or Sunday, or two of these holidays share the day, one
/// substitute for that day.</item>
/// <item>New Year's Day and Memorial Day never get one.</item>
/// </list>
/// <para>Substitutes are handed out in date order; each takes the first day after its holiday that is not a weekend,
/// not a public holiday and not a substitute already given out.</para>
/// <para>Election days and temporary holidays (임시공휴일) are decided by the government case by case; administrators
/// add them as extra days. Extra days never move a substitute: the government picks them after the statutory
/// calendar is known, and an administrator pasting the official list (which already holds the substitutes) must
/// not shift anything.</para>
/// </remarks>
public static class KoreanHolidays
{
    /// <summary>Substitute holidays began in 2014; earlier years had other holidays (식목일, 제헌절) not modelled here.</summary>
    public const int MinYear = 2014;

    /// <summary><see cref="KoreanLunisolarCalendar"/> stops early in 2051.</summary>
    public const int MaxYear = 2050;

    public const string ExtraNameKo = "임시공휴일";
    public const string ExtraNameEn = "Extra holiday";

    /// <summary>The 2021 amendment gave the four national days substitutes from Liberation Day 2021 on.</summary>
    private static readonly DateOnly NationalDaysSubstituteFrom = new(2021, 8, 15);

    /// <summary>The amendment of 2023-05-04 added Buddha's Birthday and Christmas.</summary>
    private static readonly DateOnly BuddhaAndChristmasSubstituteFrom = new(2023, 5, 4);

    /// <summary>Which substitute rule a statutory holiday follows.</summary>
    private enum Rule
    {
        /// <summary>No substitute (New Year's Day, Memorial Day, or a day whose rule was not yet in force).</summary>
        None,
        /// <summary>One of the three Seollal days (§3②).</summary>
        Seollal,
        /// <summary>One of the three Chuseok days (§3②).</summary>
        Chuseok,
        /// <summary>Substitute when on a Saturday or Sunday or sharing the day with another such holiday (§3①).</summary>
        WeekendOrShared,
    }

    private sealed record Statutory(DateOnly Date, string NameKo, string NameEn, Rule Rule);

    private sealed record Trigger(DateOnly LastDay, string ForKo, string ForEn);

    /// <summary>
    /// The year's holidays in date order (two holidays on one day are two entries). Extra days outside the year are
    /// ignored; an extra day that is already a holiday is not listed twice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</exception>
    public static IReadOnlyList<Holiday> For(int year, IEnumerable<DateOnly>? extraDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        var statutory = StatutoryHolidays(year);
        var holidays = statutory.Select(s => new Holiday(s.Date, s.NameKo, s.NameEn, Substitute: false)).ToList();
        var taken = statutory.Select(s => s.Date).ToHashSet();

        foreach (var trigger in Triggers(statutory).OrderBy(t => t.LastDay))
        {
            var day = trigger.LastDay.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }
            taken.Add(day);
            holidays.Add(new Holiday(day, $"대체공휴일({trigger.ForKo})", $"Substitute holiday ({trigger.ForEn})", Substitute: true));
        }

        foreach (var extra in (extraDays ?? []).Where(d => d.Year == year).Distinct().Order())
        {
            if (taken.Add(extra))
            {
                holidays.Add(new Holiday(extra, ExtraNameKo, ExtraNameEn, Substitute: false));
            }
        }

        // OrderBy is stable, so holidays sharing a day keep the regulation's order.
        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>
    /// The date of a lunar month and day in the given lunar year. <see cref="KoreanLunisolarCalendar"/> numbers a leap
    /// year's months 1..13, the leap month taking the index right after the month it repeats; GetLeapMonth returns that
    /// index (or 0). Lunar month N is index N before the leap month and N + 1 from it on. Lunar 1/1, 4/8 and 8/15 of
    /// lunar year Y all fall in Gregorian year Y.
    /// </summary>
    internal static DateOnly FromLunar(int year, int month, int day)
    {
        var calendar = new KoreanLunisolarCalendar();
        var leap = calendar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The holidays of §2 2–10, in the regulation's order, with the substitute rule in force on each date.</summary>
    private static List<Statutory> StatutoryHolidays(int year)
    {
        var seollal = FromLunar(year, 1, 1);
        var buddha = FromLunar(year, 4, 8);
        var chuseok = FromLunar(year, 8, 15);

        Rule From(DateOnly date, DateOnly inForceFrom) => date >= inForceFrom ? Rule.WeekendOrShared : Rule.None;
        DateOnly On(int month, int day) => new(year, month, day);

        return
        [
            new(On(1, 1), "신정", "New Year's Day", Rule.None),
            new(seollal.AddDays(-1), "설날 전날", "Day before Seollal", Rule.Seollal),
            new(seollal, "설날", "Seollal", Rule.Seollal),
            new(seollal.AddDays(1), "설날 다음날", "Day after Seollal", Rule.Seollal),
            new(On(3, 1), "삼일절", "Independence Movement Day", From(On(3, 1), NationalDaysSubstituteFrom)),
            new(On(5, 5), "어린이날", "Children's Day", Rule.WeekendOrShared),
            new(buddha, "부처님오신날", "Buddha's Birthday", From(buddha, BuddhaAndChristmasSubstituteFrom)),
            new(On(6, 6), "현충일", "Memorial Day", Rule.None),
            new(On(8, 15), "광복절", "Liberation Day", From(On(8, 15), NationalDaysSubstituteFrom)),
            new(chuseok.AddDays(-1), "추석 전날", "Day before Chuseok", Rule.Chuseok),
            new(chuseok, "추석", "Chuseok", Rule.Chuseok),
            new(chuseok.AddDays(1), "추석 다음날", "Day after Chuseok", Rule.Chuseok),
            new(On(10, 3), "개천절", "National Foundation Day", From(On(10, 3), NationalDaysSubstituteFrom)),
            new(On(10, 9), "한글날", "Hangul Day", From(On(10, 9), NationalDaysSubstituteFrom)),
            new(On(12, 25), "성탄절", "Christmas Day", From(On(12, 25), BuddhaAndChristmasSubstituteFrom)),
        ];
    }

    /// <summary>Every holiday, or three-day period, that earns one substitute.</summary>
    private static IEnumerable<Trigger> Triggers(List<Statutory> statutory)
    {
        // §3②: a Seollal or Chuseok day on a Sunday or on another holiday (e.g. Chuseok 2017 and 개천절).
        foreach (var period in statutory.Where(s => IsPeriod(s.Rule)).GroupBy(s => s.Rule))
        {
            var hit = period.Any(s => s.Date.DayOfWeek == DayOfWeek.Sunday
                || statutory.Any(other => other.Rule != s.Rule && other.Date == s.Date));
            if (hit)
            {
                var (ko, en) = PeriodName(period.Key);
                yield return new Trigger(period.Max(s => s.Date), ko, en);
            }
        }

        // §3①: the day of a holiday with the weekend rule, on a weekend or shared with another such holiday
        // (2025-05-05: Children's Day and Buddha's Birthday, one substitute). Sharing with Seollal or Chuseok is
        // §3②'s business, so those days are left out of the count.
        foreach (var day in statutory.Where(s => !IsPeriod(s.Rule)).GroupBy(s => s.Date))
        {
            var eligible = day.Any(s => s.Rule == Rule.WeekendOrShared);
            if (eligible && (IsWeekend(day.Key) || day.Count() > 1))
            {
                yield return new Trigger(day.Key, string.Join("·", day.Select(s => s.NameKo)), string.Join(", ", day.Select(s => s.NameEn)));
            }
        }
    }

    private static bool IsPeriod(Rule rule) => rule switch
    {
        Rule.Seollal or Rule.Chuseok => true,
        Rule.None or Rule.WeekendOrShared => false,
    };

    private static (string Ko, string En) PeriodName(Rule rule) => rule switch
    {
        Rule.Seollal => ("설날", "Seollal"),
        Rule.Chuseok => ("추석", "Chuseok"),
        Rule.None or Rule.WeekendOrShared => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a three-day holiday."),
    };
}
