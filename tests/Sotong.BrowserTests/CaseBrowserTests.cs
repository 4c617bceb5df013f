using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sotong.BrowserTests;

/// <summary>The officer's case list (overdue first, due labels) and a case's page with its messages and history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Given_a_case_opened_from_two_messages_Then_the_list_shows_its_due_label_and_its_page_its_messages_and_history()
    {
        using var comms = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await comms.PostAsJsonAsync("/api/v1/auth/signin", new { email = "comms@sotong.example", password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        foreach (var text in new[] { $"횡단보도 신호등이 고장났어요 {tag}", $"같은 횡단보도 신호가 안 바뀝니다 {tag}" })
        {
            var receipt = (await (await comms.PostAsJsonAsync("/api/v1/messages", new { text })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
            var found = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox?q={receipt}");
            ids.Add(found.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = ids, type = "Grievance", title = $"신호등 고장 {tag}" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var caseReceipt = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "comms@sotong.example");
        await page.ClickAsync("nav a[href='/staff/cases']");
        await page.WaitForURLAsync("**/staff/cases");
        var row = page.Locator($"tr[data-case='{caseReceipt}']");
        (await row.Locator("[data-testid=due]").TextContentAsync())!.ShouldStartWith("D-");
        (await AccessibilityTests.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/staff/cases/*");
        // Enhanced navigation moves the address first and the page after it.
        (await page.Locator("[data-testid=case-receipt]").TextContentAsync())!.ShouldBe(caseReceipt);
        (await page.TextContentAsync("h1"))!.ShouldBe($"신호등 고장 {tag}");
        (await page.Locator("[data-testid=case-state]").TextContentAsync())!.ShouldBe("접수");
        (await page.Locator("#case-messages").TextContentAsync())!.ShouldContain("(2)");
        (await page.Locator("[data-testid=case-history] tbody tr").CountAsync()).ShouldBe(1);
        (await AccessibilityTests.SeriousViolationsAsync(page)).ShouldBeEmpty();
    }
}
