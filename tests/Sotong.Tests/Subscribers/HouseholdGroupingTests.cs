using Sotong.Core.Subscribers.Households;

namespace Sotong.Tests.Subscribers;

public sealed class HouseholdGroupingTests
{
    private static int _next;

    private static Guid NewId() => new(Interlocked.Increment(ref _next), 0, 0, new byte[8]);

    [Fact]
    public void Given_rows_with_the_same_label_in_the_same_dong_Then_they_share_one_household()
    {
        var groups = HouseholdLabels.Assign([("myeong", "101동 1203호"), ("myeong", " 101동  1203호 "), ("myeong", "102동 1호")], new Dictionary<(string, string), Guid>(), NewId);
        groups.Count.ShouldBe(2);
        groups[("myeong", HouseholdLabels.Normalize("101동 1203호"))].ShouldNotBe(groups[("myeong", HouseholdLabels.Normalize("102동 1호"))]);
    }

    [Fact]
    public void Given_the_same_label_in_two_dongs_Then_they_are_two_households()
    {
        var groups = HouseholdLabels.Assign([("myeong", "김씨 댁"), ("sogong", "김씨 댁")], new Dictionary<(string, string), Guid>(), NewId);
        groups.Count.ShouldBe(2);
        groups.Values.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Given_a_household_already_known_Then_new_rows_join_it()
    {
        var existing = Guid.NewGuid();
        var groups = HouseholdLabels.Assign([("myeong", "Kim FAMILY")], new Dictionary<(string, string), Guid> { [("myeong", HouseholdLabels.Normalize("kim family"))] = existing }, NewId);
        groups.Single().Value.ShouldBe(existing);
    }

    [Fact]
    public void Given_rows_without_a_label_Then_they_belong_to_no_household() =>
        HouseholdLabels.Assign([("myeong", null), ("myeong", "  ")], new Dictionary<(string, string), Guid>(), NewId).ShouldBeEmpty();

    [Theory]
    [InlineData("101동 1203호", "101동1203호")]
    [InlineData("ＫＩＭ Family", "kimfamily")]
    public void Given_a_label_Then_case_width_and_spacing_do_not_matter(string label, string normalized) =>
        HouseholdLabels.Normalize(label).ShouldBe(normalized);
}
