using Sotong.Core.Organization;
using Sotong.Core.Organization.Demo;

namespace Sotong.Tests.Organization;

public sealed class DemoOrganizationTests
{
    [Fact]
    public void Given_the_demo_city_Then_it_is_as_large_as_the_brief_says()
    {
        DemoOrganization.Bureaus.Length.ShouldBeGreaterThanOrEqualTo(10);
        DemoOrganization.Bureaus.Sum(b => b.Divisions.Length).ShouldBeGreaterThanOrEqualTo(40);
        DemoOrganization.Accounts.Length.ShouldBe(44);
        DemoOrganization.Accounts.Count(a => a.IsMayor).ShouldBe(2);
    }

    [Fact]
    public void Given_the_demo_accounts_Then_each_belongs_to_a_real_division_and_is_unique()
    {
        var codes = DemoOrganization.Bureaus.SelectMany(b => b.Divisions).Select(d => d.Code).ToHashSet();
        codes.Count.ShouldBe(DemoOrganization.Bureaus.Sum(b => b.Divisions.Length), "division codes are unique");
        DemoOrganization.Accounts.ShouldAllBe(a => codes.Contains(a.DivisionCode));
        DemoOrganization.Accounts.Select(a => (a.Platform, a.Handle)).Distinct().Count().ShouldBe(44);
        DemoOrganization.Accounts.Select(a => a.Platform).Distinct().Count().ShouldBeGreaterThanOrEqualTo(7);
        DemoOrganization.Accounts.ShouldAllBe(a => a.Url.StartsWith("https://"));
        DemoOrganization.Accounts.Where(a => a.IsMayor).ShouldAllBe(a => a.Field == ChannelField.Mayor);
    }
}
