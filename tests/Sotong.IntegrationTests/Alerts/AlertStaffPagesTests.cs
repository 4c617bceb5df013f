using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Demo;
using Sotong.Core.Organization.Staff;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Alerts;

public sealed class SqliteAlertStaffPagesTests(SqliteApp app) : AlertStaffPagesTests<SqliteApp>(app);

/// <summary>
/// The staff alert pages as a browser without script uses them: every step a form post the server renders, the
/// results read back through the API. Approvers are made per test, so one test's two-factor state never meets another's.
/// </summary>
public abstract partial class AlertStaffPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private const string Author = "comms@sotong.example";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record View(Guid Id, string State, string Status, string MsgType, Guid? ReferencesId, string SmsText, string AreaDescKo, string AreaDescEn,
        IReadOnlyList<string> DongCodes, bool AudienceAll, string? Polygon, DateTime ExpiresAtUtc, string AuthorId, int Version);

    [GeneratedRegex("""<form[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)""")]
    private static partial Regex Hidden();

    [GeneratedRegex("""name="Form\.Dong\[(?<code>[^\]]+)\]""")]
    private static partial Regex DongBox();

    [GeneratedRegex("""/staff/alerts/(?<id>[0-9a-f-]{36})""")]
    private static partial Regex AlertLink();

    /// <summary>The hidden fields (antiforgery token, form name, version) of the form that holds <paramref name="marker"/>.</summary>
    private static List<KeyValuePair<string, string>> HiddenFields(string html, string marker)
    {
        var form = FormTag().Matches(html).Select(m => m.Groups["body"].Value).FirstOrDefault(b => b.Contains(marker, StringComparison.Ordinal));
        form.ShouldNotBeNull($"a form holding {marker}");
        return [.. Hidden().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value)))];
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return body;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostAsync(path, new FormUrlEncodedContent(fields));

    private static async Task<string> PostPageAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await PostAsync(client, path, fields);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.Length > 2000 ? body[..2000] : body);
        return body;
    }

    /// <summary>A Seoul wall-clock time as the datetime-local field sends it, and the instant it stands for.</summary>
    private static (string Local, DateTime Utc) SeoulIn(TimeSpan from)
    {
        var utc = TimeProvider.System.GetUtcNow().UtcDateTime.Add(from);
        utc = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc);
        return (SeoulTime.ToSeoul(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), utc);
    }

    /// <summary>The editor's fields for a complete heavy-snow exercise; <paramref name="changes"/> replace or add fields.</summary>
    private static List<KeyValuePair<string, string>> Draft(string editorPage, string step, Dictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Step"] = step,
            ["Form.Hazard"] = "heavy-snow",
            ["Form.Status"] = "Exercise",
            ["Form.SmsText"] = "[중구청] 오늘 18시 중구 대설주의보 발효. 내 집 앞 눈 치우기, 대중교통 이용 바랍니다.",
            ["Form.HeadlineKo"] = "중구 대설주의보 발효",
            ["Form.HeadlineEn"] = "Heavy snow advisory for Jung-gu",
            ["Form.DescriptionKo"] = "오늘 18시부터 중구에 많은 눈이 내릴 것으로 예상됩니다.",
            ["Form.DescriptionEn"] = "Heavy snow is expected in Jung-gu from 18:00 today.",
            ["Form.InstructionKo"] = "내 집 앞 눈을 치우고 대중교통을 이용하세요.",
            ["Form.InstructionEn"] = "Clear the snow outside your door and use public transport.",
            ["Form.Urgency"] = "Expected",
            ["Form.Severity"] = "Moderate",
            ["Form.Certainty"] = "Likely",
            ["Form.ResponseType"] = "Prepare",
            ["Form.Expires"] = SeoulIn(TimeSpan.FromHours(3)).Local,
            ["Form.Area"] = "district",
        };
        foreach (var (key, value) in changes ?? [])
        {
            fields[key] = value;
        }
        return [.. HiddenFields(editorPage, "name=\"Form.Step\""), .. fields];
    }

    private async Task<View> ReadAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<View>($"/api/v1/alerts/{id}", Json))!;

    private async Task<int> CountAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/alerts?pageSize=1")).RootElement.GetProperty("totalCount").GetInt32();

    /// <summary>Saves (or submits) a heavy-snow exercise through the editor as <paramref name="client"/>; returns its id.</summary>
    private async Task<Guid> ThroughEditorAsync(HttpClient client, string step, Dictionary<string, string>? changes = null)
    {
        var editor = await PageAsync(client, "/staff/alerts/new");
        var response = await PostAsync(client, "/staff/alerts/new", Draft(editor, step, changes));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, body.Length > 3000 ? body[..3000] : body);
        var location = response.Headers.Location!.ToString();
        location.ShouldContain(step == "submit" ? "done=submitted" : "done=saved");
        return Guid.Parse(AlertLink().Match(location).Groups["id"].Value);
    }

    private async Task<(HttpClient Client, StaffContext Staff)> NewApproverAsync()
    {
        var email = $"alert-page-{Guid.NewGuid():N}@sotong.example";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "승인 화면 시험" };
            (await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, SotongRoles.AlertApprover)).Succeeded.ShouldBeTrue();
        }
        var staff = new StaffContext(await app.StaffIdAsync(email), "승인 화면 시험", new HashSet<string> { SotongRoles.AlertApprover }, null);
        return (await app.SignedInAsync(email), staff);
    }

    /// <summary>Turns the approver's second factor on with the current code; returns the key as an authenticator app holds it.</summary>
    private async Task<string> EnrolAsync(StaffContext staff)
    {
        var handler = app.Service<SecondFactorHandler>();
        var key = (await handler.GetAsync(staff, CancellationToken.None)).Setup!.GroupedKey.Replace(" ", "", StringComparison.Ordinal);
        (await handler.EnrolAsync(staff, Code(key, 0), CancellationToken.None)).ShouldBe(SecondFactorResult.Ok);
        return key;
    }

    /// <summary>The code an authenticator app shows <paramref name="steps"/> steps from now, computed by Otp.NET.</summary>
    private static string Code(string key, int steps) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    private static List<KeyValuePair<string, string>> Act(string page, string step, string? code = null, string? reason = null)
    {
        List<KeyValuePair<string, string>> fields = [.. HiddenFields(page, "name=\"Version\""), new("Step", step)];
        if (code is not null)
        {
            fields.Add(new("Code", code));
        }
        if (reason is not null)
        {
            fields.Add(new("Reason", reason));
        }
        return fields;
    }

    [Fact]
    public async Task Given_staff_roles_Then_the_alert_pages_open_for_alert_work_only()
    {
        var comms = await app.SignedInAsync(Author);
        foreach (var path in new[] { "/staff/alerts", "/staff/alerts/new", "/staff/alerts/new?hazard=earthquake", "/staff/alerts?state=Issued&page=3", "/staff/alerts?state=nonsense" })
        {
            (await comms.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        (await PageAsync(comms, "/staff/alerts?state=Rejected&page=9")).ShouldContain("data-testid=\"alerts-empty\"");
        (await PageAsync(comms, "/staff/inbox")).ShouldContain("href=\"/staff/alerts\"");
        (await PageAsync(await app.SignedInAsync("approver@sotong.example"), "/staff/alerts")).ShouldContain("data-testid=\"new-alert\"");
        (await (await app.SignedInAsync("admin@sotong.example")).GetAsync("/staff/alerts/new")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A department officer works the inbox but neither sees nor opens the alert pages.
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await PageAsync(bus, "/staff/inbox")).ShouldNotContain("href=\"/staff/alerts\"");
        var id = await ThroughEditorAsync(comms, "save");
        foreach (var path in new[] { "/staff/alerts", "/staff/alerts/new", $"/staff/alerts/{id}", $"/staff/alerts/{id}/edit" })
        {
            var denied = await bus.GetAsync(path);
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            denied.Headers.Location!.ToString().ShouldContain("/staff/denied");
        }
        var anonymous = await app.NewClient().GetAsync("/staff/alerts");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/staff/signin");
        (await comms.GetAsync($"/staff/alerts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_the_editor_When_an_officer_saves_a_draft_Then_it_is_stored_as_typed_with_Seoul_times_in_UTC_and_shown_as_it_will_go_out()
    {
        var comms = await app.SignedInAsync(Author);
        var editor = await PageAsync(comms, "/staff/alerts/new");
        // The template starts filled with the example values, the marker script and the counter beside the SMS.
        editor.ShouldContain("[중구청] 오늘 18시 중구 전역 대설주의보 발효.");
        editor.ShouldContain("AlertEditor.razor.js");
        editor.ShouldContain("data-testid=\"sms-counter\"");
        var dongs = DongBox().Matches(editor).Select(m => m.Groups["code"].Value).ToList();
        dongs.Count.ShouldBeGreaterThan(2);
        var expires = SeoulIn(TimeSpan.FromHours(5));
        const string Polygon = "37.560,126.990 37.570,126.990 37.570,127.005 37.560,126.990";

        var response = await PostAsync(comms, "/staff/alerts/new", Draft(editor, "save", new()
        {
            ["Form.Expires"] = expires.Local,
            ["Form.Area"] = "dongs",
            [$"Form.Dong[{dongs[0]}]"] = "true",
            [$"Form.Dong[{dongs[2]}]"] = "true",
            ["Form.AudienceAll"] = "true",
            ["Form.Polygon"] = Polygon,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = Guid.Parse(AlertLink().Match(response.Headers.Location!.ToString()).Groups["id"].Value);

        var saved = await ReadAsync(comms, id);
        saved.State.ShouldBe("Draft");
        saved.Status.ShouldBe("Exercise");
        saved.DongCodes.ShouldBe(new[] { dongs[0], dongs[2] }.Order(StringComparer.Ordinal));
        saved.AudienceAll.ShouldBeTrue();
        saved.Polygon.ShouldBe(Polygon);
        saved.ExpiresAtUtc.ShouldBe(expires.Utc);
        // Left blank, the area is described by the chosen dongs' names in both languages.
        saved.AreaDescKo.ShouldStartWith("중구 ");
        saved.AreaDescEn.ShouldEndWith(", Jung-gu");

        var page = await PageAsync(comms, $"/staff/alerts/{id}?done=saved");
        page.ShouldContain("data-testid=\"alert-outcome\"");
        page.ShouldContain("data-testid=\"exercise-marker\"");
        page.ShouldContain("[훈련] [중구청] 오늘 18시 중구 대설주의보 발효.");
        page.ShouldContain("data-testid=\"polygon-preview\" data-state=\"ok\"");
        page.ShouldContain("data-testid=\"edit\"");
        page.ShouldNotContain("data-testid=\"approve\"");

        // Editing keeps the version: the page's form carries it, and saving again moves it on.
        var edit = await PageAsync(comms, $"/staff/alerts/{id}/edit");
        edit.ShouldContain($"value=\"{expires.Local}\"");
        var again = await PostAsync(comms, $"/staff/alerts/{id}/edit", Draft(edit, "save", new()
        {
            ["Form.Status"] = "Actual",
            ["Form.Expires"] = expires.Local,
            ["Form.Area"] = "district",
        }));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edited = await ReadAsync(comms, id);
        edited.Version.ShouldBe(saved.Version + 1);
        (edited.Status, edited.DongCodes.Count, edited.AreaDescKo).ShouldBe(("Actual", 0, "중구 전역"));
    }

    [Fact]
    public async Task Given_a_120_character_SMS_and_missing_fields_When_saved_Then_each_problem_shows_beside_its_field_and_nothing_is_stored()
    {
        var comms = await app.SignedInAsync(Author);
        var before = await CountAsync(comms);
        var editor = await PageAsync(comms, "/staff/alerts/new");
        var page = await PostPageAsync(comms, "/staff/alerts/new", Draft(editor, "save", new()
        {
            ["Form.SmsText"] = new string('눈', 120),
            ["Form.Status"] = "",
            ["Form.HeadlineEn"] = "",
            ["Form.Area"] = "dongs",
        }));

        page.ShouldContain("data-testid=\"editor-problem\"");
        Regex.Match(page, """id="smsText-error">([^<]*)<""").Groups[1].Value.ShouldContain("limit is 90");
        page.ShouldContain("id=\"status-error\">실제 상황·훈련·시험 가운데 하나를 고르세요.<");
        page.ShouldContain("id=\"headlineEn-error\">Required.<");
        page.ShouldContain("id=\"dongCodes-error\">동을 하나 이상 고르거나 구 전체를 고르세요.<");
        // The server's counter says the same as the field's error, and the typed text comes back to be mended.
        page.ShouldContain("120/90자 · 코드 페이지 949 240바이트");
        page.ShouldContain(new string('눈', 120));
        page.ShouldNotContain("id=\"expiresAtUtc-error\"");
        (await CountAsync(comms)).ShouldBe(before);

        // In English the form's own messages are English too.
        var english = await PostPageAsync(comms, "/staff/alerts/new?culture=en-US", Draft(editor, "save", new() { ["Form.Status"] = "", ["Form.Expires"] = "soon" }));
        english.ShouldContain("id=\"status-error\">Choose Actual, Exercise, Test or Draft.<");
        english.ShouldContain("id=\"expiresAtUtc-error\">Give a date and time.<");
        (await CountAsync(comms)).ShouldBe(before);
    }

    [Fact]
    public async Task Given_another_hazard_and_blank_values_When_the_template_is_applied_Then_the_texts_are_refilled_and_an_empty_blank_stays_to_be_caught()
    {
        var comms = await app.SignedInAsync(Author);
        var editor = await PageAsync(comms, "/staff/alerts/new");
        var filled = await PostPageAsync(comms, "/staff/alerts/new", Draft(editor, "fill", new()
        {
            ["Form.Hazard"] = "earthquake",
            ["Form.Ko[magnitude]"] = "5.1",
            ["Form.En[magnitude]"] = "5.1",
            ["Form.Ko[epicenter]"] = "",
        }));
        filled.ShouldContain("data-testid=\"template-filled\"");
        filled.ShouldContain("{epicenter} 규모5.1 지진 발생.");
        filled.ShouldContain("M5.1 earthquake 8 km north of Jung-gu, Seoul");
        filled.ShouldContain("name=\"Form.Ko[epicenter]\"");
        // The earthquake's CAP defaults replace the snow's.
        filled.ShouldContain("<option value=\"Observed\" selected");

        // Saved as the browser would send it back, the blank left empty is refused by name.
        var save = Draft(filled, "save", new()
        {
            ["Form.Hazard"] = "earthquake",
            ["Form.SmsText"] = Regex.Match(filled, """<textarea[^>]*id="f-sms"[^>]*>([^<]*)</textarea>""").Groups[1].Value,
        });
        var refused = await PostPageAsync(comms, "/staff/alerts/new", save);
        Regex.Match(refused, """id="smsText-error">([^<]*)<""").Groups[1].Value.ShouldContain("{epicenter}");
    }

    [Fact]
    public async Task Given_a_submitted_alert_Then_its_author_cannot_approve_and_an_approver_without_two_factor_sees_the_code_field_and_where_to_turn_it_on()
    {
        var comms = await app.SignedInAsync(Author);
        var id = await ThroughEditorAsync(comms, "submit");
        (await ReadAsync(comms, id)).State.ShouldBe("PendingApproval");

        var own = await PageAsync(comms, $"/staff/alerts/{id}?done=submitted");
        own.ShouldContain("data-testid=\"waiting\"");
        own.ShouldNotContain("data-testid=\"approve\"");
        own.ShouldNotContain("name=\"Code\"");
        own.ShouldNotContain("data-testid=\"edit\"");

        var (approver, _) = await NewApproverAsync();
        var page = await PageAsync(approver, $"/staff/alerts/{id}");
        var code = Regex.Match(page, """<input id="approve-code"[^>]*>""").Value;
        code.ShouldContain("name=\"Code\"");
        code.ShouldContain("autocomplete=\"one-time-code\"");
        code.ShouldContain("inputmode=\"numeric\"");
        page.ShouldContain("data-testid=\"two-factor-missing\"");
        page.ShouldContain("href=\"/staff/account/two-factor\"");
        page.ShouldContain("data-testid=\"reject\"");

        // Without two-factor the approval is refused, in words from the string table, and nothing is issued.
        var refused = await PostPageAsync(approver, $"/staff/alerts/{id}", Act(page, "approve", "123456"));
        refused.ShouldContain("data-rule=\"SecondFactorRequired\"");
        refused.ShouldContain("인증 코드가 필요합니다.");
        var english = await PostPageAsync(approver, $"/staff/alerts/{id}?culture=en-US", Act(page, "approve", "123456"));
        english.ShouldContain("An authenticator code is needed");
        (await ReadAsync(comms, id)).State.ShouldBe("PendingApproval");
    }

    [Fact]
    public async Task Given_an_approver_who_wrote_the_alert_Then_the_page_offers_no_approval_and_says_a_second_person_must()
    {
        var (approver, staff) = await NewApproverAsync();
        await EnrolAsync(staff);
        var id = await ThroughEditorAsync(approver, "submit");
        var page = await PageAsync(approver, $"/staff/alerts/{id}");
        page.ShouldContain("data-testid=\"waiting\"");
        page.ShouldContain("두 사람 원칙");
        page.ShouldNotContain("data-testid=\"approve\"");
        page.ShouldNotContain("data-testid=\"two-factor-missing\"");
    }

    [Fact]
    public async Task Given_an_enrolled_approver_When_they_approve_with_the_current_code_Then_it_is_issued_with_the_board_and_can_be_followed_up()
    {
        var comms = await app.SignedInAsync(Author);
        var id = await ThroughEditorAsync(comms, "submit", new() { ["Form.Status"] = "Test" });
        var (approver, staff) = await NewApproverAsync();
        var key = await EnrolAsync(staff);
        var page = await PageAsync(approver, $"/staff/alerts/{id}");
        page.ShouldNotContain("data-testid=\"two-factor-missing\"");
        page.ShouldContain("승인하고 지금 발령 (시험)");

        var wrong = Code(key, 1) == "000000" ? "111111" : "000000";
        var refused = await PostPageAsync(approver, $"/staff/alerts/{id}", Act(page, "approve", wrong));
        refused.ShouldContain("data-rule=\"SecondFactorInvalid\"");

        // Codes are typed as apps show them, with a space in the middle.
        var next = Code(key, 1);
        var issued = await PostPageAsync(approver, $"/staff/alerts/{id}", Act(page, "approve", $"{next[..3]} {next[3..]}"));
        issued.ShouldContain("data-testid=\"alert-outcome\"");
        issued.ShouldContain("data-testid=\"alert-board\"");
        issued.ShouldContain("data-channel=\"sms\"");
        issued.ShouldContain("data-channel=\"banner\"");
        issued.ShouldContain("data-testid=\"cap-link\"");
        issued.ShouldContain("data-testid=\"update\"");
        (await ReadAsync(comms, id)).State.ShouldBe("Issued");

        // Cancelling asks first, then drafts the cancellation and opens it in the editor, its area fixed to the original's.
        var confirm = await PageAsync(approver, $"/staff/alerts/{id}?confirm=cancel");
        confirm.ShouldContain("data-testid=\"confirm-cancel\"");
        var response = await PostAsync(approver, $"/staff/alerts/{id}?confirm=cancel", Act(confirm, "cancel"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldEndWith("/edit");
        var cancelId = Guid.Parse(AlertLink().Match(location).Groups["id"].Value);
        var cancel = await ReadAsync(approver, cancelId);
        (cancel.MsgType, cancel.ReferencesId, cancel.Status).ShouldBe(("Cancel", id, "Test"));
        var editor = await PageAsync(approver, $"/staff/alerts/{cancelId}/edit");
        editor.ShouldContain("data-testid=\"follow-up-note\"");
        editor.ShouldContain("data-testid=\"area-locked\"");
        // Someone else's draft is theirs to change, not the original author's.
        (await PageAsync(comms, $"/staff/alerts/{cancelId}/edit")).ShouldContain("data-testid=\"editor-blocked\"");
    }

    [Fact]
    public async Task Given_a_pending_alert_When_an_approver_rejects_it_Then_a_reason_is_required_and_the_author_sees_it()
    {
        var comms = await app.SignedInAsync(Author);
        var id = await ThroughEditorAsync(comms, "submit");
        var (approver, _) = await NewApproverAsync();
        var confirm = await PageAsync(approver, $"/staff/alerts/{id}?confirm=reject");
        confirm.ShouldContain("data-testid=\"confirm-reject\"");
        var blank = await PostPageAsync(approver, $"/staff/alerts/{id}?confirm=reject", Act(confirm, "reject", reason: " "));
        blank.ShouldContain("id=\"reason-error\"");
        (await ReadAsync(comms, id)).State.ShouldBe("PendingApproval");

        await PostPageAsync(approver, $"/staff/alerts/{id}?confirm=reject", Act(confirm, "reject", reason: "대상 동을 다시 확인하세요"));
        (await ReadAsync(comms, id)).State.ShouldBe("Rejected");
        var author = await PageAsync(comms, $"/staff/alerts/{id}");
        author.ShouldContain("반려 사유: 대상 동을 다시 확인하세요");
        author.ShouldContain("data-testid=\"edit\"");
    }
}
