using Sotong.Core.Campaigns.Compose;
using Sotong.Smpp;
using Sotong.Smpp.Text;

namespace Sotong.Tests.Campaigns;

public class MessageSizeTests
{
    [Theory]
    [InlineData("", 0, KoreanSmsKind.Sms)]
    [InlineData("Hello", 5, KoreanSmsKind.Sms)]
    [InlineData("안녕하세요", 10, KoreanSmsKind.Sms)]
    [InlineData("똠방각하 햏", 11, KoreanSmsKind.Sms)]
    public void Given_a_short_text_Then_it_is_counted_in_cp949_bytes(string text, int bytes, KoreanSmsKind kind)
    {
        var size = MessageSizes.Measure(text);
        size.Bytes.ShouldBe(bytes);
        size.Kind.ShouldBe(kind);
        size.LimitBytes.ShouldBe(90);
        size.HasUnencodable.ShouldBeFalse();
    }

    [Fact]
    public void Given_more_than_90_bytes_Then_it_switches_to_lms_with_the_2000_byte_limit()
    {
        var size = MessageSizes.Measure(new string('가', 46));
        size.Bytes.ShouldBe(92);
        size.Kind.ShouldBe(KoreanSmsKind.Lms);
        size.LimitBytes.ShouldBe(2000);
        MessageSizes.Measure(new string('가', 1001)).TooLong.ShouldBeTrue();
    }

    [Fact]
    public void Given_an_emoji_Then_it_is_named_as_a_character_cp949_lacks()
    {
        var size = MessageSizes.Measure("축제에 오세요 🎉🎉 👍");
        size.HasUnencodable.ShouldBeTrue();
        size.Unencodable.ShouldBe(["🎉", "👍"]);
    }

    public static TheoryData<string> Texts() => new()
    {
        "Hello",
        new string('a', 160),
        new string('a', 161),
        new string('a', 306),
        new string('a', 307),
        "[x]" + new string('a', 155),
        new string('{', 80),
        new string('가', 70),
        new string('가', 71),
        new string('가', 134),
        new string('가', 135),
        new string('가', 66) + "🎉" + new string('가', 10),
        "구정소식: 3월 10일 명동 축제 안내 — 자세한 내용은 누리집에서 확인하세요.",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Given_a_text_Then_the_smpp_part_count_is_what_the_segmenter_sends(string text)
    {
        var size = MessageSizes.Measure(text);
        size.SmppParts.ShouldBe(SmsSegmenter.Split(text, 1).Parts.Count);
        size.Ucs2.ShouldBe(SmsSegmenter.Split(text, 1).DataCoding == SmppDataCoding.Ucs2);
    }
}
