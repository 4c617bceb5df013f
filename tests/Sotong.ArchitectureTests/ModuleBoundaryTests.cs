using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;

namespace Sotong.ArchitectureTests;

/// <summary>Module boundaries and conventions, checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly System.Reflection.Assembly Core = typeof(SotongDbContext).Assembly;
    private static readonly System.Reflection.Assembly Web = typeof(Program).Assembly;

    private static void ShouldPass(TestResult result, string because) =>
        result.IsSuccessful.ShouldBeTrue($"{because}: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Given_core_Then_it_never_depends_on_the_web_host() =>
        ShouldPass(Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Sotong.Web").GetResult(), "Core must not know its host");

    [Theory]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Inbox")]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Qna")]
    [InlineData("Sotong.Core.Qna", "Sotong.Core.Inbox")]
    [InlineData("Sotong.Core.Inbox", "Sotong.Core.Triage")]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Triage")]
    [InlineData("Sotong.Core.Qna", "Sotong.Core.Triage")]
    [InlineData("Sotong.Core.Inbox", "Sotong.Core.Cases")]
    [InlineData("Sotong.Core.Triage", "Sotong.Core.Cases")]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Cases")]
    [InlineData("Sotong.Core.Qna", "Sotong.Core.Cases")]
    [InlineData("Sotong.Core.Qna", "Sotong.Core.Open311")]
    [InlineData("Sotong.Core.Inbox", "Sotong.Core.Open311")]
    [InlineData("Sotong.Core.Triage", "Sotong.Core.Open311")]
    [InlineData("Sotong.Core.Cases", "Sotong.Core.Open311")]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Open311")]
    [InlineData("Sotong.Core.Messaging", "Sotong.Core.Alerts")]
    [InlineData("Sotong.Core.Subscribers", "Sotong.Core.Alerts")]
    [InlineData("Sotong.Core.Campaigns", "Sotong.Core.Alerts")]
    [InlineData("Sotong.Core.Inbox", "Sotong.Core.Alerts")]
    [InlineData("Sotong.Core.Organization", "Sotong.Core.Alerts")]
    public void Given_a_module_Then_it_does_not_reach_into_a_module_built_on_it(string module, string forbidden)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespaceStartingWith(module)
            // The demo seeder is allowed to fill every module with sample data.
            .And().DoNotResideInNamespace("Sotong.Core.Organization.Demo")
            .ShouldNot().HaveDependencyOn(forbidden).GetResult();
        ShouldPass(result, $"{module} must not depend on {forbidden}");
    }

    [Fact]
    public void Given_common_code_Then_only_the_db_context_and_start_up_know_the_modules()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespaceStartingWith("Sotong.Core.Common")
            .And().DoNotHaveName(nameof(SotongDbContext), nameof(DatabaseInitializer))
            .ShouldNot().HaveDependencyOnAny("Sotong.Core.Inbox", "Sotong.Core.Qna", "Sotong.Core.Organization", "Sotong.Core.Triage", "Sotong.Core.Cases", "Sotong.Core.Open311", "Sotong.Core.Alerts")
            .GetResult();
        ShouldPass(result, "Common is shared by all modules and depends on none");
    }

    [Fact]
    public void Given_the_layout_Then_there_are_no_layer_folders()
    {
        var offenders = Core.GetTypes().Concat(Web.GetTypes())
            .Where(t => t.Namespace is { } ns && (ns.Contains(".Controllers") || ns.Contains(".Services") || ns.Contains(".Repositories")))
            .Select(t => t.FullName).ToList();
        offenders.ShouldBeEmpty("a capability is a folder, not a layer");
    }

    [Fact]
    public void Given_blazor_components_Then_they_call_handlers_and_never_the_db_context()
    {
        var result = Types.InAssembly(Web).That().Inherit(typeof(ComponentBase))
            .ShouldNot().HaveDependencyOnAny("Sotong.Core.Common.SotongDbContext", "Microsoft.EntityFrameworkCore.DbContext", "Microsoft.EntityFrameworkCore.IDbContextFactory`1")
            .GetResult();
        ShouldPass(result, "components go through handlers");
    }

    [Fact]
    public void Given_entity_configurations_Then_they_are_internal_and_sealed()
    {
        var result = Types.InAssembly(Core).That().ImplementInterface(typeof(IEntityTypeConfiguration<>))
            .Should().NotBePublic().And().BeSealed().GetResult();
        ShouldPass(result, "EF configuration is an implementation detail of its module");
    }

    [Fact]
    public void Given_handlers_Then_they_are_sealed_and_named_for_their_use_case()
    {
        var result = Types.InAssembly(Core).That().HaveNameEndingWith("Handler").And().AreClasses()
            .Should().BeSealed().GetResult();
        ShouldPass(result, "handlers are leaf classes");
    }

    [Fact]
    public void Given_the_model_Then_every_table_is_prefixed_with_its_module()
    {
        var prefixes = new Dictionary<string, string>
        {
            ["Sotong.Core.Organization"] = "org_",
            ["Sotong.Core.Inbox"] = "inbox_",
            ["Sotong.Core.Qna"] = "qna_",
            ["Sotong.Core.Triage"] = "triage_",
            ["Sotong.Core.Cases"] = "cases_",
            ["Sotong.Core.Open311"] = "open311_",
            ["Sotong.Core.Subscribers"] = "subscribers_",
            ["Sotong.Core.Campaigns"] = "campaigns_",
            ["Sotong.Core.Messaging"] = "messaging_",
            ["Sotong.Core.Alerts"] = "alerts_",
            ["Sotong.Core.Common.Audit"] = "audit_",
            ["Sotong.Core.Common.Security"] = "sec_",
            ["Microsoft.AspNetCore.Identity"] = "org_",
            ["Microsoft.AspNetCore.DataProtection"] = "sec_",
        };
        var options = new DbContextOptionsBuilder<SotongDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SotongDbContext(options);
        var tables = db.Model.GetEntityTypes().Select(e => (e.ClrType.Namespace!, Table: e.GetTableName()!)).ToList();
        tables.Count.ShouldBeGreaterThan(8);
        foreach (var (ns, table) in tables)
        {
            var prefix = prefixes.First(p => ns.StartsWith(p.Key, StringComparison.Ordinal)).Value;
            table.ShouldStartWith(prefix, customMessage: $"{ns} → {table}");
        }
    }
}
