using Sotong.Core.Triage.Routing;

namespace Sotong.Tests.Triage;

public class RoutingTableTests
{
    private static readonly Guid Bus = Guid.NewGuid(), Traffic = Guid.NewGuid(), Parking = Guid.NewGuid(), MapoBus = Guid.NewGuid(), Roads = Guid.NewGuid();

    private static readonly RouteRule CatchAll = new(Guid.NewGuid(), "transport", [], null, Traffic);
    private static readonly RouteRule BusRule = new(Guid.NewGuid(), "transport", ["버스", "bus"], null, Bus);
    private static readonly RouteRule ParkingRule = new(Guid.NewGuid(), "transport", ["주차", "parking"], null, Parking);
    private static readonly RouteRule MapoBusRule = new(Guid.NewGuid(), "transport", ["버스"], "마포구", MapoBus);
    private static readonly RouteRule RoadsRule = new(Guid.NewGuid(), "roads", [], null, Roads);

    private readonly RoutingTable _table = new([CatchAll, BusRule, ParkingRule, MapoBusRule, RoadsRule]);

    [Fact]
    public void A_keyword_rule_beats_the_topic_catch_all()
    {
        var match = _table.Match("transport", "버스가 30분째 안 와요", null)!;
        match.Rule.DivisionId.ShouldBe(Bus);
        match.Keyword.ShouldBe("버스");
    }

    [Fact]
    public void District_and_keyword_beat_keyword_alone() =>
        _table.Match("transport", "망원동 버스 정류장", "마포구")!.Rule.DivisionId.ShouldBe(MapoBus);

    [Fact]
    public void Without_a_keyword_the_topic_default_applies()
    {
        var match = _table.Match("transport", "신호등이 너무 짧아요", null)!;
        match.Rule.ShouldBe(CatchAll);
        match.Keyword.ShouldBeNull();
    }

    [Fact]
    public void Between_equally_specific_rules_the_keyword_written_first_wins() =>
        _table.Match("transport", "주차 단속 때문에 버스 타러 가는 길이", null)!.Rule.DivisionId.ShouldBe(Parking);

    [Fact]
    public void Keywords_match_case_insensitively_in_english() =>
        _table.Match("transport", "The BUS never comes", null)!.Rule.DivisionId.ShouldBe(Bus);

    [Fact]
    public void Keywords_with_digits_match_as_written()
    {
        var line2 = new RouteRule(Guid.NewGuid(), "transport", ["2호선"], null, Traffic);
        var table = new RoutingTable([CatchAll, line2]);
        table.Match("transport", "지하철 2호선 에어컨", null)!.Rule.ShouldBe(line2);
        table.Match("transport", "지하철 3호선 에어컨", null)!.Rule.ShouldBe(CatchAll);
    }

    [Fact]
    public void Only_rules_of_the_given_topic_apply()
    {
        _table.Match("roads", "버스 정류장 보도블록이 깨졌어요", null)!.Rule.DivisionId.ShouldBe(Roads);
        _table.Match("welfare", "버스", null).ShouldBeNull();
    }

    [Fact]
    public void Keywords_are_stored_as_one_trimmed_distinct_list()
    {
        var rule = new RoutingRule { Topic = "transport", Keywords = RoutingRule.JoinKeywords([" 버스 ", "BUS", "bus", "", "정류장"]) };
        rule.KeywordList().ShouldBe(["버스", "bus", "정류장"]);
    }
}
