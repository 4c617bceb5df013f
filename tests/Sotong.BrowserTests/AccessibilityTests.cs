using System.Text.Json;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

/// <summary>axe-core (from npm, served by the app) finds no serious or critical violation on the main pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    internal static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/lib/axe-core/axe.min.js" });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/write")]
    [InlineData("/answers")]
    [InlineData("/sns-map")]
    [InlineData("/follow")]
    public async Task Given_a_public_page_Then_axe_finds_no_serious_violation(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(path);
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_staff_inbox_Then_axe_finds_no_serious_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/staff/signin");
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();
        await BrowserFixture.SignInAsync(page, "comms@sotong.example");
        await page.Locator("table.sotong-inbox-table").WaitForAsync();
        (await SeriousViolationsAsync(page)).ShouldBeEmpty();
    }
}
