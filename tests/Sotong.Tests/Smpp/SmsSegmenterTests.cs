using Sotong.Smpp;
using Sotong.Smpp.Text;

namespace Sotong.Tests.Smpp;

public sealed class SmsSegmenterTests
{
    private const byte Reference = 0x2A;

    [Fact]
    public void Given_70_Korean_characters_Then_one_UCS2_part_without_a_header()
    {
        var segments = SmsSegmenter.Split(new string('가', 70), Reference);

        segments.DataCoding.ShouldBe(SmppDataCoding.Ucs2);
        segments.IsConcatenated.ShouldBeFalse();
        segments.Parts.Single().Length.ShouldBe(140);
        segments.Parts[0][..2].ShouldBe(new byte[] { 0xAC, 0x00 });
    }

    [Fact]
    public void Given_71_Korean_characters_Then_two_parts_of_67_and_4_with_UDH()
    {
        var segments = SmsSegmenter.Split(new string('가', 71), Reference);

        segments.IsConcatenated.ShouldBeTrue();
        segments.Parts.Count.ShouldBe(2);
        Convert.ToHexString(segments.Parts[0][..6]).ShouldBe("0500032A0201");
        Convert.ToHexString(segments.Parts[1][..6]).ShouldBe("0500032A0202");
        segments.Parts[0].Length.ShouldBe(6 + 67 * 2);
        segments.Parts[1].Length.ShouldBe(6 + 4 * 2);
    }

    [Fact]
    public void Given_a_long_Korean_text_Then_parts_of_67_characters_rejoin_to_the_text()
    {
        var text = string.Concat(Enumerable.Repeat("소통 민원 답변입니다. ", 20)); // 260 chars

        var segments = SmsSegmenter.Split(text, Reference);

        segments.Parts.Count.ShouldBe(4); // 67 + 67 + 67 + 59
        segments.Parts.Select(p => p[5]).ShouldBe(new byte[] { 1, 2, 3, 4 });
        segments.Parts.ShouldAllBe(p => p[4] == 4 && p[3] == Reference);
        string.Concat(segments.Parts.Select(p => SmsTextCodec.Decode(p.AsSpan(6), 0x08))).ShouldBe(text);
    }

    [Fact]
    public void Given_160_GSM_characters_Then_one_part_and_161_Then_two_of_153_and_8()
    {
        var single = SmsSegmenter.Split(new string('a', 160), Reference);
        var split = SmsSegmenter.Split(new string('a', 161), Reference);

        single.DataCoding.ShouldBe(SmppDataCoding.SmscDefault);
        single.Parts.Single().Length.ShouldBe(160);
        split.DataCoding.ShouldBe(SmppDataCoding.SmscDefault);
        split.Parts.Select(p => p.Length).ShouldBe(new[] { 6 + 153, 6 + 8 });
        Convert.ToHexString(split.Parts[1][..6]).ShouldBe("0500032A0202");
    }

    [Fact]
    public void Given_GSM_extension_characters_Then_they_count_two_septets_toward_160()
    {
        SmsSegmenter.Split(new string('a', 158) + "€", Reference).Parts.Count.ShouldBe(1);
        SmsSegmenter.Split(new string('a', 159) + "€", Reference).Parts.Count.ShouldBe(2);
    }

    [Fact]
    public void Given_an_extension_character_at_a_part_boundary_Then_its_escape_is_not_split_off()
    {
        var segments = SmsSegmenter.Split(new string('a', 152) + "€" + new string('b', 10), Reference);

        segments.Parts.Count.ShouldBe(2);
        segments.Parts[0].Length.ShouldBe(6 + 152);
        segments.Parts[1][6..8].ShouldBe(new byte[] { 0x1B, 0x65 });
    }

    [Fact]
    public void Given_a_surrogate_pair_at_the_67th_character_Then_the_pair_moves_whole_to_the_next_part()
    {
        var text = new string('가', 66) + "😀" + new string('나', 10);

        var segments = SmsSegmenter.Split(text, Reference);

        segments.Parts.Count.ShouldBe(2);
        segments.Parts[0].Length.ShouldBe(6 + 66 * 2);
        Convert.ToHexString(segments.Parts[1][6..10]).ShouldBe("D83DDE00");
        segments.Parts.Select(p => SmsTextCodec.Decode(p.AsSpan(6), 0x08)).ShouldAllBe(part => !part.Contains('\uFFFD'));
    }

    [Fact]
    public void Given_a_GSM_text_with_one_Korean_character_Then_the_whole_text_goes_as_UCS2()
    {
        SmsSegmenter.Split("Meeting at 3pm 감사", Reference).DataCoding.ShouldBe(SmppDataCoding.Ucs2);
    }

    [Fact]
    public void Given_a_text_needing_more_than_255_parts_Then_it_is_refused()
    {
        SmsSegmenter.Split(new string('가', 255 * 67), Reference).Parts.Count.ShouldBe(255);
        Should.Throw<ArgumentException>(() => SmsSegmenter.Split(new string('가', 255 * 67 + 1), Reference));
    }
}
