using Sotong.Core.Common.Texts;

namespace Sotong.Tests.Common;

public class TextCutTests
{
    [Theory]
    [InlineData("버스가 안 와요", 20, "버스가 안 와요")]
    [InlineData("버스가 안 와요", 3, "버스가")]
    [InlineData("abc😀def", 4, "abc")]
    [InlineData("abc😀def", 5, "abc😀")]
    [InlineData("😀", 1, "")]
    [InlineData("abc", 0, "")]
    public void Cuts_without_splitting_a_surrogate_pair(string text, int max, string expected)
    {
        var cut = TextCut.Cut(text, max);
        cut.ShouldBe(expected);
        cut.Length.ShouldBeLessThanOrEqualTo(max);
        // Valid UTF-16 all the way: encoding it strictly must not throw.
        new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(cut).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Excerpts_end_with_an_ellipsis_only_when_shortened()
    {
        TextCut.Excerpt("짧은 글", 10).ShouldBe("짧은 글");
        TextCut.Excerpt(new string('가', 59) + "🚌 버스", 60).ShouldBe(new string('가', 59) + "…");
    }

    [Fact]
    public void A_search_becomes_every_two_character_window_quoted_for_tsquery()
    {
        Sotong.Core.Qna.Browse.BrowseAnswersHandler.BigramQuery("불법주차").ShouldBe("'불법' & '법주' & '주차'");
        Sotong.Core.Qna.Browse.BrowseAnswersHandler.BigramQuery("주차").ShouldBe("'주차'");
        Sotong.Core.Qna.Browse.BrowseAnswersHandler.BigramQuery("o'k").ShouldBe("'o''' & '''k'");
        Sotong.Core.Qna.Browse.BrowseAnswersHandler.BigramQuery("a\\b").ShouldBe("'a\\\\' & '\\\\b'");
        // An emoji is one character, as PostgreSQL counts it: never half of one.
        Sotong.Core.Qna.Browse.BrowseAnswersHandler.BigramQuery("🚌버스").ShouldBe("'🚌버' & '버스'");
    }
}
