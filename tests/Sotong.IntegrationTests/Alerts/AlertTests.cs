using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sotong.Core.Alerts;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Demo;
using Sotong.Core.Organization.Staff;
using Sotong.IntegrationTests.Campaigns;
using Sotong.IntegrationTests.Channels;
using Sotong.IntegrationTests.Infrastructure;
using Sotong.IntegrationTests.Messaging;
using Sotong.IntegrationTests.Smpp;

namespace Sotong.IntegrationTests.Alerts;

/// <summary>The app with a real SMSC, the SNS platforms pointed at a local stand-in, and the demo city's accounts registered.</summary>
public interface IAlertApp
{
    SotongApp App { get; }

    FakePlatform Platform { get; }

    internal SmscSimulator Smsc { get; }
}

public sealed class AlertSqliteApp : SqliteApp, IAlertApp
{
    private readonly SmscLifetime _smsc = new();

    public SotongApp App => this;

    public FakePlatform Platform { get; private set; } = null!;

    SmscSimulator IAlertApp.Smsc => _smsc.Smsc;

    public override async Task InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        await _smsc.InitializeAsync(this, base.InitializeAsync);
        await ChannelSetup.RegisterAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MessagingSettings.Apply(builder, _smsc.Smsc);
        ChannelSetup.PointAt(builder, Platform);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smsc.Smsc.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

public sealed class AlertPostgresApp : PostgresApp, IAlertApp
{
    private readonly SmscLifetime _smsc = new();

    public SotongApp App => this;

    public FakePlatform Platform { get; private set; } = null!;

    SmscSimulator IAlertApp.Smsc => _smsc.Smsc;

    public override async Task InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        await _smsc.InitializeAsync(this, base.InitializeAsync);
        await ChannelSetup.RegisterAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MessagingSettings.Apply(builder, _smsc.Smsc);
        ChannelSetup.PointAt(builder, Platform);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smsc.Smsc.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

public sealed class SqliteAlertTests(AlertSqliteApp app) : AlertTests<AlertSqliteApp>(app);

public sealed class PostgresAlertTests(AlertPostgresApp app) : AlertTests<AlertPostgresApp>(app);

/// <summary>
/// Emergency alerts through the front door: drafting with validation, the two-person rule and the authenticator code,
/// then one approval reaching the SMSC, the SNS stand-in, the CAP document, the Atom index and the JSON feed; updates
/// and cancellations chained by CAP references to the same audience.
/// </summary>
public abstract class AlertTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : SotongApp, IAlertApp
{
    private const string Author = "comms@sotong.example";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SotongApp _app = fixture.App;

    private sealed record View(Guid Id, string Identifier, string State, string Status, string MsgType, Guid? ReferencesId, int Version, int? SmsAudience, Guid? SupersededById);

    private static object Draft(string sms, IReadOnlyList<string>? dongs = null, string status = "Exercise", DateTime? expires = null, string? polygon = null) => new
    {
        hazardKey = "heavy-snow",
        status,
        smsText = sms,
        headlineKo = "중구 대설주의보",
        headlineEn = "Heavy snow advisory in Jung-gu",
        descriptionKo = "오늘 18시 중구에 대설주의보가 발효되었습니다.",
        descriptionEn = "A heavy snow advisory is in force in Jung-gu from 18:00 today.",
        instructionKo = "내 집 앞 눈을 치우고 대중교통을 이용하세요.",
        instructionEn = "Clear the snow in front of your home and use public transport.",
        areaDescKo = "중구 시험동",
        areaDescEn = "Test-dong, Jung-gu",
        expiresAtUtc = expires ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(6),
        dongCodes = dongs ?? [],
        polygon,
    };

    private async Task<(HttpClient Client, string Key, StaffContext Staff)> NewApproverAsync()
    {
        var email = $"ap-{Guid.NewGuid():N}@sotong.example";
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "승인 시험" };
            (await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, SotongRoles.AlertApprover)).Succeeded.ShouldBeTrue();
        }
        var id = await _app.StaffIdAsync(email);
        var staff = new StaffContext(id, "승인 시험", new HashSet<string> { SotongRoles.AlertApprover }, null);
        return (await _app.SignedInAsync(email), "", staff);
    }

    /// <summary>Turns the approver's second factor on with the current code; returns the key (as an authenticator app holds it).</summary>
    private async Task<string> EnrolAsync(StaffContext staff)
    {
        var handler = _app.Service<SecondFactorHandler>();
        var view = await handler.GetAsync(staff, CancellationToken.None);
        var key = view.Setup!.GroupedKey.Replace(" ", "", StringComparison.Ordinal);
        (await handler.EnrolAsync(staff, Code(key, 0), CancellationToken.None)).ShouldBe(SecondFactorResult.Ok);
        return key;
    }

    /// <summary>The code an authenticator app shows <paramref name="steps"/> steps from now, computed by Otp.NET, not by the app.</summary>
    private static string Code(string key, int steps) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>Approved by a new approver of its own, enrolled a moment ago: one code spent on enrolment, the next on this.</summary>
    private async Task<View> ApprovedAsync(View pending)
    {
        var (client, _, approver) = await NewApproverAsync();
        var key = await EnrolAsync(approver);
        return await ReadAsync(await client.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = Code(key, 1) }), HttpStatusCode.OK);
    }

    private static async Task<View> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<View>(body, Json)!;
    }

    private static async Task<string> RuleAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString()!;
    }

    private async Task<View> SubmittedAsync(HttpClient author, object draft)
    {
        var created = await ReadAsync(await author.PostAsJsonAsync("/api/v1/alerts", draft), HttpStatusCode.Created);
        return await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{created.Id}/submit", new { version = created.Version }), HttpStatusCode.OK);
    }

    private async Task<List<string>> SubscribersAsync(string dong, int count)
    {
        var data = new CampaignData(_app);
        var phones = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var phone = CampaignData.NewPhone();
            await data.SubscriberAsync(dong, 0, 1980, phone: phone);
            phones.Add(phone);
        }
        return phones;
    }

    private static string Text(JsonElement submit)
    {
        var bytes = Convert.FromHexString(submit.GetProperty("short_message_hex").GetString()!);
        return submit.GetProperty("data_coding").GetInt32() == 8 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    private async Task<Alert> StoredAsync(Guid id)
    {
        await using var db = await _app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<Alert>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        T value;
        while (!done(value = await read()))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new ShouldAssertException($"{what} did not happen within {seconds} s; last: {JsonSerializer.Serialize(value)}");
            }
            await Task.Delay(100);
        }
        return value;
    }

    [Fact]
    public async Task Given_bad_drafts_Then_every_problem_is_named_by_field_and_nothing_is_stored()
    {
        var author = await _app.SignedInAsync(Author);
        await using var db = await _app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var before = await db.Set<Alert>().CountAsync();
        var response = await author.PostAsJsonAsync("/api/v1/alerts", Draft(new string('눈', 95), ["NO-SUCH-DONG"],
            expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5), polygon: "37.56,126.99 37.57,126.99 37.57,127.00"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        foreach (var field in new[] { "smsText", "dongCodes", "expiresAtUtc", "polygon" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} in {body}");
        }
        errors.GetProperty("smsText")[0].GetString()!.ShouldContain("90");

        var placeholder = await author.PostAsJsonAsync("/api/v1/alerts", Draft("[중구청] {area} 대설주의보"));
        placeholder.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await placeholder.Content.ReadAsStringAsync()).ShouldContain("{area}");
        var emoji = await author.PostAsJsonAsync("/api/v1/alerts", Draft("[중구청] 대설주의보 ❄ 눈 조심"));
        emoji.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await db.Set<Alert>().CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Given_a_department_officer_or_a_citizen_Then_alerts_are_not_theirs_to_write_or_approve()
    {
        var officer = await _app.SignedInAsync("bus@sotong.example");
        (await officer.PostAsJsonAsync("/api/v1/alerts", Draft("[중구청] 대설주의보"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _app.NewClient().PostAsJsonAsync("/api/v1/alerts", Draft("[중구청] 대설주의보"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var author = await _app.SignedInAsync(Author);
        var pending = await SubmittedAsync(author, Draft("[중구청] 대설주의보, 눈 치우기"));
        // A communications officer may write alerts but not approve them: that is the approvers' role.
        (await author.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = "123456" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_the_author_or_an_approver_without_a_valid_code_Then_the_alert_is_not_issued()
    {
        var (approverClient, _, approver) = await NewApproverAsync();
        // The approver writes this one, so approving it is approving their own.
        var own = await SubmittedAsync(approverClient, Draft("[중구청] 대설주의보, 눈 치우기"));
        var key = await EnrolAsync(approver);
        (await RuleAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{own.Id}/approve", new { version = own.Version, code = Code(key, 1) })))
            .ShouldBe("TwoPersonRule");

        var author = await _app.SignedInAsync(Author);
        var pending = await SubmittedAsync(author, Draft("[중구청] 대설주의보, 눈 치우기"));
        (await RuleAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = "" })))
            .ShouldBe("SecondFactorRequired");
        var wrong = Code(key, 0) == "000000" ? "111111" : "000000";
        (await RuleAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = wrong })))
            .ShouldBe("SecondFactorInvalid");
        // The code spent on enrolment cannot be spent again.
        (await RuleAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = Code(key, 0) })))
            .ShouldBeOneOf("SecondFactorReused", "SecondFactorInvalid");

        var (unenrolledClient, _, _) = await NewApproverAsync();
        (await RuleAsync(await unenrolledClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = "123456" })))
            .ShouldBe("SecondFactorRequired");
        (await StoredAsync(pending.Id)).State.ShouldBe(AlertState.PendingApproval);
        (await _app.NewClient().GetAsync($"/alerts/{pending.Identifier}.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Rejection needs a reason and returns it to the author.
        (await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/reject", new { version = pending.Version, reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await ReadAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/reject", new { version = pending.Version, reason = "지역을 다시 확인하세요" }), HttpStatusCode.OK);
        rejected.State.ShouldBe("Rejected");
    }

    [Fact]
    public async Task Given_an_approved_exercise_Then_the_SMSC_the_SNS_accounts_and_the_CAP_feeds_all_have_it()
    {
        var dong = await new CampaignData(_app).NewDongAsync();
        var phones = await SubscribersAsync(dong, 5);
        var outsider = (await SubscribersAsync(await new CampaignData(_app).NewDongAsync(), 1))[0];
        var author = await _app.SignedInAsync(Author);
        var pending = await SubmittedAsync(author, Draft("[중구청] 대설주의보, 눈 치우기", [dong]));
        var (approverClient, _, approver) = await NewApproverAsync();
        var key = await EnrolAsync(approver);
        var postsBefore = fixture.Platform.Requests.Count;

        var issued = await ReadAsync(await approverClient.PostAsJsonAsync($"/api/v1/alerts/{pending.Id}/approve", new { version = pending.Version, code = Code(key, 1) }), HttpStatusCode.OK);
        issued.State.ShouldBe("Issued");

        // SMS: every subscriber of the dong, marked as an exercise, from the short number; nobody else.
        var submits = await fixture.Smsc.WaitForCountAsync("submit_sm", phones.Count, e => phones.Contains(e.GetProperty("destination_addr").GetString()!), TimeSpan.FromSeconds(30));
        submits.Select(e => e.GetProperty("destination_addr").GetString()).ShouldBe(phones, ignoreOrder: true);
        submits.ShouldAllBe(e => Text(e) == "[훈련] [중구청] 대설주의보, 눈 치우기" && e.GetProperty("source_addr").GetString() == MessagingSettings.ShortNumber);
        fixture.Smsc.Events("submit_sm").ShouldNotContain(e => e.GetProperty("destination_addr").GetString() == outsider);

        // SNS: every registered account posted once, marked as an exercise; recorded per account.
        var board = await EventuallyAsync(async () => JsonDocument.Parse(await author.GetStringAsync($"/api/v1/alerts/{issued.Id}/status")).RootElement,
            b => b.GetProperty("fanOutDone").GetBoolean() && b.GetProperty("sms").GetProperty("done").GetBoolean(), "the fan-out");
        var accounts = await _app.Service<ChannelCredentials>().ForPlatformsAsync(Core.Alerts.Sns.AlertSnsFanOut.SupportedPlatforms, default);
        board.GetProperty("sns").GetProperty("total").GetInt32().ShouldBe(accounts.Count);
        board.GetProperty("sms").GetProperty("total").GetInt32().ShouldBe(phones.Count);
        board.GetProperty("sms").GetProperty("sent").GetInt32().ShouldBe(phones.Count);
        board.GetProperty("banner").GetProperty("done").GetBoolean().ShouldBeTrue();
        var newRequests = fixture.Platform.Requests.Skip(postsBefore).ToList();
        newRequests.ShouldContain(r => r.Path == "/2/tweets" && JsonText(r.Body).StartsWith("[훈련", StringComparison.Ordinal));
        newRequests.ShouldContain(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal) && JsonText(r.Body).Contains("중구 대설주의보", StringComparison.Ordinal));
        newRequests.ShouldContain(r => r.Path.EndsWith($"/{TestChannels.PageId}/feed", StringComparison.Ordinal));

        // CAP: the stored document passes the schema and the rules; times carry +09:00, never Z.
        var capResponse = await _app.NewClient().GetAsync($"/alerts/{issued.Identifier}.xml");
        capResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        capResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/cap+xml");
        var xml = await capResponse.Content.ReadAsStringAsync();
        CapSchema.Check(xml).ShouldBeEmpty();
        var cap = CapXml.Read(xml);
        CapRules.Validate(cap).ShouldBeEmpty();
        cap.Identifier.ShouldBe(issued.Identifier);
        cap.Status.ShouldBe(CapStatus.Exercise);
        cap.MsgType.ShouldBe(CapMsgType.Alert);
        cap.Sent.Offset.ShouldBe(TimeSpan.FromHours(9));
        cap.Infos.Select(i => i.Language).ShouldBe(["ko-KR", "en-US"]);
        cap.Infos[0].Areas[0].Geocodes.ShouldContain(g => g.Value == dong);
        XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName is "sent" or "expires" or "effective").ShouldAllBe(e => e.Value.EndsWith("+09:00", StringComparison.Ordinal));

        // Atom and JSON list it, linking to the CAP document; the message is not from any staff member by name.
        var atom = XDocument.Parse(await _app.NewClient().GetStringAsync("/alerts/feed.atom"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        atom.Descendants(a + "entry").ShouldContain(e => e.Elements(a + "link").Any(l => (string?)l.Attribute("href") == $"https://sotong.example/alerts/{issued.Identifier}.xml"
            && (string?)l.Attribute("type") == "application/cap+xml"));
        var current = await _app.NewClient().GetStringAsync("/api/v1/alerts/current");
        current.ShouldContain(issued.Identifier);
        current.ShouldNotContain("승인 시험");
    }

    [Fact]
    public async Task Given_an_issued_alert_When_it_is_updated_then_cancelled_Then_each_references_the_chain_and_reaches_the_same_audience()
    {
        var dong = await new CampaignData(_app).NewDongAsync();
        var phones = await SubscribersAsync(dong, 3);
        var author = await _app.SignedInAsync(Author);
        var original = await ApprovedAsync(await SubmittedAsync(author, Draft("[중구청] 대설주의보, 눈 치우기", [dong])));

        // An update drafted from the original keeps its audience; changing the area is refused.
        var update = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{original.Id}/follow-up", new { msgType = "Update" }), HttpStatusCode.Created);
        update.MsgType.ShouldBe("Update");
        update.ReferencesId.ShouldBe(original.Id);
        var otherDong = await new CampaignData(_app).NewDongAsync();
        (await author.PutAsJsonAsync($"/api/v1/alerts/{update.Id}", WithVersion(Draft("[중구청] 대설경보로 격상", [otherDong]), update.Version)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Only its author changes it: an approver who rewrote it could then approve their own words.
        var (otherClient, _, _) = await NewApproverAsync();
        (await RuleAsync(await otherClient.PutAsJsonAsync($"/api/v1/alerts/{update.Id}", WithVersion(Draft("[중구청] 대설경보로 격상", [dong]), update.Version))))
            .ShouldBe("OnlyAuthorEdits");
        (await author.PutAsJsonAsync($"/api/v1/alerts/{update.Id}", WithVersion(Draft("[중구청] 대설경보로 격상", [dong], status: "Actual"), update.Version)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RuleAsync(await otherClient.PostAsJsonAsync($"/api/v1/alerts/{update.Id}/submit", new { version = update.Version }))).ShouldBe("OnlyAuthorSubmits");
        var edited = await ReadAsync(await author.PutAsJsonAsync($"/api/v1/alerts/{update.Id}", WithVersion(Draft("[중구청] 대설경보로 격상", [dong]), update.Version)), HttpStatusCode.OK);
        var submitted = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{update.Id}/submit", new { version = edited.Version }), HttpStatusCode.OK);
        var updated = await ApprovedAsync(submitted);
        updated.State.ShouldBe("Issued");
        (await StoredAsync(original.Id)).SupersededById.ShouldBe(update.Id);
        // The original can no longer be followed up: only the latest of the chain.
        (await RuleAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{original.Id}/follow-up", new { msgType = "Cancel" }))).ShouldBe("FollowsLatest");

        var updateCap = CapXml.Read(await _app.NewClient().GetStringAsync($"/alerts/{updated.Identifier}.xml"));
        updateCap.MsgType.ShouldBe(CapMsgType.Update);
        updateCap.References.Select(r => r.Identifier).ShouldBe([original.Identifier]);
        await fixture.Smsc.WaitForCountAsync("submit_sm", phones.Count, e => phones.Contains(e.GetProperty("destination_addr").GetString()!) && Text(e).Contains("격상", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var cancel = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{update.Id}/follow-up", new { msgType = "Cancel" }), HttpStatusCode.Created);
        var cancelSubmitted = await ReadAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{cancel.Id}/submit", new { version = cancel.Version }), HttpStatusCode.OK);
        (await ApprovedAsync(cancelSubmitted)).State.ShouldBe("Issued");

        var cancelCap = CapXml.Read(await _app.NewClient().GetStringAsync($"/alerts/{cancel.Identifier}.xml"));
        cancelCap.MsgType.ShouldBe(CapMsgType.Cancel);
        cancelCap.References.Select(r => r.Identifier).ShouldBe([original.Identifier, updated.Identifier]);
        CapSchema.Check(await _app.NewClient().GetStringAsync($"/alerts/{cancel.Identifier}.xml")).ShouldBeEmpty();
        await fixture.Smsc.WaitForCountAsync("submit_sm", phones.Count, e => phones.Contains(e.GetProperty("destination_addr").GetString()!) && Text(e).Contains("해제", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var current = await _app.NewClient().GetStringAsync("/api/v1/alerts/current");
        current.ShouldNotContain($"\"identifier\":\"{original.Identifier}\"");
        current.ShouldNotContain($"\"identifier\":\"{updated.Identifier}\"");
        current.ShouldContain($"\"identifier\":\"{cancel.Identifier}\"");
        var cancelJson = JsonDocument.Parse(current).RootElement.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("identifier").GetString() == cancel.Identifier);
        cancelJson.GetProperty("references").EnumerateArray().Select(r => r.GetString()).ShouldBe([original.Identifier, updated.Identifier]);
        // A cancellation is the end of its chain.
        (await RuleAsync(await author.PostAsJsonAsync($"/api/v1/alerts/{cancel.Id}/follow-up", new { msgType = "Update" }))).ShouldBe("FollowsIssuedAlert");
    }

    private static string JsonText(string body) => JsonDocument.Parse(body).RootElement.GetProperty("text").GetString() ?? "";

    private static Dictionary<string, object?> WithVersion(object draft, int version)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(draft, Json), Json)!;
        map["version"] = version;
        return map;
    }
}
