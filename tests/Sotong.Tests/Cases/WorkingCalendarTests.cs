using Sotong.Core.Cases.Deadlines;

namespace Sotong.Tests.Cases;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new();

    /// <summary>A Korea wall-clock time as the UTC instant the calendar takes.</summary>
    internal static DateTime Kst(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-9);

    // ── Working days ────────────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData(2024, 2, 8, true)]   // Thursday before Seollal
    [InlineData(2024, 2, 9, false)]  // 설날 전날
    [InlineData(2024, 2, 10, false)] // Saturday and 설날
    [InlineData(2024, 2, 12, false)] // substitute
    [InlineData(2024, 2, 13, true)]
    [InlineData(2024, 3, 9, false)]  // Saturday
    [InlineData(2024, 3, 10, false)] // Sunday
    [InlineData(2025, 10, 8, false)] // Chuseok substitute
    [InlineData(2025, 10, 10, true)]
    public void Given_a_day_Then_it_is_a_working_day_unless_weekend_or_holiday(int year, int month, int day, bool working) =>
        Calendar.IsWorkingDay(new DateOnly(year, month, day)).ShouldBe(working);

    [Fact]
    public void Given_extra_holidays_Then_they_are_not_working_days()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarSettings { ExtraHolidays = [new(2024, 4, 10)] });
        calendar.IsWorkingDay(new DateOnly(2024, 4, 10)).ShouldBeFalse();
        Calendar.IsWorkingDay(new DateOnly(2024, 4, 10)).ShouldBeTrue();
        calendar.HolidaysIn(2024).ShouldContain(h => h.Date == new DateOnly(2024, 4, 10) && h.NameKo == "임시공휴일");
    }

    [Fact]
    public void Counting_working_days_excludes_the_first_day_and_includes_the_last() =>
        // Thu Feb 8 2024 → Wed Feb 14: Feb 9–12 are holidays or weekend, so only Feb 13 and 14 count.
        Calendar.CountWorkingDays(new DateOnly(2024, 2, 8), new DateOnly(2024, 2, 14)).ShouldBe(2);

    // ── Working hours ───────────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData(10, 0, 1, 11, 0)]   // inside the morning
    [InlineData(11, 0, 2, 14, 0)]   // across lunch
    [InlineData(10, 0, 2, 12, 0)]   // ends on the start of lunch, not after it
    [InlineData(12, 30, 1, 14, 0)]  // starts during lunch
    [InlineData(7, 0, 1, 10, 0)]    // starts before the office opens
    [InlineData(17, 0, 1, 18, 0)]   // ends on the closing time the same day
    [InlineData(9, 0, 8, 18, 0)]    // a whole day
    public void Given_a_Monday_Then_working_hours_skip_lunch_and_the_night(int hour, int minute, double hours, int endHour, int endMinute) =>
        Calendar.AddWorkingHours(Kst(2024, 3, 4, hour, minute), hours).ShouldBe(Kst(2024, 3, 4, endHour, endMinute));

    [Fact]
    public void Given_Friday_17_00_and_3_working_hours_Then_Monday_11_00() =>
        Calendar.AddWorkingHours(Kst(2024, 3, 8, 17), 3).ShouldBe(Kst(2024, 3, 11, 11));

    [Fact]
    public void Given_an_evening_start_Then_the_count_begins_next_morning() =>
        Calendar.AddWorkingHours(Kst(2024, 3, 4, 20), 1).ShouldBe(Kst(2024, 3, 5, 10));

    [Fact]
    public void Given_a_start_right_before_Seollal_Then_the_holidays_and_substitute_are_skipped() =>
        // Thu Feb 8 2024 17:00: one hour that day, then Feb 9–12 are off, two more hours on Tue Feb 13.
        Calendar.AddWorkingHours(Kst(2024, 2, 8, 17), 3).ShouldBe(Kst(2024, 2, 13, 11));

    [Fact]
    public void Given_a_temporary_holiday_Then_working_hours_skip_it_too()
    {
        var received = Kst(2025, 1, 24, 16); // Friday before Seollal 2025 (Jan 28–30)
        Calendar.AddWorkingHours(received, 8).ShouldBe(Kst(2025, 1, 27, 16));
        var withTemporary = new WorkingCalendar(new WorkingCalendarSettings { ExtraHolidays = [new(2025, 1, 27)] });
        withTemporary.AddWorkingHours(received, 8).ShouldBe(Kst(2025, 1, 31, 16));
    }

    [Fact]
    public void Given_a_fraction_of_an_hour_Then_minutes_are_counted() =>
        Calendar.AddWorkingHours(Kst(2024, 3, 4, 11, 45), 0.5).ShouldBe(Kst(2024, 3, 4, 13, 15));

    [Fact]
    public void Given_zero_hours_Then_the_start_is_returned_and_negative_hours_throw()
    {
        Calendar.AddWorkingHours(Kst(2024, 3, 9, 3), 0).ShouldBe(Kst(2024, 3, 9, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(Kst(2024, 3, 4), -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(Kst(2024, 3, 4), double.NaN));
    }

    [Fact]
    public void Results_are_UTC_and_unspecified_inputs_are_taken_as_UTC_but_local_ones_throw()
    {
        var unspecified = DateTime.SpecifyKind(Kst(2024, 3, 8, 17), DateTimeKind.Unspecified);
        var due = Calendar.AddWorkingHours(unspecified, 3);
        due.Kind.ShouldBe(DateTimeKind.Utc);
        due.ShouldBe(Kst(2024, 3, 11, 11));
        Should.Throw<ArgumentException>(() => Calendar.AddWorkingHours(new DateTime(2024, 3, 8, 8, 0, 0, DateTimeKind.Local), 3));
    }

    [Fact]
    public void Given_custom_hours_without_lunch_Then_they_are_used()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarSettings
        {
            WorkdayStart = new(8, 0),
            WorkdayEnd = new(16, 0),
            LunchStart = new(12, 0),
            LunchEnd = new(12, 0),
        });
        calendar.WorkingDayLength.ShouldBe(TimeSpan.FromHours(8));
        calendar.AddWorkingHours(Kst(2024, 3, 4, 11), 2).ShouldBe(Kst(2024, 3, 4, 13));
        calendar.AddWorkingHours(Kst(2024, 3, 4, 15), 2).ShouldBe(Kst(2024, 3, 5, 9));
        calendar.AddWorkingDays(Kst(2024, 3, 4, 10), 1).ShouldBe(Kst(2024, 3, 4, 16));
    }

    [Fact]
    public void The_default_working_day_is_8_hours() => Calendar.WorkingDayLength.ShouldBe(TimeSpan.FromHours(8));

    [Theory]
    [InlineData(18, 0, 9, 0, 12, 0, 13, 0)]  // ends before it starts
    [InlineData(9, 0, 18, 0, 13, 0, 12, 0)]  // lunch ends before it starts
    [InlineData(9, 0, 18, 0, 8, 0, 9, 30)]   // lunch outside the day
    public void Given_inconsistent_hours_Then_the_calendar_refuses_them(int sh, int sm, int eh, int em, int lsh, int lsm, int leh, int lem) =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(new WorkingCalendarSettings
        {
            WorkdayStart = new(sh, sm),
            WorkdayEnd = new(eh, em),
            LunchStart = new(lsh, lsm),
            LunchEnd = new(leh, lem),
        }));

    // ── Working days (periods of 6 days or more) ─────────────────────────────────────────────────────────────────

    [Fact]
    public void Given_the_statute_Then_the_day_of_receipt_is_day_one() =>
        // Mon Mar 4 (1) … Fri Mar 8 (5), Mon Mar 11 (6), Tue Mar 12 (7), at the close of the office.
        Calendar.AddWorkingDays(Kst(2024, 3, 4, 10), 7).ShouldBe(Kst(2024, 3, 12, 18));

    [Fact]
    public void Given_receipt_day_not_counted_Then_the_count_starts_the_next_day()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarSettings { ReceiptDayCounts = false });
        calendar.AddWorkingDays(Kst(2024, 3, 4, 10), 7).ShouldBe(Kst(2024, 3, 13, 18));
        // Across Seollal: received Thu Feb 8 2024; Feb 9–12 are off, so day 1 is Tue Feb 13.
        calendar.AddWorkingDays(Kst(2024, 2, 8, 10), 1).ShouldBe(Kst(2024, 2, 13, 18));
    }

    [Fact]
    public void Given_a_Saturday_receipt_Then_day_one_is_Monday() =>
        Calendar.AddWorkingDays(Kst(2024, 3, 9, 11), 7).ShouldBe(Kst(2024, 3, 19, 18));

    [Fact]
    public void Given_a_receipt_just_after_midnight_in_Korea_Then_the_Korean_date_counts_not_the_UTC_one()
    {
        // Mon Mar 4 00:30 in Korea is Sun Mar 3 15:30 UTC: Monday is still day 1.
        var received = Kst(2024, 3, 4, 0, 30);
        received.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
        Calendar.AddWorkingDays(received, 1).ShouldBe(Kst(2024, 3, 4, 18));
    }

    [Fact]
    public void Given_Chuseok_2025_Then_seven_days_skip_the_whole_ten_day_break() =>
        // Thu Oct 2 (1); Oct 3 개천절, 4–5 weekend, 6–7 추석, 8 substitute, 9 한글날; Fri 10 (2), 13–17 (3–7).
        Calendar.AddWorkingDays(Kst(2025, 10, 2, 14), 7).ShouldBe(Kst(2025, 10, 17, 18));

    [Fact]
    public void Given_Seollal_2024_Then_fourteen_days_skip_the_holidays() =>
        // Wed Feb 7 (1), Thu 8 (2), Feb 9–12 off, Feb 13–16 (3–6), 19–23 (7–11), 26–28 (12–14).
        Calendar.AddWorkingDays(Kst(2024, 2, 7, 9, 30), 14).ShouldBe(Kst(2024, 2, 28, 18));

    [Fact]
    public void Given_no_days_Then_it_throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Kst(2024, 3, 4), 0));

    // ── DueAt ───────────────────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Given_7_days_Then_due_at_the_close_of_the_7th_working_day() =>
        Calendar.DueAt(Kst(2024, 3, 4, 10), ComplaintPeriod.OfDays(7)).ShouldBe(Kst(2024, 3, 12, 18));

    [Fact]
    public void Given_14_days_across_a_holiday_Then_due_at_the_close_of_the_14th_working_day() =>
        Calendar.DueAt(Kst(2024, 2, 7, 9, 30), ComplaintPeriod.OfDays(14)).ShouldBe(Kst(2024, 2, 28, 18));

    [Fact]
    public void Given_immediately_Then_3_working_hours() =>
        Calendar.DueAt(Kst(2024, 3, 8, 17), ComplaintPeriod.Immediately).ShouldBe(Kst(2024, 3, 11, 11));

    [Fact]
    public void Given_3_days_Then_24_working_hours_from_the_moment_of_receipt() =>
        // Mon 10:00: 7 h Monday, 8 h Tuesday, 8 h Wednesday, 1 h Thursday.
        Calendar.DueAt(Kst(2024, 3, 4, 10), ComplaintPeriod.OfDays(3)).ShouldBe(Kst(2024, 3, 7, 10));

    [Fact]
    public void Given_5_days_Then_hours_and_6_days_Then_days()
    {
        var received = Kst(2024, 3, 4, 15); // Monday afternoon
        Calendar.DueAt(received, ComplaintPeriod.OfDays(5)).ShouldBe(Kst(2024, 3, 11, 15)); // 40 working hours
        Calendar.DueAt(received, ComplaintPeriod.OfDays(6)).ShouldBe(Kst(2024, 3, 11, 18)); // Mon (1) … Mon (6)
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 3)]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, double.NaN)]
    [InlineData(0, double.PositiveInfinity)]
    public void Given_a_malformed_period_Then_it_throws(int days, double hours) =>
        Should.Throw<ArgumentException>(() => Calendar.DueAt(Kst(2024, 3, 4, 10), new ComplaintPeriod(days, hours)));

    // ── WorkingTimeBetween ──────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void A_whole_day_is_8_hours_and_a_weekend_is_nothing()
    {
        Calendar.WorkingTimeBetween(Kst(2024, 3, 4, 9), Kst(2024, 3, 4, 18)).ShouldBe(TimeSpan.FromHours(8));
        Calendar.WorkingTimeBetween(Kst(2024, 3, 4, 0), Kst(2024, 3, 5, 0)).ShouldBe(TimeSpan.FromHours(8));
        Calendar.WorkingTimeBetween(Kst(2024, 3, 8, 18), Kst(2024, 3, 11, 9)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Friday_17_00_to_Monday_11_00_is_3_hours() =>
        Calendar.WorkingTimeBetween(Kst(2024, 3, 8, 17), Kst(2024, 3, 11, 11)).ShouldBe(TimeSpan.FromHours(3));

    [Fact]
    public void Across_Seollal_only_working_days_count() =>
        Calendar.WorkingTimeBetween(Kst(2024, 2, 8, 9), Kst(2024, 2, 13, 9)).ShouldBe(TimeSpan.FromHours(8));

    [Fact]
    public void Lunch_does_not_count() =>
        Calendar.WorkingTimeBetween(Kst(2024, 3, 4, 11, 30), Kst(2024, 3, 4, 13, 30)).ShouldBe(TimeSpan.FromHours(1));

    [Fact]
    public void Backwards_is_negative_and_the_same_instant_is_zero()
    {
        Calendar.WorkingTimeBetween(Kst(2024, 3, 11, 11), Kst(2024, 3, 8, 17)).ShouldBe(TimeSpan.FromHours(-3));
        Calendar.WorkingTimeBetween(Kst(2024, 3, 4, 10), Kst(2024, 3, 4, 10)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Working_time_between_undoes_adding_working_hours()
    {
        var starts = new[] { Kst(2024, 2, 8, 17), Kst(2024, 3, 8, 12, 15), Kst(2025, 10, 2, 23), Kst(2025, 5, 2, 8, 59) };
        foreach (var start in starts)
        {
            foreach (var hours in new[] { 0.25, 1, 3, 7.5, 24, 40 })
            {
                var end = Calendar.AddWorkingHours(start, hours);
                Calendar.WorkingTimeBetween(start, end).ShouldBe(TimeSpan.FromHours(hours), $"{start:O} + {hours} h");
            }
        }
    }
}
