using Sotong.Core.Triage.Grouping;

namespace Sotong.Tests.Triage;

public class NearDuplicateTests
{
    private static readonly DateTime At = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_copy_pasted_message_with_a_greeting_added_joins_the_first()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(3));
        var first = Guid.NewGuid();
        const string text = "서울시 공공자전거 따릉이 대여소를 우리 아파트 단지 앞에도 설치해 주세요. 출퇴근 시간에 자전거가 항상 부족합니다.";
        index.Add(first, "transport", text, At).ShouldBe(first);
        index.Add(Guid.NewGuid(), "transport", "안녕하세요! " + text + " 010-1234-5678", At.AddMinutes(3)).ShouldBe(first);
    }

    [Fact]
    public void The_same_pothole_in_other_words_joins_by_its_address()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(3));
        var first = Guid.NewGuid();
        index.Add(first, "roads", "망원로8길 12 앞 도로에 포트홀이 크게 생겼어요. 차가 덜컹거려요", At);
        index.Add(Guid.NewGuid(), "roads", "망원로8길 12 앞에 도로 파인 곳 있어요 위험해요 포트홀 빨리 메워주세요", At.AddHours(1)).ShouldBe(first);
    }

    [Fact]
    public void The_same_problem_at_another_address_stays_apart()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(3));
        index.Add(Guid.NewGuid(), "roads", "망원로8길 12 앞 도로에 포트홀이 생겼어요", At);
        var other = Guid.NewGuid();
        index.Add(other, "roads", "성산로 45 앞 도로에 포트홀이 생겼어요", At.AddMinutes(5)).ShouldBe(other);
    }

    [Fact]
    public void The_same_text_joins_even_when_the_classifier_gave_another_topic()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(3));
        const string text = "시청역 3번 출구 앞 상황 좀 봐주세요 너무 심각해요";
        var first = Guid.NewGuid();
        index.Add(first, "transport", text, At);
        index.Add(Guid.NewGuid(), "environment", text, At).ShouldBe(first);
    }

    [Fact]
    public void Messages_older_than_the_window_are_forgotten()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(1));
        const string text = "우리 동네 가로등이 또 꺼졌어요 성산동 123 앞입니다";
        index.Add(Guid.NewGuid(), "roads", text, At);
        var later = Guid.NewGuid();
        index.Add(later, "roads", text, At.AddDays(2)).ShouldBe(later);
        index.Count.ShouldBe(1);
    }

    [Fact]
    public void A_flood_of_one_text_stays_one_group_and_other_issues_still_find_theirs()
    {
        var index = new NearDuplicateIndex(TimeSpan.FromDays(3));
        var pothole = Guid.NewGuid();
        index.Add(pothole, "roads", "망원로8길 12 앞 도로에 포트홀이 크게 생겼어요. 차가 덜컹거려요", At);
        var flood = Guid.NewGuid();
        index.Add(flood, "transport", "지하철 2호선 고장으로 20분째 멈춰 있습니다. 안내 부탁드립니다. (0)", At);
        for (var i = 1; i < 3_000; i++)
        {
            // Only the newest copies stay in each bucket; every copy still finds the group.
            index.Add(Guid.NewGuid(), "transport", $"지하철 2호선 고장으로 20분째 멈춰 있습니다. 안내 부탁드립니다. ({i})", At.AddSeconds(i)).ShouldBe(flood);
        }
        index.Add(Guid.NewGuid(), "roads", "망원로8길 12 앞에 도로 파인 곳 있어요 위험해요 포트홀 빨리 메워주세요", At.AddHours(2)).ShouldBe(pothole);
        var other = Guid.NewGuid();
        index.Add(other, "transport", "버스 정류장 의자가 부서졌어요 성산로 45 앞입니다", At.AddHours(2)).ShouldBe(other);
        index.Count.ShouldBe(3_003);
    }
}
