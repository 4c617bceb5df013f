using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Given_a_citizen_message_When_an_officer_answers_and_publishes_Then_the_public_page_shows_it_masked()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/write");
        (await citizen.TextContentAsync("h1"))!.ShouldBe("의견 보내기");
        await citizen.FillAsync("#text", $"공원 가로등 고장 {tag}. 연락은 010-3333-4444 로 주세요.");
        await citizen.FillAsync("#phone", "010-3333-4444");
        (await citizen.IsCheckedAsync("#consent")).ShouldBeFalse("consent is off by default");
        await citizen.ClickAsync("label[for=consent]"); // KRDS draws the box on the label, as a person sees it
        (await citizen.IsCheckedAsync("#consent")).ShouldBeTrue();
        await citizen.ClickAsync("button[type=submit]");
        var receipt = (await citizen.Locator("[data-testid=receipt-number]").TextContentAsync())!.Trim();
        receipt.ShouldMatch(@"^W-\d{8}-\d{8}$");

        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
        await officer.ClickAsync($"tr[data-receipt='{receipt}'] a");
        await officer.WaitForURLAsync("**/staff/inbox/*");
        (await officer.Locator("[data-testid=message-text]").TextContentAsync())!.ShouldContain(tag);

        await officer.FillAsync("#answer-text", "내일까지 교체하겠습니다. 담당자 직통 02-2133-7777");
        await officer.ClickAsync("section[aria-labelledby=answer-title] button[type=submit]");
        await officer.WaitForURLAsync("**done=replied");
        (await officer.Locator("[data-testid=preview-question]").TextContentAsync())!.ShouldContain("010-****-****");
        (await officer.Locator("[data-testid=preview-answer]").TextContentAsync())!.ShouldContain("02-****-****");
        await officer.ClickAsync("section.sotong-preview button[type=submit]");
        await officer.WaitForURLAsync("**done=published");

        var reader = await fixture.NewPageAsync();
        await reader.GotoAsync($"/answers?q={tag}");
        await reader.ClickAsync($"a:has-text('{tag}')");
        var question = (await reader.Locator("[data-testid=question]").TextContentAsync())!;
        question.ShouldContain(tag);
        question.ShouldContain("010-****-****");
        question.ShouldNotContain("3333-4444");
        (await reader.Locator("[data-testid=answer]").TextContentAsync())!.ShouldContain("내일까지 교체하겠습니다");

        // The citizen's follow link shows the answer.
        await citizen.ClickAsync("[data-testid=follow-link]");
        (await citizen.Locator("[data-testid=answer]").TextContentAsync())!.ShouldContain("내일까지 교체하겠습니다");
    }

    [Fact]
    public async Task Given_an_open_inbox_When_a_message_arrives_Then_it_appears_without_reloading()
    {
        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
        var navigations = 0;
        officer.FrameNavigated += (_, frame) => { if (frame == officer.MainFrame) { navigations++; } };

        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/messages", new { text = "실시간 수신 확인 " + Guid.NewGuid() });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();

        await officer.Locator($"tr[data-receipt='{receipt}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        (await officer.Locator("[data-testid=inbox-live]").TextContentAsync())!.ShouldContain("새 메시지");
        navigations.ShouldBe(0);
    }

    [Fact]
    public async Task Given_an_open_inbox_When_a_telegram_webhook_arrives_Then_it_appears_without_reloading()
    {
        var officer = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "comms@sotong.example");
        var navigations = 0;
        officer.FrameNavigated += (_, frame) => { if (frame == officer.MainFrame) { navigations++; } };

        var chatId = Random.Shared.Next(100_000, 999_999);
        var update = JsonSerializer.Serialize(new
        {
            update_id = chatId,
            message = new { message_id = 1, from = new { id = chatId, is_bot = false, first_name = "웹훅" }, chat = new { id = chatId, type = "private" }, date = 1_763_900_000, text = "텔레그램 실시간 확인" },
        });
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/telegram") { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BrowserFixture.TelegramSecret);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        var row = officer.Locator("tr[data-receipt^='T-']", new PageLocatorOptions { HasText = "텔레그램 실시간 확인" });
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        (await row.TextContentAsync())!.ShouldContain("텔레그램");
        navigations.ShouldBe(0);
    }

    [Fact]
    public async Task Given_two_officers_on_one_message_Then_each_sees_the_other_viewing()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/messages", new { text = "함께 보기 확인 " + Guid.NewGuid() });
        var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();

        var first = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(first, "comms@sotong.example");
        await first.ClickAsync($"tr[data-receipt='{receipt}'] a");
        await first.WaitForURLAsync("**/staff/inbox/*");
        var second = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(second, "admin@sotong.example");
        await second.GotoAsync(first.Url);

        await Assertions.Expect(first.Locator("[data-testid=presence]")).ToContainTextAsync("김관리", new() { Timeout = 10_000 });
        await Assertions.Expect(second.Locator("[data-testid=presence]")).ToContainTextAsync("이소통", new() { Timeout = 10_000 });
        await second.CloseAsync();
        await Assertions.Expect(first.Locator("[data-testid=presence]")).Not.ToContainTextAsync("김관리", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Given_the_english_switch_Then_the_pages_speak_english()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/write");
        await page.ClickAsync("a[hreflang=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write to the city");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        (await page.TextContentAsync("label[for=text]"))!.ShouldContain("Your message");
        await page.ClickAsync("a[hreflang=ko]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("의견 보내기");
    }

    [Fact]
    public async Task Given_an_empty_message_Then_the_form_says_what_is_wrong_and_keeps_the_rest()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/write");
        await page.FillAsync("#phone", "12345");
        await page.EvaluateAsync("document.querySelector('#text').removeAttribute('required')");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#text-error").WaitForAsync();
        (await page.TextContentAsync("#text-error"))!.ShouldContain("내용을 입력하세요");
        (await page.TextContentAsync("#phone-error"))!.ShouldContain("전화번호");
        (await page.InputValueAsync("#phone")).ShouldBe("12345");
    }

    [Fact]
    public async Task Given_a_signed_in_officer_Then_the_organisation_page_shows_the_tree_and_sign_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@sotong.example");
        await page.ClickAsync("a[href='/staff/organization']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("조직과 채널");
        (await page.Locator("li[data-division]").CountAsync()).ShouldBeGreaterThanOrEqualTo(40);
        (await page.Locator("#registry-title + .krds-table-wrap tbody tr").CountAsync()).ShouldBe(46); // the demo city's 44 social accounts, its complaints mailbox and this fixture's Telegram bot

        await page.ClickAsync("form[action='/staff/signout'] button");
        await page.WaitForURLAsync(url => !url.Contains("/staff/"));
        await page.GotoAsync("/staff/inbox");
        page.Url.ShouldContain("/staff/signin");
    }

    [Fact]
    public async Task Given_a_staff_page_without_sign_in_Then_the_sign_in_form_comes_first()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/staff/inbox");
        page.Url.ShouldContain("/staff/signin");
        page.Url.ShouldContain("ReturnUrl");
    }
}
