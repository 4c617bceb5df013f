using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Demo;
using Sotong.Core.Organization.Staff;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Organization;

/// <summary>The app on a clock the tests move, so each new code is a step later and a lock can run out.</summary>
public interface ISecondFactorApp
{
    FakeTimeProvider Clock { get; }

    SotongApp App { get; }
}

internal static class SecondFactorAppSetup
{
    /// <summary>Five seconds into a 30-second step, so a test's codes never straddle a step by accident.</summary>
    public static FakeTimeProvider NewClock()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((now / 30 * 30) + 5));
    }

    public static void Configure(IWebHostBuilder builder, FakeTimeProvider clock) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
}

public sealed class SecondFactorSqliteApp : SqliteApp, ISecondFactorApp
{
    public FakeTimeProvider Clock { get; } = SecondFactorAppSetup.NewClock();

    public SotongApp App => this;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecondFactorAppSetup.Configure(builder, Clock);
    }
}

public sealed class SecondFactorPostgresApp : PostgresApp, ISecondFactorApp
{
    public FakeTimeProvider Clock { get; } = SecondFactorAppSetup.NewClock();

    public SotongApp App => this;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecondFactorAppSetup.Configure(builder, Clock);
    }
}

public sealed class SqliteSecondFactorTests(SecondFactorSqliteApp app) : SecondFactorTests<SecondFactorSqliteApp>(app);

public sealed class PostgresSecondFactorTests(SecondFactorPostgresApp app) : SecondFactorTests<SecondFactorPostgresApp>(app);

/// <summary>
/// Staff two-factor authentication through the enrolment page, with codes made by an independent TOTP
/// implementation from the key the page shows, and the <see cref="ISecondFactor"/> that alert approval calls.
/// </summary>
public abstract partial class SecondFactorTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : SotongApp, ISecondFactorApp
{
    private const string PagePath = "/staff/account/two-factor";
    private readonly SotongApp _app = fixture.App;
    private readonly FakeTimeProvider _clock = fixture.Clock;

    [GeneratedRegex("""data-testid="two-factor-key"[^>]*>([A-Z2-7 ]+)</code>""")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*?value="([^"]+)""")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<img src="(data:image/svg\+xml;base64,[^"]+)" alt="([^"]+)"[^>]*data-testid="two-factor-qr""")]
    private static partial Regex QrImage();

    [GeneratedRegex("""href="(otpauth://[^"]+)" data-testid="two-factor-uri""")]
    private static partial Regex OtpAuthLink();

    private ISecondFactor Factor => _app.Service<ISecondFactor>();

    /// <summary>A staff member of their own per test, so one test's enrolment or lock never meets another's.</summary>
    private async Task<(string Email, Guid Id, HttpClient Client)> NewStaffAsync(string role)
    {
        var email = $"tf-{Guid.NewGuid():N}@sotong.example";
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "2FA 시험" };
            (await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }
        return (email, Guid.Parse(await _app.StaffIdAsync(email)), await _app.SignedInAsync(email));
    }

    private static async Task<string> PageAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(PagePath + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one of the page's forms as a browser would: with the antiforgery token the page rendered.</summary>
    private static async Task<string> PostAsync(HttpClient client, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(PagePath);
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue("the page renders an antiforgery token");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        var response = await client.PostAsync(PagePath, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Task<string> EnrolAsync(HttpClient client, string code) =>
        PostAsync(client, "two-factor-enrol", new() { ["Enrol.Code"] = code });

    private static Task<string> ResetAsync(HttpClient client, string code, bool confirm = true) =>
        PostAsync(client, "two-factor-reset", confirm ? new() { ["Reset.Code"] = code, ["Reset.Confirm"] = "true" } : new() { ["Reset.Code"] = code });

    private static string KeyFrom(string page)
    {
        var match = KeyOnPage().Match(page);
        match.Success.ShouldBeTrue("the page shows the key while the factor is off");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The code an authenticator app would show now, computed by Otp.NET rather than by the app under test.</summary>
    private string CodeNow(string key) => new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(_clock.GetUtcNow().UtcDateTime);

    private string WrongCode(string key)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(key));
        var inWindow = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !inWindow.Contains(c));
    }

    private static bool ShowsEnrolled(string page) => page.Contains("""data-testid="two-factor-status" data-enrolled="true""", StringComparison.Ordinal);

    private async Task<string> EnrolledAsync(HttpClient client)
    {
        var key = KeyFrom(await PageAsync(client));
        ShowsEnrolled(await EnrolAsync(client, CodeNow(key))).ShouldBeTrue();
        return key;
    }

    private async Task<List<(string Action, string? To, string? Detail)>> AuditAsync(Guid id)
    {
        await using var db = await _app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return (await db.AuditEntries.Where(a => a.EntityType == SecondFactorHandler.AuditEntity && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ToState, a.Detail }).ToListAsync())
            .Select(a => (a.Action, a.ToState, a.Detail)).ToList();
    }

    [Fact]
    public async Task Given_an_approver_Then_they_enrol_with_the_qr_key_and_a_code_and_each_code_is_accepted_once()
    {
        var (email, id, client) = await NewStaffAsync(SotongRoles.AlertApprover);
        var page = await PageAsync(client);
        page.ShouldContain("""data-testid="approver-notice""");
        ShowsEnrolled(page).ShouldBeFalse();
        var key = KeyFrom(page);
        key.Length.ShouldBe(32);

        // The key is Identity's authenticator key, and the QR code and link carry it for this account.
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id.ToString()))!)).ShouldBe(key);
        }
        var qr = QrImage().Match(page);
        qr.Success.ShouldBeTrue();
        qr.Groups[2].Value.ShouldContain(email);
        OtpAuthLink().Match(page).Groups[1].Value
            .ShouldBe($"otpauth://totp/Sotong:{Uri.EscapeDataString(email)}?secret={key}&issuer=Sotong&digits=6&period=30");
        // A reload shows the key already scanned, not a new one.
        KeyFrom(await PageAsync(client)).ShouldBe(key);

        (await Factor.IsEnrolledAsync(id, CancellationToken.None)).ShouldBeFalse();
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.NotEnrolled);

        var refused = await EnrolAsync(client, WrongCode(key));
        refused.ShouldContain("코드가 맞지 않습니다");
        ShowsEnrolled(refused).ShouldBeFalse();
        (await Factor.IsEnrolledAsync(id, CancellationToken.None)).ShouldBeFalse();

        var code = CodeNow(key);
        var enrolled = await EnrolAsync(client, code);
        enrolled.ShouldContain("2단계 인증을 켰습니다");
        ShowsEnrolled(enrolled).ShouldBeTrue();
        enrolled.ShouldNotContain(key[..8], Case.Sensitive, "the key is not shown once it is in use");
        (await Factor.IsEnrolledAsync(id, CancellationToken.None)).ShouldBeTrue();

        // The code that turned it on cannot approve anything; the next one can, once.
        (await Factor.VerifyAsync(id, code, CancellationToken.None)).ShouldBe(SecondFactorResult.Reused);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var next = CodeNow(key);
        (await Factor.VerifyAsync(id, next, CancellationToken.None)).ShouldBe(SecondFactorResult.Ok);
        (await Factor.VerifyAsync(id, next, CancellationToken.None)).ShouldBe(SecondFactorResult.Reused);
        (await Factor.VerifyAsync(id, WrongCode(key), CancellationToken.None)).ShouldBe(SecondFactorResult.Invalid);

        var audit = await AuditAsync(id);
        audit.Count(a => a.Action == SecondFactorHandler.EnrolledAction).ShouldBe(1);
        audit.Where(a => a.Action == SecondFactorHandler.FailedAction).Select(a => a.Detail)
            .ShouldBe(["enrol: Invalid", "verify: Reused", "verify: Reused", "verify: Invalid"]);
    }

    [Fact]
    public async Task Given_repeated_wrong_codes_Then_the_factor_locks_and_refuses_even_the_right_code_until_the_lock_ends()
    {
        var (_, id, client) = await NewStaffAsync(SotongRoles.AlertApprover);
        var key = await EnrolledAsync(client);
        _clock.Advance(TimeSpan.FromSeconds(30));

        for (var i = 1; i < 5; i++)
        {
            (await Factor.VerifyAsync(id, WrongCode(key), CancellationToken.None)).ShouldBe(SecondFactorResult.Invalid);
        }
        // The fifth wrong code, typed on the page, locks it.
        var locked = await ResetAsync(client, WrongCode(key));
        locked.ShouldContain("잘못된 코드를 여러 번 입력해");
        ShowsEnrolled(locked).ShouldBeTrue();
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.LockedOut);
        (await PageAsync(client)).ShouldContain("""data-testid="two-factor-locked""");

        _clock.Advance(TimeSpan.FromMinutes(14));
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.LockedOut);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.Ok);

        var audit = await AuditAsync(id);
        audit.Count(a => a.Action == SecondFactorHandler.FailedAction && a.To == "Locked").ShouldBe(1);
        audit.Count(a => a.Action == SecondFactorHandler.FailedAction && a.Detail == "verify: LockedOut").ShouldBe(2);
    }

    [Fact]
    public async Task Given_an_enrolled_staff_member_Then_reset_needs_confirmation_and_a_current_unused_code_and_gives_a_new_key()
    {
        var (_, id, client) = await NewStaffAsync(SotongRoles.CommunicationsOfficer);
        var key = KeyFrom(await PageAsync(client));
        var enrolCode = CodeNow(key);
        ShowsEnrolled(await EnrolAsync(client, enrolCode)).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(30));

        var unconfirmed = await ResetAsync(client, CodeNow(key), confirm: false);
        unconfirmed.ShouldContain("확인란을 선택하세요");
        ShowsEnrolled(unconfirmed).ShouldBeTrue();
        (await ResetAsync(client, WrongCode(key))).ShouldContain("코드가 맞지 않습니다");
        // The code that enrolled is still inside the window, and still refused.
        (await ResetAsync(client, enrolCode)).ShouldContain("이미 사용한 코드입니다");
        (await Factor.IsEnrolledAsync(id, CancellationToken.None)).ShouldBeTrue();

        var reset = await ResetAsync(client, CodeNow(key));
        reset.ShouldContain("2단계 인증을 초기화했습니다");
        ShowsEnrolled(reset).ShouldBeFalse();
        var newKey = KeyFrom(reset);
        newKey.ShouldNotBe(key);
        (await Factor.IsEnrolledAsync(id, CancellationToken.None)).ShouldBeFalse();
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.NotEnrolled);

        // The new key enrols at once, in the same 30 seconds as the reset: old steps do not carry over.
        ShowsEnrolled(await EnrolAsync(client, CodeNow(newKey))).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(30));
        (await Factor.VerifyAsync(id, CodeNow(key), CancellationToken.None)).ShouldBe(SecondFactorResult.Invalid);
        (await Factor.VerifyAsync(id, CodeNow(newKey), CancellationToken.None)).ShouldBe(SecondFactorResult.Ok);

        (await AuditAsync(id)).Select(a => a.Action).Where(a => a != SecondFactorHandler.FailedAction)
            .ShouldBe([SecondFactorHandler.EnrolledAction, SecondFactorHandler.ResetAction, SecondFactorHandler.EnrolledAction]);
    }

    [Fact]
    public async Task Given_the_same_code_sent_several_times_at_once_Then_exactly_one_is_accepted()
    {
        var (_, id, client) = await NewStaffAsync(SotongRoles.AlertApprover);
        var key = await EnrolledAsync(client);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(key);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Factor.VerifyAsync(id, code, CancellationToken.None))));
        results.Count(r => r == SecondFactorResult.Ok).ShouldBe(1);
        results.Count(r => r == SecondFactorResult.Reused).ShouldBe(3);
    }

    [Fact]
    public async Task Given_other_staff_or_nobody_Then_the_page_speaks_their_language_and_is_closed_to_strangers()
    {
        var (_, _, officer) = await NewStaffAsync(SotongRoles.DepartmentOfficer);
        var english = await PageAsync(officer, "?culture=en-US");
        english.ShouldContain("Two-factor authentication is off.");
        english.ShouldContain("QR code that adds the Sotong account");
        english.ShouldNotContain("""data-testid="approver-notice""");
        (await PageAsync(officer)).ShouldContain("2단계 인증이 꺼져 있습니다.");

        var anonymous = await _app.NewClient().GetAsync(PagePath);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/staff/signin");

        var forged = await officer.PostAsync(PagePath, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "two-factor-enrol", ["Enrol.Code"] = "123456" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
