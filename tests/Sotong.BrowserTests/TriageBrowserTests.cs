using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

/// <summary>The triage screens in Chromium: the queue's one-click correction, the model page, the routing editor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TriageBrowserTests(BrowserFixture fixture)
{
    private async Task<HttpClient> ApiAsync(string email)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await http.PostAsJsonAsync("/api/v1/auth/signin", new { email, password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        return http;
    }

    [Fact]
    public async Task Given_a_message_below_the_threshold_When_an_officer_corrects_it_in_the_queue_Then_it_leaves_the_queue_routed()
    {
        using var admin = await ApiAsync("admin@sotong.example");
        await BrowserFixture.WaitForLiveModelAsync(admin);
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage/settings");
        var strict = new
        {
            confidenceThreshold = 0.999, modelDivisionThreshold = settings.GetProperty("modelDivisionThreshold").GetDouble(),
            spikeRatio = settings.GetProperty("spikeRatio").GetDouble(), spikeMinimum = settings.GetProperty("spikeMinimum").GetInt32(),
            version = settings.GetProperty("version").GetInt32(),
        };
        var saved = await (await admin.PutAsJsonAsync("/api/v1/triage/settings", strict)).Content.ReadFromJsonAsync<JsonElement>();
        try
        {
            var officer = await fixture.NewPageAsync();
            await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
            await officer.GotoAsync("/staff/triage");
            await BrowserFixture.WaitForLiveAsync(officer, "triage-queue");

            var tag = Guid.NewGuid().ToString("N")[..8];
            using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
            var response = await http.PostAsJsonAsync("/api/v1/messages", new { text = $"동네 놀이터 옆 공터 용도가 궁금합니다 {tag}" });
            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;

            // It appears in the open queue without a reload.
            var item = officer.Locator($"li[data-receipt='{receipt}']");
            await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
            await item.Locator("select[id^=topic-]").SelectOptionAsync("environment");
            await item.Locator("select[id^=division-]").SelectOptionAsync(new SelectOptionValue { Label = "푸른도시여가국 · 공원여가정책과" });
            await item.Locator("[data-testid=queue-save]").ClickAsync();
            await officer.Locator("[data-testid=queue-status]").Filter(new LocatorFilterOptions { HasText = receipt }).WaitForAsync();
            (await item.CountAsync()).ShouldBe(0);

            // The message page says why it is where it is.
            await officer.GotoAsync("/staff/inbox?q=" + receipt);
            await BrowserFixture.WaitForLiveAsync(officer, "inbox-live");
            await officer.ClickAsync($"tr[data-receipt='{receipt}'] a");
            await officer.Locator("[data-testid=triage-state]").WaitForAsync();
            (await officer.Locator("[data-testid=triage-state]").TextContentAsync())!.ShouldBe("담당자 확인");
            (await officer.Locator("[data-testid=triage-topic]").TextContentAsync())!.ShouldContain("환경·청소");
            (await officer.Locator("[data-testid=triage-division]").TextContentAsync())!.ShouldContain("공원여가정책과");
            (await officer.Locator("[data-testid=triage-reason]").TextContentAsync())!.ShouldContain("담당자가 지정");
        }
        finally
        {
            var restore = new
            {
                confidenceThreshold = settings.GetProperty("confidenceThreshold").GetDouble(), modelDivisionThreshold = strict.modelDivisionThreshold,
                spikeRatio = strict.spikeRatio, spikeMinimum = strict.spikeMinimum, version = saved.GetProperty("version").GetInt32(),
            };
            (await admin.PutAsJsonAsync("/api/v1/triage/settings", restore)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Given_the_model_page_Then_the_live_model_its_metrics_and_confusion_matrix_show_and_axe_is_clean()
    {
        using var admin = await ApiAsync("admin@sotong.example");
        await BrowserFixture.WaitForLiveModelAsync(admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@sotong.example");
        await page.GotoAsync("/staff/triage/models");
        await page.Locator("[data-testid=live]").WaitForAsync();
        await page.Locator("[data-testid=confusion-Kind]").WaitForAsync();
        // Six kinds: a 6 × 6 matrix, and the bar chart drawn by chart.js.
        (await page.Locator("[data-testid=confusion-Kind] tbody tr").CountAsync()).ShouldBe(6);
        await page.WaitForFunctionAsync("() => window.Chart !== undefined && document.querySelector('#f1-Kind') !== null");
        (await AccessibilityTests.SeriousViolationsAsync(page)).ShouldBeEmpty();

        foreach (var path in new[] { "/staff/triage", "/staff/triage/routing" })
        {
            await page.GotoAsync(path);
            await page.Locator("h1").WaitForAsync();
            (await AccessibilityTests.SeriousViolationsAsync(page)).ShouldBeEmpty();
        }
        (await page.Locator("[data-testid=rules] tbody tr").CountAsync()).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Given_an_imported_batch_When_an_administrator_removes_it_on_the_model_page_Then_it_asks_first_and_the_confusion_matrix_is_a_chart()
    {
        using var admin = await ApiAsync("admin@sotong.example");
        await BrowserFixture.WaitForLiveModelAsync(admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            $"text,division,kind\n\"{tag} 정류장 의자가 부서졌어요\",TRN-BUS,민원\n\"{tag} 공원 화장실이 더러워요\",PRK-POL,민원\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var upload = await admin.PostAsync("/api/v1/triage/training-data?train=false", new MultipartFormDataContent { { file, "file", $"browser-{tag}.csv" } });
        upload.EnsureSuccessStatusCode();
        var batchId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetGuid();

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@sotong.example");
        await page.GotoAsync("/staff/triage/models");
        await BrowserFixture.WaitForLiveAsync(page, "model-manager");

        // The kind head's confusion matrix is drawn by chart.js, with the table kept as its text.
        await page.Locator("canvas[data-testid=confusion-chart-Kind]").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.Chart !== undefined && window.Chart.getChart(document.querySelector('[data-testid=confusion-chart-Kind]')) !== undefined");
        (await page.Locator("canvas[data-testid=confusion-chart-Kind]").GetAttributeAsync("aria-label"))!.ShouldContain("혼동 행렬");
        (await page.Locator("[data-testid=confusion-Kind] tbody tr").CountAsync()).ShouldBe(6);

        var row = page.Locator($"[data-testid=batches] tr[data-batch='{batchId}']");
        (await row.TextContentAsync())!.ShouldContain($"browser-{tag}.csv");
        await row.Locator("[data-testid=delete-batch]").ClickAsync();
        // Nothing is removed before the second click: the row asks first, and cancelling keeps it.
        (await row.Locator("[data-testid=confirm-delete-text]").TextContentAsync())!.ShouldContain("되돌릴 수 없습니다");
        (await AccessibilityTests.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "취소" }).ClickAsync();
        await row.Locator("[data-testid=delete-batch]").WaitForAsync();
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage/training-data/batches?pageSize=100")).GetProperty("items").EnumerateArray()
            .Count(b => b.GetProperty("id").GetGuid() == batchId).ShouldBe(1);

        await row.Locator("[data-testid=delete-batch]").ClickAsync();
        await row.Locator("[data-testid=confirm-delete-batch]").ClickAsync();
        await page.Locator("[data-testid=models-notice]").Filter(new LocatorFilterOptions { HasText = "2건" }).WaitForAsync();
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage/training-data/batches?pageSize=100")).GetProperty("items").EnumerateArray()
            .ShouldNotContain(b => b.GetProperty("id").GetGuid() == batchId);
    }

    [Fact]
    public async Task Given_the_routing_editor_When_a_rule_is_added_Then_trying_a_sentence_shows_it_matched()
    {
        using var admin = await ApiAsync("admin@sotong.example");
        await BrowserFixture.WaitForLiveModelAsync(admin);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "comms@sotong.example");
        await page.GotoAsync("/staff/triage/routing");
        await BrowserFixture.WaitForLiveAsync(page, "rule-form");
        var word = "띵동" + Guid.NewGuid().ToString("N")[..4];
        await page.SelectOptionAsync("#rule-topic", "transport");
        await page.FillAsync("#rule-keywords", word);
        await page.SelectOptionAsync("#rule-division", new SelectOptionValue { Label = "도시교통실 · 보행자전거과" });
        await page.ClickAsync("[data-testid=rule-save]");
        await page.Locator("[data-testid=rule-notice]").WaitForAsync();
        (await page.Locator("[data-testid=rules]").TextContentAsync())!.ShouldContain(word);

        await page.FillAsync("#try-text", $"{word} 문제로 지하철역 앞 교통이 엉망이에요. 버스도 안 오고 차도 꽉 막혀요");
        await page.ClickAsync("[data-testid=try-classify]");
        var result = (await page.Locator("[data-testid=try-result]").TextContentAsync())!;
        result.ShouldContain("교통");
        result.ShouldContain("보행자전거과");
        result.ShouldContain($"키워드 \"{word}\"");
    }
}
