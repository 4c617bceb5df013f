using Sotong.Core.Cases.Deadlines;
using static Sotong.Tests.Cases.WorkingCalendarTests;

namespace Sotong.Tests.Cases;

public class DueLabelTests
{
    private static readonly WorkingCalendar Calendar = new();

    [Fact]
    public void Given_two_working_days_to_go_Then_D_2_with_the_working_hours_left()
    {
        // Mon 15:00 → Wed 18:00: 3 h today, 8 h Tuesday, 8 h Wednesday.
        var label = DueLabel.For(Kst(2024, 3, 4, 15), Kst(2024, 3, 6, 18), Calendar);
        label.Overdue.ShouldBeFalse();
        label.Days.ShouldBe(2);
        label.Hours.ShouldBe(19);
        label.WorkingTime.ShouldBe(TimeSpan.FromHours(19));
        label.Korean.ShouldBe("D-2, 19시간 남음");
        label.English.ShouldBe("D-2, 19 h left");
    }

    [Fact]
    public void Given_a_deadline_later_today_Then_due_today()
    {
        var label = DueLabel.For(Kst(2024, 3, 4, 15), Kst(2024, 3, 4, 18), Calendar);
        label.Days.ShouldBe(0);
        label.Hours.ShouldBe(3);
        label.Korean.ShouldBe("오늘 마감, 3시간 남음");
        label.English.ShouldBe("Due today, 3 h left");
    }

    [Fact]
    public void Given_less_than_an_hour_Then_minutes()
    {
        var label = DueLabel.For(Kst(2024, 3, 4, 17, 20), Kst(2024, 3, 4, 18), Calendar);
        label.Hours.ShouldBe(0);
        label.Korean.ShouldBe("오늘 마감, 40분 남음");
        label.English.ShouldBe("Due today, 40 min left");
    }

    [Fact]
    public void Given_a_weekend_now_Then_Monday_is_D_1_and_only_Monday_hours_count()
    {
        var label = DueLabel.For(Kst(2024, 3, 9, 10), Kst(2024, 3, 11, 11), Calendar);
        label.Korean.ShouldBe("D-1, 2시간 남음");
        label.English.ShouldBe("D-1, 2 h left");
    }

    [Fact]
    public void Given_Seollal_in_between_Then_the_holidays_count_neither_as_days_nor_hours()
    {
        // Thu Feb 8 2024 10:00 → Tue Feb 13 18:00: 7 h on Thursday (lunch excluded), Feb 9–12 off, 8 h on Tuesday.
        var label = DueLabel.For(Kst(2024, 2, 8, 10), Kst(2024, 2, 13, 18), Calendar);
        label.Days.ShouldBe(1);
        label.Korean.ShouldBe("D-1, 15시간 남음");
    }

    [Fact]
    public void Given_the_due_instant_itself_Then_not_yet_overdue()
    {
        var due = Kst(2024, 3, 4, 18);
        var label = DueLabel.For(due, due, Calendar);
        label.Overdue.ShouldBeFalse();
        label.Korean.ShouldBe("오늘 마감, 0분 남음");
    }

    [Theory]
    [InlineData(7, 10, 1, "기한 1일 초과", "1 day overdue")]
    [InlineData(8, 10, 2, "기한 2일 초과", "2 days overdue")]
    [InlineData(11, 10, 3, "기한 3일 초과", "3 days overdue")] // the weekend in between does not count
    public void Given_working_days_past_the_deadline_Then_days_overdue(int day, int hour, int days, string korean, string english)
    {
        var label = DueLabel.For(Kst(2024, 3, day, hour), Kst(2024, 3, 6, 18), Calendar); // due Wednesday
        label.Overdue.ShouldBeTrue();
        label.Days.ShouldBe(days);
        label.Korean.ShouldBe(korean);
        label.English.ShouldBe(english);
    }

    [Fact]
    public void Given_a_deadline_passed_earlier_today_Then_hours_overdue()
    {
        // Due Mon 11:00, now 14:00: 11–12 and 13–14 are working time.
        var label = DueLabel.For(Kst(2024, 3, 4, 14), Kst(2024, 3, 4, 11), Calendar);
        label.Overdue.ShouldBeTrue();
        label.Days.ShouldBe(0);
        label.WorkingTime.ShouldBe(TimeSpan.FromHours(2));
        label.Korean.ShouldBe("기한 2시간 초과");
        label.English.ShouldBe("2 h overdue");
    }

    [Theory]
    [InlineData(4, 11, 30, 4, 11)] // half an hour after a Monday 11:00 deadline
    [InlineData(9, 10, 0, 8, 18)]  // Saturday after a Friday-evening deadline: no working time has passed
    public void Given_a_deadline_just_passed_Then_simply_overdue(int nowDay, int nowHour, int nowMinute, int dueDay, int dueHour)
    {
        var label = DueLabel.For(Kst(2024, 3, nowDay, nowHour, nowMinute), Kst(2024, 3, dueDay, dueHour), Calendar);
        label.Overdue.ShouldBeTrue();
        label.Days.ShouldBe(0);
        label.Korean.ShouldBe("기한 초과");
        label.English.ShouldBe("Overdue");
    }
}
