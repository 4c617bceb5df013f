using Sotong.Core.Alerts.Templates;

namespace Sotong.Tests.Alerts;

public sealed class AlertSmsLimitTests
{
    [Fact]
    public void Given_90_syllables_Then_within_the_limit_at_180_bytes_and_91_is_over()
    {
        var ninety = AlertSmsLimit.Check(new string('눈', 90));
        var ninetyOne = AlertSmsLimit.Check(new string('눈', 91));

        ninety.ShouldBe(new AlertSmsCheck(90, 180, true, false));
        ninetyOne.WithinLimit.ShouldBeFalse();
        ninetyOne.Characters.ShouldBe(91);
    }

    [Fact]
    public void Given_a_typical_disaster_text_Then_characters_and_cp949_bytes_are_counted_apart()
    {
        var check = AlertSmsLimit.Check("[중구청] 오늘 18시 대설주의보");

        check.Characters.ShouldBe(18);
        check.Cp949Bytes.ShouldBe(29);
        check.WithinLimit.ShouldBeTrue();
    }

    [Fact]
    public void Given_an_emoji_Then_it_is_one_character_flagged_unencodable()
    {
        var check = AlertSmsLimit.Check("대피 🚨");

        check.Characters.ShouldBe(4);
        check.HasUnencodable.ShouldBeTrue();
    }

    [Fact]
    public void Given_the_coming_157_character_limit_Then_the_limit_is_a_parameter()
    {
        var text = new string('가', 120);

        AlertSmsLimit.Check(text).WithinLimit.ShouldBeFalse();
        AlertSmsLimit.Check(text, 157).WithinLimit.ShouldBeTrue();
    }
}
