using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sotong.BrowserTests;

/// <summary>
/// Issue 6's journey end to end: a resident signs up for the district's texts with the code the SMS centre delivered,
/// a department officer writes a campaign to a narrow segment that includes them and a communications officer approves
/// it, the SMS centre (the npm smpp server) receives the text for them, and their reply lands in the inbox linked to
/// the campaign.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CampaignJourneyTests(BrowserFixture fixture)
{
    private const string Dong = "pil";
    private const string Interest = "transport";
    private const int AgeBand30To39 = 2;

    /// <summary>How long a visible state may take to arrive on a busy machine (Expect's own default is 5 s).</summary>
    private const float Wait = 15_000;

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"/staff/campaigns/[0-9a-f-]{36}\?done=PendingApproval$")]
    private static partial Regex CampaignPage();

    [Fact]
    public async Task Given_a_new_subscriber_When_an_officer_sends_to_their_segment_and_they_reply_Then_their_phone_gets_the_text_and_the_reply_is_in_the_inbox_linked_to_the_campaign()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp949 = Encoding.GetEncoding(949);
        var tag = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        // A number from a block the demo subscribers (010-0000-xxxx) and the other journeys do not use.
        var phone = "0105551" + tag[..4];
        var birthYear = SeoulYear() - 35;

        // 1. The resident asks for a code on /subscribe; the SMS centre receives it for their number.
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/subscribe");
        (await AccessibilityTests.SeriousViolationsAsync(citizen)).ShouldBeEmpty();
        await citizen.FillAsync("#phone", phone);
        await citizen.ClickAsync("[data-testid=send-code]");
        await Assertions.Expect(citizen.Locator("#code")).ToBeVisibleAsync(new() { Timeout = Wait });
        var codeSms = await fixture.Smsc.WaitForAsync("submit_sm", e => ToPhone(e, phone), TimeSpan.FromSeconds(30));
        codeSms.GetProperty("source_addr").GetString().ShouldBe(BrowserFixture.ShortNumber);
        var codeText = Decode(codeSms);
        var code = SixDigits().Match(codeText);
        code.Success.ShouldBeTrue($"the text carries a 6-digit code: {codeText}");

        // 2. They enter the code, their details and an interest that puts them in a narrow segment, and consent.
        await citizen.FillAsync("#code", code.Value);
        await citizen.ClickAsync("label[for=gender-Female]"); // KRDS draws the controls on the labels, as a person sees them
        await citizen.FillAsync("#birth-year", birthYear.ToString(CultureInfo.InvariantCulture));
        await citizen.SelectOptionAsync("#dong", Dong);
        await citizen.ClickAsync($"label[for=interest-{Interest}]");
        await Assertions.Expect(citizen.Locator("[data-testid=consent-notice]")).ToBeVisibleAsync(new() { Timeout = Wait });
        (await AccessibilityTests.SeriousViolationsAsync(citizen)).ShouldBeEmpty();
        await citizen.ClickAsync("label[for=consent]");
        await citizen.ClickAsync("[data-testid=subscribe-submit]");
        await Assertions.Expect(citizen.Locator("[data-testid=subscribe-done]")).ToContainTextAsync("신청이 완료되었습니다.", new() { Timeout = Wait });
        (await AccessibilityTests.SeriousViolationsAsync(citizen)).ShouldBeEmpty();

        // 3. A department officer writes the campaign: the size is counted as the carrier counts it (CP949 bytes).
        var author = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(author, "bus@sotong.example");
        await author.GotoAsync("/staff/campaigns/new");
        await BrowserFixture.WaitForLiveAsync(author, "campaign-editor");
        var title = $"필동 버스 노선 변경 안내 {tag}";
        await author.FillAsync("#c-title", title);
        var shortText = $"필동 버스 노선이 바뀝니다 {tag}";
        await author.FillAsync("#c-text", shortText);
        await Assertions.Expect(author.Locator("[data-testid=size-kind]")).ToHaveTextAsync("단문(SMS)", new() { Timeout = Wait });
        await Assertions.Expect(author.Locator("[data-testid=size-bytes]")).ToHaveTextAsync($"{cp949.GetByteCount(shortText)} / 90바이트", new() { Timeout = Wait });
        // Past 90 bytes it becomes an LMS on its own; it still fits one UCS-2 part (70 characters) at the SMS centre.
        var text = $"[중구청] 다음 달부터 필동을 지나는 버스 노선이 바뀝니다. 궁금한 점은 이 번호로 답장해 주세요 {tag}";
        cp949.GetByteCount(text).ShouldBeGreaterThan(90);
        text.Length.ShouldBeLessThanOrEqualTo(70);
        await author.FillAsync("#c-text", text);
        await Assertions.Expect(author.Locator("[data-testid=size-kind]")).ToHaveTextAsync("장문(LMS)", new() { Timeout = Wait });
        await Assertions.Expect(author.Locator("[data-testid=size-bytes]")).ToHaveTextAsync($"{cp949.GetByteCount(text)} / 2000바이트", new() { Timeout = Wait });

        // The segment: women in their thirties in Pil-dong who chose transport. The page counts it as the officer chooses.
        foreach (var control in new[] { $"c-interest-{Interest}", "c-gender-Female", $"c-age-{AgeBand30To39}", $"c-dong-{Dong}" })
        {
            await author.ClickAsync($"label[for={control}]");
            // Each choice is in before the next (the page recounts after every change): a lost click fails here, by name.
            await Assertions.Expect(author.Locator($"#{control}")).ToBeCheckedAsync(new() { Timeout = Wait });
        }
        var expected = await AudienceAsync(new
        {
            interests = new[] { Interest }, interestMatch = "Any", genders = new[] { "Female" }, ageBands = new[] { new { from = 30, to = 39 } }, dongs = new[] { Dong },
        });
        expected.ShouldBeGreaterThanOrEqualTo(1, "the new subscriber is in the segment");
        await Assertions.Expect(author.Locator("[data-testid=audience]")).ToHaveTextAsync($"지금 받을 사람: {expected.ToString("N0", CultureInfo.GetCultureInfo("ko-KR"))}명", new() { Timeout = Wait });
        // Urgent, so that quiet hours (21:00–08:00 in Seoul) never hold it back whenever the test runs.
        await author.ClickAsync("label[for=c-urgent]");
        (await AccessibilityTests.SeriousViolationsAsync(author)).ShouldBeEmpty();
        await author.ClickAsync("[data-testid=save-send]");
        await author.WaitForURLAsync(CampaignPage());
        var campaignPath = new Uri(author.Url).AbsolutePath;
        await Assertions.Expect(author.Locator("[data-testid=campaign-state]")).ToHaveTextAsync("승인 대기", new() { Timeout = Wait });
        await Assertions.Expect(author.Locator("[data-testid=approve]")).ToHaveCountAsync(0, new() { Timeout = Wait }); // the author never approves their own

        // 4. A city-wide officer approves it; the live panel follows the sending to the end.
        var comms = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(comms, "comms@sotong.example");
        await comms.GotoAsync(campaignPath);
        await comms.ClickAsync("[data-testid=approve]");
        await Assertions.Expect(comms.Locator("[data-testid=campaign-outcome]")).ToHaveTextAsync("승인했습니다. 곧 보내기 시작합니다.", new() { Timeout = Wait });

        await author.GotoAsync(campaignPath);
        await Assertions.Expect(author.Locator("[data-testid=progress-text]")).ToContainTextAsync("(100%)", new() { Timeout = 60_000 });
        await Assertions.Expect(author.Locator("[data-testid=progress-text]")).ToContainTextAsync($"{expected} / {expected}건", new() { Timeout = Wait });

        // 5. The SMS centre received the campaign's text for the subscriber, from the short number, once per recipient.
        var received = await fixture.Smsc.WaitForAsync("submit_sm", e => ToPhone(e, phone) && Decode(e).Contains(tag, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        received.GetProperty("source_addr").GetString().ShouldBe(BrowserFixture.ShortNumber);
        Decode(received).ShouldBe(text);
        var recipients = fixture.Smsc.Events("submit_sm").Where(e => Decode(e) == text).Select(e => e.GetProperty("destination_addr").GetString()).ToList();
        recipients.Count.ShouldBe(expected, "one text per subscriber in the segment");
        recipients.Distinct().Count().ShouldBe(expected);
        await ReloadUntilAsync(author, author.Locator("[data-testid=campaign-state]"), "보냄");
        (await author.Locator("[data-testid=audience-size]").TextContentAsync())!.Trim().ShouldBe(expected.ToString(CultureInfo.InvariantCulture));

        // 6. The subscriber texts back; the reply is counted on the campaign page and listed with a link to the inbox.
        var reply = $"필동 정류장은 어디로 옮기나요? {tag}";
        await fixture.Smsc.SendAsync(new { cmd = "deliver", from = phone, to = BrowserFixture.ShortNumber, text = reply, coding = "ucs2" });
        await Assertions.Expect(author.Locator("[data-testid=reply-count]")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await author.ReloadAsync();
        var replyRow = author.Locator("[data-testid=replies] tr[data-reply]", new() { HasText = tag });
        await Assertions.Expect(replyRow).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(replyRow).ToContainTextAsync("***-****-" + phone[^4..], new() { Timeout = Wait });
        (await replyRow.TextContentAsync())!.ShouldNotContain(phone);
        (await AccessibilityTests.SeriousViolationsAsync(author)).ShouldBeEmpty();

        // 7. It is in the staff inbox; its page says which campaign it answers and leads there.
        await comms.GotoAsync("/staff/inbox");
        await BrowserFixture.WaitForLiveAsync(comms, "inbox-live");
        var row = comms.Locator("tr[data-receipt^='S-']", new() { HasText = tag });
        await row.WaitForAsync(new() { Timeout = 15_000 });
        await row.Locator("a").First.ClickAsync();
        await comms.WaitForURLAsync("**/staff/inbox/*");
        await Assertions.Expect(comms.Locator("[data-testid=message-text]")).ToContainTextAsync(reply, new() { Timeout = Wait });
        var link = comms.Locator("[data-testid=message-campaign] a");
        await Assertions.Expect(link).ToHaveTextAsync(title, new() { Timeout = Wait });
        await Assertions.Expect(comms.Locator("dt", new() { HasText = "캠페인 답장" })).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", campaignPath, new() { Timeout = Wait });
        (await AccessibilityTests.SeriousViolationsAsync(comms)).ShouldBeEmpty();
        await link.ClickAsync();
        await comms.WaitForURLAsync("**" + campaignPath);
        await Assertions.Expect(comms.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = Wait });
        await Assertions.Expect(comms.Locator("[data-testid=replies] tr[data-reply]", new() { HasText = tag })).ToHaveCountAsync(1, new() { Timeout = Wait });
    }

    /// <summary>The audience the API counts for a segment, for comparing with what the compose screen shows.</summary>
    private async Task<int> AudienceAsync(object segment)
    {
        using var api = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await api.PostAsJsonAsync("/api/v1/auth/signin", new { email = "bus@sotong.example", password = "Sotong-demo-2026!" })).EnsureSuccessStatusCode();
        var response = await api.PostAsJsonAsync("/api/v1/campaigns/audience", segment);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32();
    }

    /// <summary>Reloads a static page until a part of it shows a text (the scheduler marks a campaign sent on its next round).</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string text)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Assertions.Expect(locator).ToHaveTextAsync(text, new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 30)
            {
                await page.ReloadAsync();
            }
        }
    }

    private static bool ToPhone(JsonElement submit, string phone)
    {
        var to = submit.GetProperty("destination_addr").GetString() ?? "";
        return to == phone || to == "82" + phone[1..] || to == "+82" + phone[1..];
    }

    /// <summary>A submit_sm's text: UCS-2 big-endian when data_coding is 8, after the UDH when esm_class says there is one.</summary>
    private static string Decode(JsonElement submit)
    {
        var bytes = Convert.FromHexString(submit.GetProperty("short_message_hex").GetString()!);
        var start = (submit.GetProperty("esm_class").GetInt32() & 0x40) != 0 ? bytes[0] + 1 : 0;
        return submit.GetProperty("data_coding").GetInt32() == 8
            ? Encoding.BigEndianUnicode.GetString(bytes, start, bytes.Length - start)
            : Encoding.Latin1.GetString(bytes, start, bytes.Length - start);
    }

    private static int SeoulYear() =>
        TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).Year;
}
