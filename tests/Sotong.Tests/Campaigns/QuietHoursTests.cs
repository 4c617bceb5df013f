using Sotong.Core.Campaigns;
using Sotong.Core.Common.Time;

namespace Sotong.Tests.Campaigns;

public class QuietHoursTests
{
    private static readonly QuietHours Default = QuietHours.Default;

    /// <summary>A Seoul wall-clock time as the UTC instant it is (Korea keeps +09:00 all year).</summary>
    private static DateTime Seoul(int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 3, day, hour, minute, 0, DateTimeKind.Unspecified), SeoulTime.Zone);

    [Theory]
    [InlineData(10, 9, 0)]
    [InlineData(10, 12, 30)]
    [InlineData(10, 20, 59)]
    [InlineData(10, 8, 0)]
    public void Given_a_time_outside_quiet_hours_Then_it_goes_at_once(int day, int hour, int minute)
    {
        var at = Seoul(day, hour, minute);
        Default.IsQuietAt(at).ShouldBeFalse();
        Default.EarliestSendUtc(at, urgent: false).ShouldBe(at);
    }

    [Theory]
    [InlineData(10, 21, 0)]
    [InlineData(10, 23, 45)]
    public void Given_an_evening_in_quiet_hours_Then_it_is_held_until_eight_the_next_morning(int day, int hour, int minute)
    {
        var held = Default.EarliestSendUtc(Seoul(day, hour, minute), urgent: false);
        held.ShouldBe(Seoul(day + 1, 8));
        SeoulTime.Format(held).ShouldBe($"2026-03-{day + 1:00} 08:00");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 15)]
    [InlineData(7, 59)]
    public void Given_a_night_after_midnight_Then_it_is_held_until_eight_the_same_morning(int hour, int minute)
    {
        Default.IsQuietAt(Seoul(11, hour, minute)).ShouldBeTrue();
        Default.EarliestSendUtc(Seoul(11, hour, minute), urgent: false).ShouldBe(Seoul(11, 8));
    }

    [Fact]
    public void Given_the_end_of_a_month_Then_the_hold_runs_into_the_next_one()
    {
        var lastEvening = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Unspecified), SeoulTime.Zone);
        SeoulTime.Format(Default.EarliestSendUtc(lastEvening, urgent: false)).ShouldBe("2026-04-01 08:00");
    }

    [Fact]
    public void Given_an_urgent_campaign_in_quiet_hours_Then_it_goes_at_once()
    {
        var at = Seoul(10, 23);
        Default.EarliestSendUtc(at, urgent: true).ShouldBe(at);
    }

    [Fact]
    public void Given_a_window_within_one_day_Then_only_that_window_is_quiet()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0), SeoulTime.Zone);
        lunch.EarliestSendUtc(Seoul(10, 11, 59), urgent: false).ShouldBe(Seoul(10, 11, 59));
        lunch.EarliestSendUtc(Seoul(10, 12, 30), urgent: false).ShouldBe(Seoul(10, 13));
        lunch.EarliestSendUtc(Seoul(10, 13), urgent: false).ShouldBe(Seoul(10, 13));
    }

    [Fact]
    public void Given_equal_start_and_end_Then_there_are_no_quiet_hours()
    {
        var none = QuietHours.From(new QuietHoursSettings { Start = "21:00", End = "21:00" });
        none.IsEmpty.ShouldBeTrue();
        none.EarliestSendUtc(Seoul(10, 23), urgent: false).ShouldBe(Seoul(10, 23));
    }

    [Fact]
    public void Given_configured_hours_Then_they_are_read_and_a_bad_value_is_refused()
    {
        var configured = QuietHours.From(new QuietHoursSettings { Start = "22:30", End = "7:00" });
        configured.EarliestSendUtc(Seoul(10, 22, 15), urgent: false).ShouldBe(Seoul(10, 22, 15));
        configured.EarliestSendUtc(Seoul(10, 22, 30), urgent: false).ShouldBe(Seoul(11, 7));
        Should.Throw<InvalidOperationException>(() => QuietHours.From(new QuietHoursSettings { Start = "9pm", End = "08:00" }));
    }
}
