using System.Globalization;
using Sotong.Core.Cases.Deadlines;

namespace Sotong.Tests.Cases;

public class KoreanHolidaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static string[] Listing(int year, IEnumerable<DateOnly>? extra = null) =>
        [.. KoreanHolidays.For(year, extra).Select(h => $"{h.Date:MM-dd} {h.NameKo}")];

    private static DateOnly[] Substitutes(int year) =>
        [.. KoreanHolidays.For(year).Where(h => h.Substitute).Select(h => h.Date)];

    private static DateOnly[] Named(int year, string nameKo) =>
        [.. KoreanHolidays.For(year).Where(h => h.NameKo == nameKo).Select(h => h.Date)];

    [Fact]
    public void Given_2024_Then_the_official_calendar()
    {
        Listing(2024).ShouldBe(
        [
            "01-01 신정",
            "02-09 설날 전날", "02-10 설날", "02-11 설날 다음날",
            "02-12 대체공휴일(설날)",              // Feb 11 is a Sunday
            "03-01 삼일절",
            "05-05 어린이날", "05-06 대체공휴일(어린이날)", // a Sunday
            "05-15 부처님오신날",
            "06-06 현충일",
            "08-15 광복절",
            "09-16 추석 전날", "09-17 추석", "09-18 추석 다음날",
            "10-03 개천절",
            "10-09 한글날",
            "12-25 성탄절",
        ]);
    }

    [Fact]
    public void Given_2025_Then_the_official_calendar()
    {
        Listing(2025).ShouldBe(
        [
            "01-01 신정",
            "01-28 설날 전날", "01-29 설날", "01-30 설날 다음날",
            "03-01 삼일절", "03-03 대체공휴일(삼일절)",    // a Saturday, since 2021 a substitute
            "05-05 어린이날", "05-05 부처님오신날",
            "05-06 대체공휴일(어린이날·부처님오신날)",    // two holidays on one Monday: one substitute
            "06-06 현충일",
            "08-15 광복절",
            "10-03 개천절",
            "10-05 추석 전날", "10-06 추석", "10-07 추석 다음날",
            "10-08 대체공휴일(추석)",                  // Oct 5 is a Sunday; Oct 9 is 한글날 anyway
            "10-09 한글날",
            "12-25 성탄절",
        ]);
    }

    [Fact]
    public void Given_2023_Then_the_official_calendar()
    {
        Listing(2023).ShouldBe(
        [
            "01-01 신정",
            "01-21 설날 전날", "01-22 설날", "01-23 설날 다음날",
            "01-24 대체공휴일(설날)",                  // Jan 22 is a Sunday
            "03-01 삼일절",
            "05-05 어린이날",
            "05-27 부처님오신날", "05-29 대체공휴일(부처님오신날)", // a Saturday, the 2023 amendment's first use
            "06-06 현충일",
            "08-15 광복절",
            "09-28 추석 전날", "09-29 추석", "09-30 추석 다음날", // Sep 30 is a Saturday: no substitute
            "10-03 개천절",
            "10-09 한글날",
            "12-25 성탄절",                           // a Monday
        ]);
    }

    [Fact]
    public void Given_2026_Then_the_official_calendar()
    {
        Listing(2026).ShouldBe(
        [
            "01-01 신정",
            "02-16 설날 전날", "02-17 설날", "02-18 설날 다음날",
            "03-01 삼일절", "03-02 대체공휴일(삼일절)",          // Sunday
            "05-05 어린이날",
            "05-24 부처님오신날", "05-25 대체공휴일(부처님오신날)", // Sunday
            "06-06 현충일",                                    // Saturday, but 현충일 gets no substitute
            "08-15 광복절", "08-17 대체공휴일(광복절)",          // Saturday
            "09-24 추석 전날", "09-25 추석", "09-26 추석 다음날", // Saturday does not trigger one
            "10-03 개천절", "10-05 대체공휴일(개천절)",          // Saturday
            "10-09 한글날",
            "12-25 성탄절",
        ]);
    }

    [Fact]
    public void Given_2021_Then_national_days_get_substitutes_from_Liberation_Day_on()
    {
        Substitutes(2021).ShouldBe([D(2021, 8, 16), D(2021, 10, 4), D(2021, 10, 11)]);
        Named(2021, "설날").ShouldBe([D(2021, 2, 12)]); // Feb 13, the day after, is a Saturday: no substitute
    }

    [Theory]
    [InlineData(2020, 8, 15)] // 광복절 on a Saturday, before the 2021 rule (the 2020-08-17 holiday was a temporary one)
    [InlineData(2022, 5, 8)]  // 부처님오신날 on a Sunday, before the 2023 rule
    [InlineData(2022, 12, 25)] // 성탄절 on a Sunday, before the 2023 rule
    [InlineData(2026, 6, 6)]  // 현충일 never gets one
    public void Given_a_weekend_holiday_before_its_rule_Then_no_substitute_follows(int year, int month, int day)
    {
        var date = D(year, month, day);
        date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        KoreanHolidays.For(year).Where(h => h.Substitute && h.Date > date && h.Date <= date.AddDays(3)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2014, "2014-09-10")] // Chuseok Sep 7 (Sun)–9: the first substitute holiday ever
    [InlineData(2017, "2017-01-30,2017-10-06")] // Seollal ends on a Sunday; Chuseok Oct 3–5 overlaps 개천절
    [InlineData(2018, "2018-05-07,2018-09-26")] // Children's Day on a Saturday; Chuseok starts on a Sunday
    [InlineData(2019, "2019-05-06")]
    [InlineData(2020, "2020-01-27")]
    [InlineData(2022, "2022-09-12,2022-10-10")] // Chuseok ends on a Sunday; 한글날 on a Sunday
    [InlineData(2024, "2024-02-12,2024-05-06")]
    [InlineData(2027, "2027-02-09,2027-08-16,2027-10-04,2027-10-11,2027-12-27")] // 성탄절 on a Saturday
    public void Given_a_year_Then_its_substitutes_are_the_official_ones(int year, string expected) =>
        Substitutes(year).ShouldBe([.. expected.Split(',').Select(s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture))]);

    [Theory]
    [InlineData(2014, "2014-01-31", "2014-05-06", "2014-09-08")]
    [InlineData(2015, "2015-02-19", "2015-05-25", "2015-09-27")]
    [InlineData(2016, "2016-02-08", "2016-05-14", "2016-09-15")]
    [InlineData(2017, "2017-01-28", "2017-05-03", "2017-10-04")]
    [InlineData(2018, "2018-02-16", "2018-05-22", "2018-09-24")]
    [InlineData(2019, "2019-02-05", "2019-05-12", "2019-09-13")]
    [InlineData(2020, "2020-01-25", "2020-04-30", "2020-10-01")] // leap 4th month: Buddha's Birthday is in the first 4th month
    [InlineData(2021, "2021-02-12", "2021-05-19", "2021-09-21")]
    [InlineData(2022, "2022-02-01", "2022-05-08", "2022-09-10")]
    [InlineData(2023, "2023-01-22", "2023-05-27", "2023-09-29")] // leap 2nd month
    [InlineData(2024, "2024-02-10", "2024-05-15", "2024-09-17")]
    [InlineData(2025, "2025-01-29", "2025-05-05", "2025-10-06")] // leap 6th month
    [InlineData(2026, "2026-02-17", "2026-05-24", "2026-09-25")]
    [InlineData(2027, "2027-02-07", "2027-05-13", "2027-09-15")]
    public void Given_a_year_Then_the_lunar_holidays_match_the_official_calendar(int year, string seollal, string buddha, string chuseok)
    {
        static DateOnly P(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Named(year, "설날").ShouldBe([P(seollal)]);
        Named(year, "설날 전날").ShouldBe([P(seollal).AddDays(-1)]);
        Named(year, "설날 다음날").ShouldBe([P(seollal).AddDays(1)]);
        Named(year, "부처님오신날").ShouldBe([P(buddha)]);
        Named(year, "추석").ShouldBe([P(chuseok)]);
        Named(year, "추석 전날").ShouldBe([P(chuseok).AddDays(-1)]);
        Named(year, "추석 다음날").ShouldBe([P(chuseok).AddDays(1)]);
    }

    [Theory]
    [InlineData(2020, 5)] // the leap month repeats the 4th (index 5)
    [InlineData(2023, 3)] // repeats the 2nd
    [InlineData(2025, 7)] // repeats the 6th
    [InlineData(2024, 0)]
    public void Leap_years_in_the_tests_really_have_the_leap_month_they_claim(int year, int leapIndex) =>
        new KoreanLunisolarCalendar().GetLeapMonth(year).ShouldBe(leapIndex);

    [Fact]
    public void Given_a_leap_month_before_the_date_Then_the_month_index_is_shifted()
    {
        // 2025: leap 6th month. Lunar 8/15 must be the real 8th month (index 9), not the 7th (index 8, a month earlier).
        KoreanHolidays.FromLunar(2025, 8, 15).ShouldBe(D(2025, 10, 6));
        KoreanHolidays.FromLunar(2025, 4, 8).ShouldBe(D(2025, 5, 5));
        // 2020: leap 4th month. Lunar 4/8 is the first 4th month, not the leap one a month later.
        KoreanHolidays.FromLunar(2020, 4, 8).ShouldBe(D(2020, 4, 30));
    }

    [Fact]
    public void Given_extra_days_Then_they_are_listed_as_extra_holidays()
    {
        // 2024: the National Assembly election (Apr 10) and the temporary holiday for Armed Forces Day (Oct 1).
        var holidays = KoreanHolidays.For(2024, [D(2024, 10, 1), D(2024, 4, 10), D(2023, 10, 2)]);
        var extra = holidays.Where(h => h.NameKo == KoreanHolidays.ExtraNameKo).ToList();
        extra.Select(h => h.Date).ShouldBe([D(2024, 4, 10), D(2024, 10, 1)]); // the 2023 day is ignored
        extra.ShouldAllBe(h => !h.Substitute && h.NameEn == KoreanHolidays.ExtraNameEn);
        holidays.Select(h => h.Date).ShouldBeInOrder();
    }

    [Fact]
    public void Given_an_extra_day_that_is_already_a_holiday_Then_it_is_not_listed_twice_and_moves_nothing()
    {
        // An administrator pasting the official list, substitute included.
        var holidays = KoreanHolidays.For(2024, [D(2024, 2, 12), D(2024, 2, 10), D(2024, 2, 12)]);
        holidays.Count(h => h.Date == D(2024, 2, 12)).ShouldBe(1);
        holidays.Single(h => h.Date == D(2024, 2, 12)).Substitute.ShouldBeTrue();
        holidays.ShouldNotContain(h => h.Date == D(2024, 2, 13));
        holidays.Count.ShouldBe(KoreanHolidays.For(2024).Count);
    }

    [Fact]
    public void Given_a_year_outside_the_supported_range_Then_it_throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => KoreanHolidays.For(KoreanHolidays.MinYear - 1));
        Should.Throw<ArgumentOutOfRangeException>(() => KoreanHolidays.For(KoreanHolidays.MaxYear + 1));
    }

    [Fact]
    public void Every_supported_year_is_well_formed()
    {
        for (var year = KoreanHolidays.MinYear; year <= KoreanHolidays.MaxYear; year++)
        {
            var holidays = KoreanHolidays.For(year);
            holidays.ShouldAllBe(h => h.Date.Year == year);
            holidays.Select(h => h.Date).ShouldBeInOrder();
            holidays.Count(h => !h.Substitute).ShouldBe(15, $"{year}");

            var substitutes = holidays.Where(h => h.Substitute).ToList();
            substitutes.ShouldAllBe(h => h.Date.DayOfWeek != DayOfWeek.Saturday && h.Date.DayOfWeek != DayOfWeek.Sunday);
            substitutes.ShouldAllBe(h => holidays.Count(o => o.Date == h.Date) == 1, $"{year}: a substitute shares its day");

            foreach (var name in new[] { "설날", "추석" })
            {
                var main = holidays.Single(h => h.NameKo == name).Date;
                holidays.Single(h => h.NameKo == $"{name} 전날").Date.ShouldBe(main.AddDays(-1));
                holidays.Single(h => h.NameKo == $"{name} 다음날").Date.ShouldBe(main.AddDays(1));
            }
            holidays.Single(h => h.NameKo == "설날").Date.ShouldBeInRange(D(year, 1, 21), D(year, 2, 20));
            holidays.Single(h => h.NameKo == "추석").Date.ShouldBeInRange(D(year, 9, 7), D(year, 10, 8));
        }
    }
}
