using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

/// <summary>The message page's group tools in Chromium: a group answer says how many it reaches before it is sent; ungrouping.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TriageGroupBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Given_a_group_of_three_When_an_officer_answers_it_Then_the_page_says_who_receives_it_and_sends_only_after_confirmation()
    {
        using var comms = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await comms.PostAsJsonAsync("/api/v1/auth/signin", new { email = "comms@sotong.example", password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await admin.PostAsJsonAsync("/api/v1/auth/signin", new { email = "admin@sotong.example", password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        await BrowserFixture.WaitForLiveModelAsync(admin);

        var place = $"양화로{Random.Shared.Next(100, 999)}길 {Random.Shared.Next(1, 99)}";
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var texts = new[]
        {
            $"{place} 앞 도로에 포트홀이 크게 생겨서 차가 덜컹거려요. 밤에는 안 보여서 위험합니다.",
            $"안녕하세요 {place} 앞 도로 포트홀 신고합니다. 밤에 안 보여서 위험해요 빨리 메워주세요",
            $"{place} 앞에 도로가 움푹 패였어요!! 포트홀 때문에 자전거 타다 넘어질 뻔",
        };
        var ids = new List<Guid>();
        for (var i = 0; i < texts.Length; i++)
        {
            var receipt = (await (await http.PostAsJsonAsync("/api/v1/messages", new { text = texts[i], phone = $"010-5000-000{i + 1}" })).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("receiptNumber").GetString()!;
            var page = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox?q={receipt}");
            ids.Add(page.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
        await WaitForGroupAsync(comms, ids[0], 3);

        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
        await officer.GotoAsync($"/staff/inbox/{ids[0]}");
        await BrowserFixture.WaitForLiveAsync(officer, "triage-panel");
        await officer.ClickAsync("[data-testid=triage-group] summary");
        await officer.FillAsync("#group-reply", "포트홀은 오늘 중으로 보수하겠습니다. 불편을 드려 죄송합니다.");
        await officer.ClickAsync("[data-testid=group-reply]");

        // Nothing has gone yet: the page says how many citizens, on which channels, and waits.
        var recipients = officer.Locator("[data-testid=group-recipients]");
        await Assertions.Expect(recipients).ToContainTextAsync("시민 3명(메시지 3건)");
        await Assertions.Expect(recipients).ToContainTextAsync("웹 3");
        // The question takes the focus, so it is read out (and Enter does not send by accident).
        (await officer.EvaluateAsync<string>("() => document.activeElement.dataset.testid")).ShouldBe("group-reply-confirm-box");
        await officer.Mouse.MoveAsync(0, 0);
        (await AccessibilityTests.SeriousViolationsAsync(officer)).ShouldBeEmpty();
        (await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{ids[1]}")).GetProperty("status").GetString().ShouldBe("Received");

        await officer.ClickAsync("[data-testid=group-reply-confirm]");
        await Assertions.Expect(officer.Locator("[data-testid=group-reply-result]")).ToContainTextAsync("3건 중 3건");
        foreach (var id in ids)
        {
            (await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{id}")).GetProperty("status").GetString().ShouldBe("Answered");
        }

        // The third message was not about the same thing after all: out of the group, from its own page.
        await officer.GotoAsync($"/staff/inbox/{ids[2]}");
        await BrowserFixture.WaitForLiveAsync(officer, "triage-panel");
        await officer.ClickAsync("[data-testid=triage-ungroup]");
        await Assertions.Expect(officer.Locator("[data-testid=triage-ungrouped]")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("[data-testid=triage-group]")).ToHaveCountAsync(0);
        (await comms.GetFromJsonAsync<JsonElement>($"/api/v1/triage/messages/{ids[0]}")).GetProperty("groupSize").GetInt32().ShouldBe(2);
    }

    private static async Task WaitForGroupAsync(HttpClient staff, Guid messageId, int size)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            var response = await staff.GetAsync($"/api/v1/triage/messages/{messageId}");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupSize").GetInt32() == size)
            {
                return;
            }
            TimeProvider.System.GetUtcNow().ShouldBeLessThan(deadline, $"the group of {messageId} to reach {size}");
            await Task.Delay(200);
        }
    }
}
