using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.OptOut;

namespace Sotong.Tests.Subscribers;

public sealed class OptOutKeywordTests
{
    [Theory]
    [InlineData("수신거부")]
    [InlineData("거부")]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop")]
    [InlineData("stop.")]
    [InlineData("  거부!  ")]
    [InlineData("수신거부.")]
    [InlineData("수신 거부")]
    [InlineData("ＳＴＯＰ")]
    [InlineData("STOP!!")]
    [InlineData("\n수신거부\r\n")]
    public void Given_a_keyword_alone_Then_it_withdraws(string text) => OptOutKeywords.Matches(text).ShouldBeTrue();

    [Theory]
    [InlineData("거부합니다")]
    [InlineData("수신거부 해주세요")]
    [InlineData("stop please")]
    [InlineData("STOPP")]
    [InlineData("거부 거부")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("버스 노선 문의")]
    public void Given_anything_else_Then_it_is_an_ordinary_message(string? text) => OptOutKeywords.Matches(text).ShouldBeFalse();
}

public sealed class AgeRuleTests
{
    [Theory]
    [InlineData(2012, 2026, true)]   // 14 this year: old enough
    [InlineData(2013, 2026, false)]  // 13 this year: a guardian signs on paper
    [InlineData(1950, 2026, true)]
    [InlineData(2026, 2026, false)]
    [InlineData(2011, 2025, true)]
    [InlineData(2012, 2025, false)]
    public void Given_a_birth_year_Then_fourteen_or_older_this_year_may_sign_up(int birthYear, int year, bool ok) =>
        SubscriberRules.IsOldEnough(birthYear, year).ShouldBe(ok);

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void Given_a_birth_year_Then_only_real_years_are_plausible(int birthYear, bool ok) =>
        SubscriberRules.IsPlausibleBirthYear(birthYear, 2026).ShouldBe(ok);

    [Fact]
    public void Given_the_clock_Then_the_year_is_counted_in_Seoul()
    {
        // 2025-12-31 16:00 UTC is already 2026-01-01 in Seoul.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero));
        SubscriberRules.CurrentYear(time).ShouldBe(2026);
    }
}

public sealed class SubscriberPhoneTests
{
    [Theory]
    [InlineData("010-1234-5678", "01012345678")]
    [InlineData("+82 10-1234-5678", "01012345678")]
    [InlineData("821012345678", "01012345678")]
    [InlineData("01012345678", "01012345678")]
    [InlineData("011-123-4567", "0111234567")]
    public void Given_a_number_as_written_or_as_the_SMSC_sends_it_Then_it_normalises_to_the_national_form(string raw, string normalized) =>
        SubscriberRules.NormalizePhone(raw).ShouldBe(normalized);

    [Theory]
    [InlineData("010-1234-5678", true)]
    [InlineData("+82 10 1234 5678", true)]
    [InlineData("011-123-4567", true)]
    [InlineData("02-123-4567", false)]
    [InlineData("010-123-4567", false)]
    [InlineData("010-1234-5678 ext", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Given_a_number_Then_only_mobiles_can_subscribe(string? phone, bool ok) => SubscriberRules.IsMobile(phone).ShouldBe(ok);

    [Fact]
    public void Given_a_subscriber_Then_staff_see_only_the_last_four_digits() =>
        SubscriberRules.MaskedPhone(SubscriberRules.Last4("01012345678")).ShouldBe("***-****-5678");
}
