using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

/// <summary>
/// Issue 5's journey end to end: a citizen's text reaches the SMS centre, triage routes it, an officer opens a case,
/// answers it, the citizen's phone (the SMPP test server) receives the answer with the link, the citizen agrees to
/// publication from that link, the officer publishes, and a reader recommends and comments on the portal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseJourneyTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"/my-case/([A-Za-z0-9_-]{22})")]
    private static partial Regex CitizenLink();

    [Fact]
    public async Task Given_a_text_message_When_it_is_routed_answered_and_published_Then_the_phone_gets_the_answer_and_the_portal_takes_recommendations_and_comments()
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await admin.PostAsJsonAsync("/api/v1/auth/signin", new { email = "admin@sotong.example", password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        await BrowserFixture.WaitForLiveModelAsync(admin);

        // The city routes what triage is fairly sure of (this city's threshold: 0.3) and queues the rest for a person.
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage/settings");
        var saved = await (await admin.PutAsJsonAsync("/api/v1/triage/settings", Settings(settings, 0.3, settings.GetProperty("version").GetInt32()))).Content.ReadFromJsonAsync<JsonElement>();
        try
        {
            // 1. The citizen texts the city's short number.
            var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var phone = "0105550" + tag[..4];
            await fixture.Smsc.SendAsync(new
            {
                cmd = "deliver", from = phone, to = BrowserFixture.ShortNumber, coding = "ucs2",
                text = $"시청역 4번 출구 앞 버스정류장 도착 안내 전광판이 일주일째 꺼져 있어요. 버스가 언제 오는지 알 수가 없습니다. 빨리 고쳐 주세요 {tag}",
            });

            // 2. It appears in the officer's inbox, routed by triage.
            var officer = await fixture.NewPageAsync();
            await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
            var row = officer.Locator("tr[data-receipt^='S-']", new PageLocatorOptions { HasText = tag });
            await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            await row.Locator("a").First.ClickAsync();
            await officer.WaitForURLAsync("**/staff/inbox/*");
            await Assertions.Expect(officer.Locator("[data-testid=message-text]")).ToContainTextAsync(tag);
            var division = (await officer.Locator("[data-testid=triage-division]").TextContentAsync())!.Trim();
            division.ShouldNotBeNullOrEmpty();
            division.ShouldNotBe("미배정", "triage routes the text to a division: " + await officer.Locator("[data-testid=triage-panel]").TextContentAsync());

            // 3. The officer opens a case from the message and answers it from the case page.
            await officer.SelectOptionAsync("#case-type", "Grievance");
            await officer.ClickAsync("[data-testid=open-case]");
            await officer.WaitForURLAsync("**/staff/cases/*");
            await Assertions.Expect(officer.Locator("[data-testid=case-outcome]")).ToHaveTextAsync("민원으로 접수했습니다.");
            var caseUrl = officer.Url.Split('?')[0];
            await ActAsync(officer, "assign");
            await ActAsync(officer, "start");
            var answer = $"안녕하십니까, 버스정책과입니다. 말씀하신 시청역 4번 출구 정류장 전광판은 전원 장치를 교체해 오늘 오후 다시 켰습니다. 불편을 드려 죄송합니다. 담당자 직통 02-2133-5678 ({tag})";
            await officer.FillAsync("#answer-text", answer);
            await officer.ClickAsync("[data-testid=case-answer]");
            await Assertions.Expect(officer.Locator("[data-testid=case-state]")).ToHaveTextAsync("답변 완료");

            // 4. The citizen's phone receives the answer with the receipt number and the link, from the short number.
            var parts = await fixture.Smsc.WaitForCountAsync("submit_sm", 2, e => e.GetProperty("destination_addr").GetString() == phone, TimeSpan.FromSeconds(15));
            parts.ShouldAllBe(p => p.GetProperty("source_addr").GetString() == BrowserFixture.ShortNumber);
            var received = string.Concat(parts.Select(p => Convert.FromHexString(p.GetProperty("short_message_hex").GetString()!))
                .Select(b => Encoding.BigEndianUnicode.GetString(b, 6, b.Length - 6)));
            received.ShouldContain(answer);
            var receipt = (await officer.Locator("[data-testid=case-receipt]").TextContentAsync())!.Trim();
            received.ShouldContain(receipt);
            var link = CitizenLink().Match(received);
            link.Success.ShouldBeTrue($"the text carries the citizen's link: {received}");

            // 5. From that link, without an account, the citizen reads the answer and agrees to publication.
            var citizen = await fixture.NewPageAsync();
            await citizen.GotoAsync(link.Value);
            await Assertions.Expect(citizen.Locator("[data-testid=my-answer]")).ToContainTextAsync("전원 장치를 교체해");
            (await citizen.Locator("[data-testid=my-receipt]").TextContentAsync())!.Trim().ShouldBe(receipt);
            await citizen.ClickAsync("[data-testid=consent-toggle]");
            await Assertions.Expect(citizen.Locator("[data-testid=my-done]")).ToBeVisibleAsync();

            // 6. The officer publishes; the portal shows the question masked.
            await officer.GotoAsync(caseUrl);
            await officer.ClickAsync("[data-testid=case-publish]");
            var published = officer.Locator("[data-testid=published-link]");
            await published.WaitForAsync();
            var answerPath = (await published.GetAttributeAsync("href"))!;

            var reader = await fixture.NewPageAsync();
            await reader.GotoAsync(answerPath);
            var question = (await reader.Locator("[data-testid=question]").TextContentAsync())!;
            question.ShouldContain(tag);
            var shown = (await reader.Locator("[data-testid=answer]").TextContentAsync())!;
            shown.ShouldContain("전원 장치를 교체해");
            shown.ShouldContain("02-****-****", customMessage: "personal data is masked on the portal");
            shown.ShouldNotContain("2133-5678");

            // 7. A reader recommends it (once) and comments on it.
            (await reader.Locator("[data-testid=recommendations]").TextContentAsync())!.Trim().ShouldBe("0");
            await reader.ClickAsync("[data-testid=recommend]");
            await Assertions.Expect(reader.Locator("[data-testid=recommendations]")).ToHaveTextAsync("1");
            await reader.ClickAsync("[data-testid=recommend]");
            await Assertions.Expect(reader.Locator("[data-testid=already-recommended]")).ToBeVisibleAsync();
            (await reader.Locator("[data-testid=recommendations]").TextContentAsync())!.Trim().ShouldBe("1", "one browser counts once");
            await reader.FillAsync("#nickname", "시청역시민");
            await reader.FillAsync("#comment-text", $"빨리 고쳐 주셔서 고맙습니다 {tag}");
            await reader.ClickAsync("[data-testid=comment-submit]");
            await Assertions.Expect(reader.Locator("[data-testid=comment-result]")).ToBeVisibleAsync();
            await Assertions.Expect(reader.Locator("[data-testid=comments]")).ToContainTextAsync($"빨리 고쳐 주셔서 고맙습니다 {tag}");

            // The portal's search finds it.
            await reader.GotoAsync($"/answers?q={tag}");
            await Assertions.Expect(reader.Locator($"li[data-answer] a[href='{answerPath}']")).ToBeVisibleAsync();
            (await AccessibilityTests.SeriousViolationsAsync(reader)).ShouldBeEmpty();
        }
        finally
        {
            var restore = Settings(settings, settings.GetProperty("confidenceThreshold").GetDouble(), saved.GetProperty("version").GetInt32());
            (await admin.PutAsJsonAsync("/api/v1/triage/settings", restore)).EnsureSuccessStatusCode();
        }
    }

    private static object Settings(JsonElement current, double threshold, int version) => new
    {
        confidenceThreshold = threshold, modelDivisionThreshold = current.GetProperty("modelDivisionThreshold").GetDouble(),
        spikeRatio = current.GetProperty("spikeRatio").GetDouble(), spikeMinimum = current.GetProperty("spikeMinimum").GetInt32(), version,
    };

    private static async Task ActAsync(IPage page, string step)
    {
        var before = (await page.Locator("[data-testid=case-history] tbody tr").CountAsync());
        await page.ClickAsync($"button[name=Step][value={step}]");
        await Assertions.Expect(page.Locator("[data-testid=case-history] tbody tr")).ToHaveCountAsync(before + 1);
    }
}
