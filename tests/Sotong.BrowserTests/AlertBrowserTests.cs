using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Demo;
using Sotong.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Sotong.BrowserTests;

/// <summary>
/// Issue 7's public side end to end: a resident has the home page open; a communications officer writes an exercise
/// alert and an alert approver (two-factor turned on through its page) approves it; the banner appears on the open page
/// without a reload, the SMS centre gets the text for the dong's subscribers, an X stand-in gets the post, and the public
/// alert pages and feeds show it. A cancellation then takes the banner down, live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Author = "comms@sotong.example";
    private const string DemoApprover = "approver@sotong.example";
    private const string Dong = "pil";

    /// <summary>The issue asks for the banner within 2 s; 5 s leaves room for a loaded two-core machine.</summary>
    private static readonly TimeSpan BannerWithin = TimeSpan.FromSeconds(5);

    private const float Wait = 15_000;

    [Fact]
    public async Task Given_an_open_public_page_When_an_alert_is_approved_and_then_cancelled_Then_the_banner_comes_and_goes_live_and_every_channel_gets_it()
    {
        var tag = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        await using var platform = await FakePlatform.StartAsync();
        var xToken = $"x-alert-token-{tag}";
        await RegisterXAccountAsync(platform, tag, xToken);

        // 1. A resident has the home page open, connected to the live banner, with no alert on it yet.
        var resident = await fixture.NewPageAsync();
        await resident.GotoAsync("/");
        var banner = resident.Locator("[data-testid=alert-banner]");
        await resident.Locator("[data-testid=alert-banner][data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Wait });
        // A mark in the page's own memory: still there later means the page was never reloaded.
        await resident.EvaluateAsync("() => { window.alertProbe = 'same page'; }");

        // 2. The communications officer writes an exercise alert for one dong and sends it for approval.
        using var author = await ApiAsync(Author);
        var draft = await ReadAsync(await author.PostAsJsonAsync("/api/v1/alerts", Draft(tag)), HttpStatusCode.Created);
        var pending = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{Id(draft)}/submit", new { version = Version(draft) }), HttpStatusCode.OK);
        var identifier = pending.GetProperty("identifier").GetString()!;

        // 3. An alert approver turns two-factor on through its page, reading the key as a person would type it into an app.
        var (approverEmail, authenticator) = await EnrolApproverAsync();
        using var approver = await ApiAsync(approverEmail);

        // 4. The approval: the banner is on the open page within seconds, without a reload.
        var clock = Stopwatch.StartNew();
        var issued = await ReadAsync(await approver.PostAsJsonAsync($"/api/v1/alerts/{Id(pending)}/approve",
            new { version = Version(pending), code = await authenticator.NextCodeAsync() }), HttpStatusCode.OK);
        issued.GetProperty("state").GetString().ShouldBe("Issued");
        var item = resident.Locator($"[data-testid=alert-banner] li[data-alert='{identifier}']");
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = (float)BannerWithin.TotalMilliseconds });
        var shownAfter = clock.Elapsed;
        output.WriteLine($"Banner on the open page {shownAfter.TotalMilliseconds:F0} ms after the approval request was sent.");
        shownAfter.ShouldBeLessThan(BannerWithin);
        (await resident.EvaluateAsync<string>("() => window.alertProbe")).ShouldBe("same page", "the page was not reloaded");
        await Assertions.Expect(item).ToContainTextAsync($"필동 대설주의보 훈련 {tag}");
        await Assertions.Expect(item).ToContainTextAsync("내 집 앞 눈을 치우고");
        await Assertions.Expect(item.Locator("[data-marker=Exercise]")).ToHaveTextAsync("[훈련] Exercise");
        await Assertions.Expect(item.Locator("[data-marker=Test]")).ToHaveCountAsync(0);
        await Assertions.Expect(item.Locator(".critical-ban")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(item.Locator("a[data-field=link]")).ToHaveAttributeAsync("href", $"/alerts/{identifier}");
        await Assertions.Expect(banner).ToHaveAttributeAsync("aria-label", "긴급 재난 알림");
        (await AccessibilityTests.SeriousViolationsAsync(resident)).ShouldBeEmpty();

        // 5. The SMS centre gets the marked text for the dong's subscribers.
        var audience = await SmsAudienceAsync(author, Id(pending));
        audience.ShouldBeGreaterThan(0, "the demo registry has subscribers in Pil-dong");
        var sms = await fixture.Smsc.WaitForAsync("submit_sm", e => Decode(e).Contains(tag, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        sms.GetProperty("source_addr").GetString().ShouldBe(BrowserFixture.ShortNumber);
        Decode(sms).ShouldStartWith("[훈련] ");

        // 6. The X stand-in gets the post, with the account's token, marked as an exercise.
        var tweet = await PostedAsync(platform, r => r.Path == "/2/tweets" && r.Body.Contains(tag, StringComparison.Ordinal));
        tweet.Headers["Authorization"].ShouldBe($"Bearer {xToken}");
        var tweetText = JsonDocument.Parse(tweet.Body).RootElement.GetProperty("text").GetString()!;
        tweetText.ShouldStartWith("[훈련·Exercise]");
        tweetText.ShouldContain($"필동 대설주의보 훈련 {tag}");

        // 7. A page opened now shows the banner from the server; the public pages and the feeds list the alert.
        var reader = await fixture.NewPageAsync();
        await reader.GotoAsync("/answers");
        await Assertions.Expect(reader.Locator($"[data-testid=alert-banner] li[data-alert='{identifier}']")).ToBeVisibleAsync(new() { Timeout = Wait });
        await reader.GotoAsync("/?culture=en-US");
        await Assertions.Expect(reader.Locator($"[data-testid=alert-banner] li[data-alert='{identifier}']")).ToContainTextAsync($"Heavy snow advisory drill in Pil-dong {tag}");
        await Assertions.Expect(reader.Locator("[data-testid=alert-banner]")).ToHaveAttributeAsync("aria-label", "Emergency alerts");
        await reader.GotoAsync("/alerts");
        await Assertions.Expect(reader.Locator($"[data-testid=alerts-in-force] li[data-alert='{identifier}']")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(reader.Locator($"[data-testid=alerts-archive] li[data-alert='{identifier}']")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(reader.Locator("[data-testid=atom-link]")).ToHaveAttributeAsync("href", "/alerts/feed.atom");
        (await AccessibilityTests.SeriousViolationsAsync(reader)).ShouldBeEmpty();

        await reader.Locator($"[data-testid=alerts-in-force] li[data-alert='{identifier}'] a").ClickAsync();
        await reader.WaitForURLAsync($"**/alerts/{identifier}");
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync($"필동 대설주의보 훈련 {tag}");
        await Assertions.Expect(reader.Locator("h1 [data-marker=Exercise]")).ToHaveTextAsync("[훈련] Exercise");
        await Assertions.Expect(reader.Locator("[data-testid=exercise-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("[data-testid=in-force]")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("[data-testid=alert-area]")).ToHaveTextAsync("중구 필동");
        await Assertions.Expect(reader.Locator("[data-testid=alert-expires] time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"\+09:00$"));
        await Assertions.Expect(reader.Locator("[data-testid=cap-link]")).ToHaveAttributeAsync("href", $"/alerts/{identifier}.xml");
        (await AccessibilityTests.SeriousViolationsAsync(reader)).ShouldBeEmpty();

        await reader.GotoAsync($"/alerts/{identifier}?culture=en-US");
        await Assertions.Expect(reader.Locator("h1")).ToContainTextAsync($"Heavy snow advisory drill in Pil-dong {tag}");
        await Assertions.Expect(reader.Locator("[data-testid=alert-area]")).ToHaveTextAsync("Pil-dong, Jung-gu");

        // The page's route does not take the feeds' addresses: the CAP document and the Atom index answer as themselves.
        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var cap = await anonymous.GetAsync($"/alerts/{identifier}.xml");
        cap.StatusCode.ShouldBe(HttpStatusCode.OK);
        cap.Content.Headers.ContentType!.MediaType.ShouldBe("application/cap+xml");
        var capXml = await cap.Content.ReadAsStringAsync();
        capXml.ShouldContain("urn:oasis:names:tc:emergency:cap:1.2");
        capXml.ShouldContain($"<identifier>{identifier}</identifier>");
        var atom = await anonymous.GetAsync("/alerts/feed.atom");
        atom.StatusCode.ShouldBe(HttpStatusCode.OK);
        atom.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        (await atom.Content.ReadAsStringAsync()).ShouldContain($"/alerts/{identifier}.xml");
        var unknown = await reader.GotoAsync($"/alerts/KR.NO.SUCH.{tag}");
        unknown!.Status.ShouldBe(404);
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("페이지를 찾을 수 없습니다");

        // 8. A cancellation, through the same two people, takes the banner down on the open page, live.
        var cancel = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{Id(issued)}/follow-up", new { msgType = "Cancel" }), HttpStatusCode.Created);
        var cancelPending = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{Id(cancel)}/submit", new { version = Version(cancel) }), HttpStatusCode.OK);
        var cancelIdentifier = cancelPending.GetProperty("identifier").GetString()!;
        var code = await authenticator.NextCodeAsync();
        clock.Restart();
        await ReadAsync(await approver.PostAsJsonAsync($"/api/v1/alerts/{Id(cancelPending)}/approve", new { version = Version(cancelPending), code }), HttpStatusCode.OK);
        await Assertions.Expect(item).ToHaveCountAsync(0, new() { Timeout = (float)BannerWithin.TotalMilliseconds });
        output.WriteLine($"Banner gone from the open page {clock.Elapsed.TotalMilliseconds:F0} ms after the cancellation's approval request was sent.");
        clock.Elapsed.ShouldBeLessThan(BannerWithin);
        (await resident.EvaluateAsync<string>("() => window.alertProbe")).ShouldBe("same page", "the page was not reloaded");
        if (await resident.Locator("[data-testid=alert-banner] li[data-alert]").CountAsync() == 0)
        {
            await Assertions.Expect(banner).ToBeHiddenAsync();
        }

        // The original's page says it was cancelled and leads to the cancellation, which leads back to it.
        await reader.GotoAsync($"/alerts/{identifier}");
        await Assertions.Expect(reader.Locator("[data-testid=superseded]")).ToContainTextAsync("이 알림은 해제되었습니다.");
        await Assertions.Expect(reader.Locator("[data-testid=superseded-link]")).ToHaveAttributeAsync("href", $"/alerts/{cancelIdentifier}");
        await reader.Locator("[data-testid=superseded-link]").ClickAsync();
        await reader.WaitForURLAsync($"**/alerts/{cancelIdentifier}");
        await Assertions.Expect(reader.Locator("[data-testid=alert-kind]")).ToHaveTextAsync("해제");
        await Assertions.Expect(reader.Locator("[data-testid=alert-references] a")).ToHaveAttributeAsync("href", $"/alerts/{identifier}");
        await Assertions.Expect(reader.Locator($"[data-testid=alert-banner] li[data-alert='{identifier}']")).ToHaveCountAsync(0);
        await reader.GotoAsync("/alerts");
        await Assertions.Expect(reader.Locator($"[data-testid=alerts-in-force] li[data-alert='{identifier}']")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator($"[data-testid=alerts-archive] li[data-alert='{cancelIdentifier}']")).ToBeVisibleAsync(new() { Timeout = Wait });
        (await AccessibilityTests.SeriousViolationsAsync(reader)).ShouldBeEmpty();
    }

    private static object Draft(string tag) => new
    {
        hazardKey = "heavy-snow",
        status = "Exercise",
        smsText = $"[중구청] 필동 대설주의보 훈련입니다. 내 집 앞 눈 치우기 {tag}",
        headlineKo = $"필동 대설주의보 훈련 {tag}",
        headlineEn = $"Heavy snow advisory drill in Pil-dong {tag}",
        descriptionKo = "훈련 상황: 오늘 18시 필동에 대설주의보가 발효되었습니다.",
        descriptionEn = "Drill: a heavy snow advisory is in force in Pil-dong from 18:00 today.",
        instructionKo = "내 집 앞 눈을 치우고 대중교통을 이용하세요.",
        instructionEn = "Clear the snow in front of your home and use public transport.",
        areaDescKo = "중구 필동",
        areaDescEn = "Pil-dong, Jung-gu",
        expiresAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(3),
        dongCodes = new[] { Dong },
    };

    /// <summary>
    /// An X account with a user token. Its API base is pointed at the stand-in at run time: the channel settings are read
    /// on each use, and no other browser test posts to X.
    /// </summary>
    private async Task RegisterXAccountAsync(FakePlatform platform, string tag, string token)
    {
        fixture.App.Services.GetRequiredService<IConfiguration>()["Channels:X:ApiBaseUrl"] = platform.BaseUrl;
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Sotong.Core.Common.SotongDbContext>();
        var owner = db.Departments.First(d => d.Code == "COMM-SMC");
        var account = new ChannelAccount
        {
            Platform = ChannelPlatform.X, Handle = $"sotong_alerts_{tag}", NameKo = "소통 재난 알림", NameEn = "Sotong alerts",
            Url = $"https://x.com/sotong_alerts_{tag}", OwningDivisionId = owner.Id,
        };
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        await fixture.App.Services.GetRequiredService<ChannelCredentials>().SetAsync(account.Id,
            new Dictionary<string, string> { [CredentialNames.UserAccessToken] = token }, $"x-{tag}", default);
    }

    /// <summary>
    /// Signs an alert approver in and turns two-factor on through /staff/account/two-factor with the current code. The
    /// demo approver when nobody has enrolled it yet; otherwise (another test got there first, and its key is not ours to
    /// read) a new approver of this test's own.
    /// </summary>
    private async Task<(string Email, Authenticator Authenticator)> EnrolApproverAsync()
    {
        var page = await fixture.NewPageAsync();
        var email = DemoApprover;
        await SignInToTwoFactorAsync(page, email);
        if (await page.Locator("[data-testid=two-factor-status][data-enrolled=true]").CountAsync() > 0)
        {
            email = await NewApproverAsync();
            await page.Context.ClearCookiesAsync();
            await SignInToTwoFactorAsync(page, email);
        }
        await Assertions.Expect(page.Locator("[data-testid=approver-notice]")).ToBeVisibleAsync(new() { Timeout = Wait });
        var key = (await page.Locator("[data-testid=two-factor-key]").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var authenticator = new Authenticator(key);
        await page.FillAsync("#enrol-code", authenticator.CurrentCode());
        await page.ClickAsync("[data-testid=two-factor-enrol]");
        await Assertions.Expect(page.Locator("[data-testid=two-factor-done]")).ToBeVisibleAsync(new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("[data-testid=two-factor-status]")).ToHaveAttributeAsync("data-enrolled", "true");
        return (email, authenticator);
    }

    private static async Task SignInToTwoFactorAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/signin?returnUrl=%2Fstaff%2Faccount%2Ftwo-factor");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/staff/account/two-factor");
        await page.Locator("[data-testid=two-factor-status]").WaitForAsync(new() { Timeout = Wait });
    }

    private async Task<string> NewApproverAsync()
    {
        var email = $"approver-{Guid.NewGuid():N}@sotong.example";
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "승인 시험 (Alert approver)" };
        (await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, SotongRoles.AlertApprover)).Succeeded.ShouldBeTrue();
        return email;
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var api = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await api.PostAsJsonAsync("/api/v1/auth/signin", new { email, password = DemoSeeder.DemoPassword })).EnsureSuccessStatusCode();
        return api;
    }

    /// <summary>The SMS audience once the issuer has written it to the outbox.</summary>
    private static async Task<int> SmsAudienceAsync(HttpClient author, string id)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var view = await author.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
            if (view.GetProperty("smsAudience") is { ValueKind: JsonValueKind.Number } audience)
            {
                return audience.GetInt32();
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The alert's SMS audience was never written to the outbox.");
    }

    private static async Task<RecordedRequest> PostedAsync(FakePlatform platform, Func<RecordedRequest, bool> match)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (platform.Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The platform stand-in received no such request.");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Id(JsonElement view) => view.GetProperty("id").GetString()!;

    private static int Version(JsonElement view) => view.GetProperty("version").GetInt32();

    /// <summary>A submit_sm's text: UCS-2 big-endian when data_coding is 8, after the UDH when esm_class says there is one.</summary>
    private static string Decode(JsonElement submit)
    {
        var bytes = Convert.FromHexString(submit.GetProperty("short_message_hex").GetString()!);
        var start = (submit.GetProperty("esm_class").GetInt32() & 0x40) != 0 ? bytes[0] + 1 : 0;
        return submit.GetProperty("data_coding").GetInt32() == 8
            ? Encoding.BigEndianUnicode.GetString(bytes, start, bytes.Length - start)
            : Encoding.Latin1.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>
    /// The approver's authenticator app, computed by Otp.NET rather than by Sotong. A code is good once: each approval
    /// takes the step after the last one spent (the server accepts one step either side of now), waiting for the clock
    /// when that step is not yet within reach.
    /// </summary>
    private sealed class Authenticator(string key)
    {
        private readonly Totp _totp = new(Base32Encoding.ToBytes(key));
        private long _lastStep;

        public string CurrentCode()
        {
            _lastStep = Step(Now);
            return At(_lastStep);
        }

        public async Task<string> NextCodeAsync()
        {
            while (Step(Now) + 1 <= _lastStep)
            {
                await Task.Delay(250);
            }
            _lastStep = Step(Now) + 1;
            return At(_lastStep);
        }

        private string At(long step) => _totp.ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

        private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

        private static long Step(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalSeconds / 30;
    }
}
