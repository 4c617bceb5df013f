using Sotong.Smpp;

namespace Sotong.Tests.Smpp;

public sealed class KoreanSmsSizeTests
{
    [Fact]
    public void Given_90_bytes_Then_SMS_and_91_bytes_Then_LMS()
    {
        var ninety = KoreanSmsSize.Measure(new string('가', 45));
        var ninetyOne = KoreanSmsSize.Measure(new string('가', 45) + "!");

        ninety.ShouldBe(new KoreanSmsMeasurement(90, KoreanSmsKind.Sms, 1, false));
        ninetyOne.ShouldBe(new KoreanSmsMeasurement(91, KoreanSmsKind.Lms, 1, false));
    }

    [Fact]
    public void Given_2000_bytes_Then_LMS_and_2001_bytes_Then_too_long_in_two_parts()
    {
        var full = KoreanSmsSize.Measure(new string('가', 1000));
        var over = KoreanSmsSize.Measure(new string('가', 1000) + "a");

        full.ShouldBe(new KoreanSmsMeasurement(2000, KoreanSmsKind.Lms, 1, false));
        over.ShouldBe(new KoreanSmsMeasurement(2001, KoreanSmsKind.TooLong, 2, false));
    }

    [Fact]
    public void Given_syllables_outside_euc_kr_Then_they_count_two_bytes_like_any_syllable()
    {
        KoreanSmsSize.Measure("똠햏").ShouldBe(new KoreanSmsMeasurement(4, KoreanSmsKind.Sms, 1, false));
    }

    [Fact]
    public void Given_an_emoji_Then_it_is_flagged_and_counted_as_the_one_byte_it_becomes()
    {
        var measured = KoreanSmsSize.Measure("안녕😀");

        measured.HasUnencodableCharacters.ShouldBeTrue();
        measured.Bytes.ShouldBe(5);
    }

    [Fact]
    public void Given_a_text_of_4001_bytes_Then_three_LMS_without_splitting_a_syllable()
    {
        // 1,999 ASCII bytes then syllables: the first syllable would straddle 2,000 and moves to part two.
        var measured = KoreanSmsSize.Measure(new string('a', 1999) + new string('가', 1001));

        measured.Bytes.ShouldBe(4001);
        measured.Kind.ShouldBe(KoreanSmsKind.TooLong);
        measured.Parts.ShouldBe(3);
    }
}
