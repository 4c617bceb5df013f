using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Inbox;

public sealed class SqliteJourneyTests(SqliteApp app) : JourneyTests<SqliteApp>(app);

public sealed class PostgresJourneyTests(PostgresApp app) : JourneyTests<PostgresApp>(app);

/// <summary>The first journey, end to end over HTTP: a citizen writes, an officer answers, the answer is published.</summary>
public abstract class JourneyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private const string Comms = "comms@sotong.example";
    private const string BusOfficer = "bus@sotong.example";
    private const string SafetyOfficer = "safety@sotong.example";

    private async Task<ReceiptDto> SubmitAsync(string text, bool consent = true, string? phone = null)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text, name = "홍길동", phone, consentToPublish = consent });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ReceiptDto>())!;
    }

    private async Task<Guid> IdOfAsync(HttpClient staff, string receipt)
    {
        var page = await staff.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={Uri.EscapeDataString(receipt)}");
        return page!.Items.Single(i => i.ReceiptNumber == receipt).Id;
    }

    private async Task<Guid> DivisionAsync(HttpClient staff, string code) =>
        (await staff.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!.Single(d => d.Code == code).Id;

    [Fact]
    public async Task Given_a_citizen_message_When_routed_answered_and_published_Then_the_public_reads_it_masked()
    {
        var question = "472번 버스가 안 옵니다. 010-9876-5432 또는 citizen@mail.example.com 으로 답 주세요. 주민번호 900101-1234567";
        var receipt = await SubmitAsync(question, consent: true, phone: "010-9876-5432");
        receipt.ReceiptNumber.ShouldMatch(@"^W-\d{8}-\d{8}$");
        receipt.FollowUrl.ShouldContain(receipt.ReceiptNumber);

        var comms = await app.SignedInAsync(Comms);
        var id = await IdOfAsync(comms, receipt.ReceiptNumber);
        var detail = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!;
        detail.Text.ShouldBe(question);
        detail.Status.ShouldBe("Received");
        detail.Identities.ShouldHaveSingleItem().MaskedValue.ShouldBe("010******32");

        var bus = await DivisionAsync(comms, "TRN-BUS");
        var routed = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = bus, version = detail.Version });
        routed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = (await routed.Content.ReadFromJsonAsync<VersionDto>())!.Version;

        // The bus division's officer now has it, answers it and publishes it.
        var officer = await app.SignedInAsync(BusOfficer);
        var answer = "다음 달부터 증차합니다. 문의는 02-2133-5555 로 주세요.";
        var answered = await officer.PostAsJsonAsync($"/api/v1/inbox/{id}/answer", new { text = answer, version });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        version = (await answered.Content.ReadFromJsonAsync<VersionDto>())!.Version;

        var preview = (await officer.GetFromJsonAsync<PreviewDto>($"/api/v1/inbox/{id}/publish-preview"))!;
        preview.CitizenConsented.ShouldBeTrue();
        preview.QuestionWasMasked.ShouldBeTrue();
        preview.MaskedQuestion.ShouldNotContain("9876-5432");
        preview.MaskedQuestion.ShouldNotContain("citizen@mail");
        preview.MaskedQuestion.ShouldNotContain("1234567");
        preview.MaskedAnswer.ShouldBe("다음 달부터 증차합니다. 문의는 02-****-**** 로 주세요.");

        var published = await officer.PostAsJsonAsync($"/api/v1/inbox/{id}/publish", new { version });
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        var publication = (await published.Content.ReadFromJsonAsync<PublishDto>())!;

        var anonymous = app.NewClient();
        var page = (await anonymous.GetFromJsonAsync<PageDto<PublicAnswerDto>>("/api/v1/answers?q=472"))!;
        var item = page.Items.Single(a => a.ReceiptNumber == receipt.ReceiptNumber);
        item.Id.ShouldBe(publication.AnswerId);
        item.Question.ShouldBe(preview.MaskedQuestion);
        item.Answer.ShouldBe(preview.MaskedAnswer);
        item.DivisionNameKo.ShouldBe("버스정책과");
        var single = (await anonymous.GetFromJsonAsync<PublicAnswerDto>($"/api/v1/answers/{publication.AnswerId}"))!;
        single.Question.ShouldNotContain("010-9876");

        // The citizen follows it with the receipt number and key.
        var follow = (await anonymous.GetFromJsonAsync<FollowDto>($"/api/v1/messages/{receipt.ReceiptNumber}?key={receipt.FollowKey}"))!;
        follow.Status.ShouldBe("Published");
        follow.AnswerText.ShouldBe(answer);
        follow.PublishedAnswerId.ShouldBe(publication.AnswerId);

        // Every step was audited, in order, with who did it.
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName, a.FromState, a.ToState }).ToListAsync();
        audit.Select(a => a.Action).ShouldBe(["Routed", "Answered", "Published"]);
        audit[1].ActorName.ShouldContain("박버스");
        audit[1].FromState.ShouldBe("Received");
        audit[2].ToState.ShouldBe("Published");
    }

    [Fact]
    public async Task Given_a_wrong_follow_key_Then_the_receipt_is_not_found()
    {
        var receipt = await SubmitAsync("가로등이 꺼졌어요");
        var response = await app.NewClient().GetAsync($"/api/v1/messages/{receipt.ReceiptNumber}?key=WRONGKEY2345");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Given_a_department_officer_Then_another_divisions_message_does_not_exist_for_them()
    {
        var receipt = await SubmitAsync("지하차도 침수 위험 신고합니다 " + Guid.NewGuid());
        var comms = await app.SignedInAsync(Comms);
        var id = await IdOfAsync(comms, receipt.ReceiptNumber);
        var safety = await DivisionAsync(comms, "SAF-DIS");
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = safety, version = 0 })).EnsureSuccessStatusCode();

        var busOfficer = await app.SignedInAsync(BusOfficer);
        (await busOfficer.GetAsync($"/api/v1/inbox/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await busOfficer.PostAsJsonAsync($"/api/v1/inbox/{id}/answer", new { text = "제가 답할게요", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await busOfficer.PostAsJsonAsync($"/api/v1/inbox/{id}/publish", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = (await busOfficer.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={receipt.ReceiptNumber}"))!;
        list.TotalCount.ShouldBe(0);
        var mine = (await busOfficer.GetFromJsonAsync<PageDto<InboxItemDto>>("/api/v1/inbox?pageSize=100"))!;
        var busDivision = await DivisionAsync(comms, "TRN-BUS");
        mine.Items.ShouldAllBe(i => i.DivisionId == busDivision);

        // Only city-wide roles route; a department officer cannot pull a message into their division.
        (await busOfficer.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = busDivision, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var safetyOfficer = await app.SignedInAsync(SafetyOfficer);
        (await safetyOfficer.GetAsync($"/api/v1/inbox/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_no_or_the_wrong_role_Then_the_inbox_is_closed()
    {
        (await app.NewClient().GetAsync("/api/v1/inbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var moderator = await app.SignedInAsync("moderator@sotong.example");
        (await moderator.GetAsync("/api/v1/inbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var wrongPassword = await app.NewClient().PostAsJsonAsync("/api/v1/auth/signin", new { email = Comms, password = "not-the-password" });
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("", null, null, "text")]
    [InlineData("   ", null, null, "text")]
    [InlineData("ok", "12345", null, "phone")]
    [InlineData("ok", null, "not-an-email", "email")]
    public async Task Given_invalid_input_Then_400_problem_and_nothing_is_stored(string text, string? phone, string? email, string field)
    {
        var before = await CountMessagesAsync();
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text, phone, email });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Errors!.ShouldContainKey(field);
        (await CountMessagesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Given_the_web_form_posted_without_its_antiforgery_token_Then_it_is_refused_and_nothing_is_stored()
    {
        var before = await CountMessagesAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "write-to-city", ["Input.Text"] = "위조된 요청" });
        var response = await app.NewClient().PostAsync("/write", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountMessagesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Given_text_over_4000_characters_Then_400_and_4000_exactly_is_accepted()
    {
        var tooLong = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text = new string('가', 4001) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["text"][0].ShouldContain("4000");
        var exact = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text = new string('가', 4000) });
        exact.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_malformed_json_or_an_oversized_body_Then_a_problem_and_nothing_is_stored()
    {
        var before = await CountMessagesAsync();
        var client = app.NewClient();
        var malformed = await client.PostAsync("/api/v1/messages", new StringContent("{\"text\": \"unterminated", Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var huge = await client.PostAsync("/api/v1/messages", new StringContent($"{{\"text\":\"{new string('a', 200_000)}\"}}", Encoding.UTF8, "application/json"));
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await huge.Content.ReadFromJsonAsync<ProblemDto>())!.Status.ShouldBe(413);
        (await CountMessagesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Given_no_consent_Then_publishing_is_refused_with_the_rule()
    {
        var receipt = await SubmitAsync("공개하지 말아 주세요", consent: false);
        var comms = await app.SignedInAsync(Comms);
        var id = await IdOfAsync(comms, receipt.ReceiptNumber);
        var early = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/publish", new { version = 0 });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("AnswerBeforePublishing");

        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/answer", new { text = "확인했습니다", version = 0 })).EnsureSuccessStatusCode();
        var refused = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/publish", new { version = 1 });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("CitizenConsentRequired");
        (await app.NewClient().GetFromJsonAsync<PageDto<PublicAnswerDto>>("/api/v1/answers?q=공개하지"))!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Given_two_officers_editing_at_once_Then_the_second_save_is_a_conflict_not_an_overwrite()
    {
        var receipt = await SubmitAsync("동시에 답하는 경우 " + Guid.NewGuid());
        var comms = await app.SignedInAsync(Comms);
        var admin = await app.SignedInAsync("admin@sotong.example");
        var id = await IdOfAsync(comms, receipt.ReceiptNumber);
        var loaded = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!.Version;
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/answer", new { text = "첫 번째 답변", version = loaded })).EnsureSuccessStatusCode();
        var second = await admin.PostAsJsonAsync($"/api/v1/inbox/{id}/answer", new { text = "두 번째 답변", version = loaded });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("ConcurrentEdit");
        (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!.AnswerText.ShouldBe("첫 번째 답변");
    }

    [Fact]
    public async Task Given_inbox_filters_Then_status_channel_search_and_paging_narrow_the_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync($"필터 확인 {tag} {i}");
        }
        var comms = await app.SignedInAsync(Comms);
        var all = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}"))!;
        all.TotalCount.ShouldBe(3);
        var paged = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&pageSize=2&page=2"))!;
        paged.Items.Count.ShouldBe(1);
        paged.TotalPages.ShouldBe(2);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&status=Answered"))!.TotalCount.ShouldBe(0);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&channel=Web&unrouted=true"))!.TotalCount.ShouldBe(3);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&channel=Sms"))!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_message_with_a_phone_number_Then_no_log_line_holds_the_number_or_the_text()
    {
        var secret = "비밀 내용 " + Guid.NewGuid();
        await SubmitAsync($"{secret} 연락처 010-5555-7777", phone: "010-5555-7777");
        var lines = app.Logs.Where(l => l.Level >= LogLevel.Information).Select(l => l.Message).ToList();
        lines.ShouldContain(l => l.Contains("received on Web"));
        lines.ShouldNotContain(l => l.Contains("5555-7777") || l.Contains("01055557777") || l.Contains(secret));
    }

    [Fact]
    public async Task Given_the_model_Then_the_provider_has_no_pending_model_changes()
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        db.Database.HasPendingModelChanges().ShouldBeFalse();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_demo_city_Then_the_sns_map_lists_44_accounts_by_field()
    {
        var map = (await app.NewClient().GetFromJsonAsync<SnsMapDto>("/api/v1/sns-map"))!;
        map.AccountCount.ShouldBe(44);
        map.Fields.Sum(f => f.Accounts.Count).ShouldBe(44);
        map.Fields[0].Field.ShouldBe("Mayor");
        map.Fields[0].Accounts.Count.ShouldBe(2);
        map.Fields.Select(f => f.Field).ShouldContain("Transport");
        map.TotalFollowers.ShouldBe(map.Fields.SelectMany(f => f.Accounts).Sum(a => (long)a.Followers));
    }

    [Fact]
    public async Task Given_staff_Then_the_organisation_tree_and_channel_registry_are_readable_and_anonymous_is_not()
    {
        (await app.NewClient().GetAsync("/api/v1/organization")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.NewClient().GetAsync("/api/v1/channels")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var moderator = await app.SignedInAsync("moderator@sotong.example");
        var chart = (await moderator.GetFromJsonAsync<List<BureauDto>>("/api/v1/organization"))!;
        chart.Count.ShouldBeGreaterThanOrEqualTo(10);
        chart.Sum(b => b.Divisions.Count).ShouldBeGreaterThanOrEqualTo(40);
        var smc = chart.Single(b => b.Code == "COMM").Divisions.Single(d => d.Code == "COMM-SMC");
        smc.StaffCount.ShouldBe(2); // the communications officer and the moderator
        smc.AccountCount.ShouldBeGreaterThan(2);
        var registry = (await moderator.GetFromJsonAsync<List<SnsAccountDto>>("/api/v1/channels"))!;
        registry.Count.ShouldBe(45); // the 44 social accounts and the complaints mailbox
        registry.Count(a => a.Platform == "Email").ShouldBe(1);
    }

    [Fact]
    public async Task Given_operations_endpoints_Then_health_openapi_and_docs_answer()
    {
        var client = app.NewClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/messages", "/api/v1/inbox", "/api/v1/inbox/{id}/answer", "/api/v1/inbox/{id}/publish", "/api/v1/answers" })
        {
            openApi.ShouldContain($"\"{path}\"");
        }
        (await client.GetAsync("/api/docs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var docs = await client.GetStringAsync("/api/docs/");
        docs.ShouldContain("scalar.js");
        docs.ShouldContain("openapi/v1.json");
        (await client.GetAsync("/api/docs/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<int> CountMessagesAsync()
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.CountAsync();
    }
}
