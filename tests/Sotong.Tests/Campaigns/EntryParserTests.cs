using Sotong.Core.Campaigns;
using Sotong.Core.Campaigns.Replies;

namespace Sotong.Tests.Campaigns;

public class EntryParserTests
{
    private static readonly string[] Landmarks = ["남산타워", "서울역", "명동성당", "덕수궁"];

    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 2 ", 2)]
    [InlineData("①", 1)]
    [InlineData("④", 4)]
    [InlineData("３", 3)]
    [InlineData("1번", 1)]
    [InlineData("2 번", 2)]
    [InlineData("3번입니다", 3)]
    [InlineData("4번이요", 4)]
    [InlineData("2.", 2)]
    [InlineData("1)", 1)]
    [InlineData("정답 3", 3)]
    [InlineData("정답: 2", 2)]
    [InlineData("답은 4번", 4)]
    [InlineData("남산타워", 1)]
    [InlineData("남산 타워!", 1)]
    [InlineData("서울역", 2)]
    [InlineData("정답은 덕수궁입니다", 4)]
    [InlineData("명동성당 같아요", 3)]
    public void Given_a_quiz_reply_naming_an_option_Then_it_is_that_option(string reply, int option)
    {
        var entry = EntryParser.Parse(reply, CampaignKind.Quiz, Landmarks);
        entry.IsValid.ShouldBeTrue();
        entry.Option.ShouldBe(option);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5")]
    [InlineData("0번")]
    [InlineData("12")]
    [InlineData("잘 모르겠어요")]
    [InlineData("서울역이랑 덕수궁 중에 하나")]
    [InlineData("1번 2번")]
    [InlineData("감사합니다")]
    public void Given_a_reply_that_names_no_single_option_Then_it_is_not_an_entry(string reply) =>
        EntryParser.Parse(reply, CampaignKind.Poll, Landmarks).IsValid.ShouldBeFalse();

    [Fact]
    public void Given_options_where_one_contains_another_Then_the_longer_one_named_wins()
    {
        string[] stations = ["서울", "서울역", "용산"];
        EntryParser.Parse("서울역", CampaignKind.Poll, stations).Option.ShouldBe(2);
        EntryParser.Parse("서울", CampaignKind.Poll, stations).Option.ShouldBe(1);
        EntryParser.Parse("저는 서울역이요", CampaignKind.Poll, stations).Option.ShouldBe(2);
    }

    [Fact]
    public void Given_options_that_are_numbers_Then_a_number_beyond_the_list_is_read_as_an_option_text()
    {
        string[] years = ["1990", "2000", "2010"];
        EntryParser.Parse("2000", CampaignKind.Quiz, years).Option.ShouldBe(2);
        EntryParser.Parse("3번", CampaignKind.Quiz, years).Option.ShouldBe(3);
    }

    [Fact]
    public void Given_a_contest_Then_any_text_is_an_entry_and_blank_is_not()
    {
        var entry = EntryParser.Parse("  우리 동네 골목길 벽화 사진입니다  ", CampaignKind.Contest, []);
        entry.IsValid.ShouldBeTrue();
        entry.Text.ShouldBe("우리 동네 골목길 벽화 사진입니다");
        entry.Option.ShouldBeNull();
        EntryParser.Parse(" ", CampaignKind.Contest, []).IsValid.ShouldBeFalse();
        EntryParser.Parse(new string('가', 800), CampaignKind.Contest, []).Text!.Length.ShouldBeLessThanOrEqualTo(CampaignReply.MaxEntryTextLength);
    }

    [Fact]
    public void Given_an_information_campaign_Then_no_reply_is_an_entry() =>
        EntryParser.Parse("1", CampaignKind.Information, Landmarks).IsValid.ShouldBeFalse();
}
