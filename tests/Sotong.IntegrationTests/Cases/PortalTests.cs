using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Qna;
using Sotong.IntegrationTests.Infrastructure;
using Case = Sotong.Core.Cases.Case;
using CaseMessage = Sotong.Core.Cases.CaseMessage;

namespace Sotong.IntegrationTests.Cases;

public sealed class SqlitePortalTests(SqliteApp app) : PortalTests<SqliteApp>(app);

public sealed class PostgresPortalTests(PostgresApp app) : PortalTests<PostgresApp>(app);

public sealed record MyCaseDto(string ReceiptNumber, string Title, string State, string Question, string? Answer, int? Rating, bool MayRate, bool MayAskMore, bool PublishConsent, bool IsPublished);
public sealed record PublishedCaseDto(Guid AnswerId, string Url);
public sealed record PublicAnswerDto(Guid Id, string ReceiptNumber, string Title, string Question, string Answer, Guid? DivisionId, string? Topic, string Status,
    int MinutesToAnswer, int Recommendations, int Comments);
public sealed record AnswerPageDto(List<PublicAnswerDto> Items, int PageNumber, int PageSize, int TotalCount);
public sealed record RecommendDto(int Recommendations, bool Counted);
public sealed record PostedCommentDto(Guid Id, string State, string? Reason);
public sealed record CommentPageDto(List<CommentDto> Items, int TotalCount);
public sealed record CommentDto(Guid Id, string Nickname, string Text);
public sealed record ModerationItemDto(Guid Id, Guid AnswerId, string Text, string State, string? Reason, int Reports, int Version);
public sealed record CaseDetailExtraDto(List<CaseMessageDto> Messages, List<CaseEventDto> History, int Repeats, int Answers, bool Unmasked);

/// <summary>
/// The citizen's side of a case (the link in the answer: read, rate, ask for more, consent) and the public answers portal
/// (publish with consent, masked text, search, filters, recommend once, comments with the filter and moderation, feeds).
/// </summary>
public abstract class PortalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private SotongDbContext Db() => app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContext();

    private async Task<Guid> MessageAsync(string text, string? phone = null, bool consent = false)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text, phone, consentToPublish = consent });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        await using var db = Db();
        return await db.InboxMessages.Where(x => x.ReceiptNumber == receipt).Select(x => x.Id).SingleAsync();
    }

    private async Task<OpenedCaseDto> OpenAsync(HttpClient comms, Guid message, string division = "TRN-BUS")
    {
        var id = (await comms.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!.Single(d => d.Code == division).Id;
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{message}/route", new { divisionId = id, version = 0 })).EnsureSuccessStatusCode();
        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { message }, type = "Question" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await opened.Content.ReadFromJsonAsync<OpenedCaseDto>())!;
    }

    private static async Task<CaseResultDto> StepAsync(HttpClient staff, Guid id, string step, object body)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/cases/{id}/{step}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseResultDto>())!;
    }

    /// <summary>The communications officer takes the case and starts on it; returns the version to act on.</summary>
    private async Task<int> TakeAsync(HttpClient comms, OpenedCaseDto opened)
    {
        var assigned = await StepAsync(comms, opened.Id, "assign", new { version = opened.Version, staffId = await app.StaffIdAsync("comms@sotong.example") });
        return (await StepAsync(comms, opened.Id, "start", new { version = assigned.Version })).Version;
    }

    private async Task<string> TokenAsync(Guid caseId)
    {
        await using var db = Db();
        return await db.Set<CaseMessage>().Where(m => m.CaseId == caseId).Select(m => m.CitizenToken).FirstAsync();
    }

    private async Task<List<string>> RepliesAsync(Guid message)
    {
        await using var db = Db();
        return await db.OutboundReplies.Where(r => r.MessageId == message).OrderBy(r => r.CreatedAtUtc).Select(r => r.Text).ToListAsync();
    }

    [Fact]
    public async Task Given_an_answered_case_Then_the_citizen_s_link_lets_them_read_rate_and_ask_for_more_without_an_account()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var message = await MessageAsync("정류장 시간표가 틀려요 010-2345-6789로 연락 주세요 " + Guid.NewGuid());
        var opened = await OpenAsync(comms, message);
        var token = await TokenAsync(opened.Id);
        var citizen = app.NewClient();

        // Before an answer there is nothing to rate.
        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{token}/rating", new { rating = 4 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var answered = await StepAsync(comms, opened.Id, "answer", new { version = await TakeAsync(comms, opened), text = "시간표를 고쳤습니다." });
        answered.Deliveries!.Single().State.ShouldBe("Sent");
        var reply = (await RepliesAsync(message)).Single();
        reply.ShouldContain($"[{opened.ReceiptNumber}]");
        reply.ShouldContain($"/my-case/{token}");

        var mine = (await citizen.GetFromJsonAsync<MyCaseDto>($"/api/v1/my-case/{token}"))!;
        mine.Answer.ShouldBe("시간표를 고쳤습니다.");
        mine.MayRate.ShouldBeTrue();
        mine.Question.ShouldNotContain("2345-6789");

        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{token}/rating", new { rating = 6 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{token}/rating", new { rating = 2 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await citizen.GetFromJsonAsync<MyCaseDto>($"/api/v1/my-case/{token}"))!.Rating.ShouldBe(2);

        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{token}/more", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{token}/more", new { reason = "주말 시간표도 알려 주세요" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var detail = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{opened.Id}"))!;
        detail.Summary.IsOpen.ShouldBeTrue();
        detail.History[^1].Action.ShouldBe("Reopened");
        detail.History[^1].Reason!.ShouldContain("주말 시간표");

        // The additional answer reaches the citizen too, on top of the first.
        await StepAsync(comms, opened.Id, "answer", new { version = detail.Summary.Version, text = "주말은 15분 간격입니다." });
        var replies = await RepliesAsync(message);
        replies.Count.ShouldBe(2);
        replies[1].ShouldStartWith("주말은 15분 간격입니다.");

        (await citizen.GetAsync("/api/v1/my-case/not-a-real-token-xxxxxx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_an_extension_Then_the_citizen_is_told_the_reason_and_the_new_date_on_their_channel()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var message = await MessageAsync("가로등 교체 요청 " + Guid.NewGuid());
        var opened = await OpenAsync(comms, message);
        var started = new { Version = await TakeAsync(comms, opened) };
        var extended = await StepAsync(comms, opened.Id, "extend", new { version = started.Version, reason = "현장 조사가 필요합니다", newDueAtUtc = opened.DueAtUtc.AddDays(3) });
        extended.Deliveries!.Single().State.ShouldBe("Sent");
        var notice = (await RepliesAsync(message)).Single();
        notice.ShouldContain("연장");
        notice.ShouldContain("현장 조사가 필요합니다");
        notice.ShouldContain(Sotong.Core.Common.Time.SeoulTime.ToSeoul(extended.DueAtUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        // A notice is not an answer.
        await using var db = Db();
        (await db.InboxMessages.Where(m => m.Id == message).Select(m => m.AnswerText).SingleAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Given_the_same_citizen_raising_a_matter_again_Then_the_case_counts_the_repeats_and_may_be_closed_citing_the_rule()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var phone = "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);
        OpenedCaseDto? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await OpenAsync(comms, await MessageAsync($"버스 정류장 의자가 부서졌어요 ({i}) {Guid.NewGuid()}", phone));
            if (i < 2)
            {
                await StepAsync(comms, last.Id, "answer", new { version = await TakeAsync(comms, last), text = $"{i + 1}차 답변: 교체를 요청했습니다." });
            }
        }
        var detail = (await comms.GetFromJsonAsync<CaseDetailExtraDto>($"/api/v1/cases/{last!.Id}"))!;
        detail.Repeats.ShouldBe(3);
        detail.Answers.ShouldBe(2);
        var closed = await StepAsync(comms, last.Id, "close-repeated", new { version = last.Version, reason = "민원처리법 시행령 제26조 반복민원" });
        closed.State.ShouldBe("Closed");
    }

    [Fact]
    public async Task Given_a_case_Then_publication_needs_consent_and_the_portal_masks_searches_filters_counts_and_moderates()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var word = "가" + Guid.NewGuid().ToString("N")[..6];
        // Two syllables no other answer is likely to hold: a two-character search served by the bigram index.
        var pair = string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0xAC00, 0xD7A4)));
        var message = await MessageAsync($"{word} {pair}역 공영주차장 요금 문의합니다. 카드 4111-1111-1111-1111, 전화 010-3456-7890");
        var opened = await OpenAsync(comms, message);
        var answered = await StepAsync(comms, opened.Id, "answer", new { version = await TakeAsync(comms, opened), text = "공영주차장 요금은 10분당 500원입니다. 문의 02-120" });

        // No consent yet: refused with the rule.
        var refused = await comms.PostAsync($"/api/v1/cases/{opened.Id}/publish", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("CitizenConsentToPublish");

        var citizen = app.NewClient();
        (await citizen.PostAsJsonAsync($"/api/v1/my-case/{await TokenAsync(opened.Id)}/consent", new { consent = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var published = await comms.PostAsync($"/api/v1/cases/{opened.Id}/publish", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var answerId = (await published.Content.ReadFromJsonAsync<PublishedCaseDto>())!.AnswerId;

        var reader = app.NewClient();
        var one = (await reader.GetFromJsonAsync<PublicAnswerDto>($"/api/v1/answers/{answerId}"))!;
        one.Question.ShouldNotContain("3456-7890");
        one.Question.ShouldNotContain("1111-1111-1111");
        one.Status.ShouldBe("Answered");

        // Partial-word Korean search (trigram), a two-character term, filters and the sort.
        var found = (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word[..4])}"))!;
        found.Items.Select(a => a.Id).ShouldContain(answerId);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word + "없는말")}"))!.TotalCount.ShouldBe(0);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString("주차")}&pageSize=50"))!.TotalCount.ShouldBeGreaterThan(0);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(pair)}"))!.Items.Select(a => a.Id).ShouldContain(answerId);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(pair + "역 공영")}"))!.Items.Select(a => a.Id).ShouldContain(answerId);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString("🚌 o'k\\")}"))!.TotalCount.ShouldBe(0);
        var tooShort = await reader.GetAsync($"/api/v1/answers?q={Uri.EscapeDataString("역")}");
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooShort.Content.ReadAsStringAsync()).ShouldContain("\"q\"");
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word)}&divisionId={one.DivisionId}&status=Answered"))!.Items.Single().Id.ShouldBe(answerId);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word)}&status=Closed"))!.TotalCount.ShouldBe(0);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word)}&from=2001-01-01&to=2001-12-31"))!.TotalCount.ShouldBe(0);

        // One recommendation per browser; another browser counts.
        (await (await reader.PostAsync($"/api/v1/answers/{answerId}/recommend", null)).Content.ReadFromJsonAsync<RecommendDto>())!.ShouldBe(new RecommendDto(1, true));
        (await (await reader.PostAsync($"/api/v1/answers/{answerId}/recommend", null)).Content.ReadFromJsonAsync<RecommendDto>())!.ShouldBe(new RecommendDto(1, false));
        (await (await app.NewClient().PostAsync($"/api/v1/answers/{answerId}/recommend", null)).Content.ReadFromJsonAsync<RecommendDto>())!.Recommendations.ShouldBe(2);
        var top = (await reader.GetFromJsonAsync<AnswerPageDto>("/api/v1/answers?sort=MostRecommended&pageSize=50"))!;
        top.Items[0].Recommendations.ShouldBeGreaterThanOrEqualTo(2);
        await using (var db = Db())
        {
            // Nothing about who: only keyed hashes, no browser id.
            var hashes = await db.Set<AnswerRecommendation>().Where(r => r.AnswerId == answerId).Select(r => r.VoterHash).ToListAsync();
            hashes.Count.ShouldBe(2);
            hashes.ShouldAllBe(h => h.Length == 64);
        }

        // Comments: a clean one shows, abuse is refused, spam waits for a moderator, reports take one aside.
        var clean = await reader.PostAsJsonAsync($"/api/v1/answers/{answerId}/comments", new { nickname = "망원주민", text = "빠른 답변 고맙습니다. 제 번호는 010-9876-5432" });
        var cleanId = (await clean.Content.ReadFromJsonAsync<PostedCommentDto>())!;
        cleanId.State.ShouldBe("Visible");
        var abusive = await reader.PostAsJsonAsync($"/api/v1/answers/{answerId}/comments", new { text = "이게 답변이냐 시1발" });
        abusive.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var spam = await app.NewClient().PostAsJsonAsync($"/api/v1/answers/{answerId}/comments", new { text = "무료상담 대출 카지노 http://a.example http://b.example" });
        (await spam.Content.ReadFromJsonAsync<PostedCommentDto>())!.State.ShouldBe("Held");
        var visible = (await reader.GetFromJsonAsync<CommentPageDto>($"/api/v1/answers/{answerId}/comments"))!;
        visible.Items.Single().Text.ShouldNotContain("9876-5432");
        for (var i = 0; i < 3; i++)
        {
            (await app.NewClient().PostAsJsonAsync($"/api/v1/comments/{cleanId.Id}/report", new { reason = "광고" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await reader.GetFromJsonAsync<CommentPageDto>($"/api/v1/answers/{answerId}/comments"))!.TotalCount.ShouldBe(0);

        // Moderators see both and decide with a reason; readers and officers without the role cannot.
        (await reader.GetAsync("/api/v1/moderation/comments")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
        (await (await app.SignedInAsync("bus@sotong.example")).GetAsync("/api/v1/moderation/comments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var moderator = await app.SignedInAsync("moderator@sotong.example");
        var queue = (await moderator.GetFromJsonAsync<List<ModerationItemDto>>("/api/v1/moderation/comments"))!.Where(c => c.AnswerId == answerId).ToList();
        queue.Count.ShouldBe(2);
        var held = queue.Single(c => c.Id == cleanId.Id);
        (await moderator.PostAsJsonAsync($"/api/v1/moderation/comments/{held.Id}/hide", new { version = held.Version, reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await moderator.PostAsJsonAsync($"/api/v1/moderation/comments/{held.Id}/restore", new { version = held.Version })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reader.GetFromJsonAsync<CommentPageDto>($"/api/v1/answers/{answerId}/comments"))!.TotalCount.ShouldBe(1);
        (await moderator.PostAsJsonAsync($"/api/v1/moderation/comments/{held.Id}/hide", new { version = held.Version + 1, reason = "개인 비방" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reader.GetFromJsonAsync<CommentPageDto>($"/api/v1/answers/{answerId}/comments"))!.TotalCount.ShouldBe(0);
        await using (var db = Db())
        {
            (await db.AuditEntries.CountAsync(a => a.EntityId == held.Id.ToString() && a.Action == "CommentHidden")).ShouldBe(1);
        }

        // The division's Atom feed carries it.
        var feed = XDocument.Parse(await reader.GetStringAsync($"/answers/divisions/{one.DivisionId}/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        feed.Root!.Name.ShouldBe(atom + "feed");
        feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ShouldContain(id => id.EndsWith($"/answers/{answerId}", StringComparison.Ordinal));
        feed.Root.Element(atom + "updated")!.Value.ShouldEndWith("+09:00");

        // Unpublishing takes it off the portal and keeps the record.
        (await comms.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/unpublish", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await comms.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/unpublish", new { reason = "민원인 요청" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reader.GetAsync($"/api/v1/answers/{answerId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reader.GetFromJsonAsync<AnswerPageDto>($"/api/v1/answers?q={Uri.EscapeDataString(word)}"))!.TotalCount.ShouldBe(0);
        var history = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{opened.Id}"))!.History.Select(h => h.Action).ToList();
        history.ShouldContain("Published");
        history.ShouldContain("Unpublished");
        await using (var db = Db())
        {
            var row = await db.PublishedAnswers.SingleAsync(a => a.Id == answerId);
            row.IsPublished.ShouldBeFalse();
            row.UnpublishReason.ShouldBe("민원인 요청");
        }
        answered.State.ShouldBe("Answered");
    }

    [Fact]
    public async Task Given_a_case_Then_its_personal_data_is_masked_for_officers_until_they_ask_and_asking_is_audited()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var opened = await OpenAsync(comms, await MessageAsync("연락처 010-4567-8901 로 답 주세요 " + Guid.NewGuid()));
        var masked = (await comms.GetFromJsonAsync<CaseDetailExtraDto>($"/api/v1/cases/{opened.Id}"))!;
        masked.Messages.Single().Text.ShouldNotContain("4567-8901");
        masked.Unmasked.ShouldBeFalse();
        await using (var db = Db())
        {
            (await db.AuditEntries.CountAsync(a => a.EntityId == opened.Id.ToString() && a.Action == "ViewedPersonalData")).ShouldBe(0);
        }
        var whole = (await comms.GetFromJsonAsync<CaseDetailExtraDto>($"/api/v1/cases/{opened.Id}?unmasked=true"))!;
        whole.Messages.Single().Text.ShouldContain("010-4567-8901");
        await using (var db = Db())
        {
            (await db.AuditEntries.CountAsync(a => a.EntityId == opened.Id.ToString() && a.Action == "ViewedPersonalData")).ShouldBe(1);
        }
    }

    /// <summary>Who may do what with a bus-division case: every role against every kind of action.</summary>
    [Theory]
    [InlineData("comms@sotong.example", true, true, true)]
    [InlineData("admin@sotong.example", true, true, true)]
    [InlineData("bus@sotong.example", true, true, false)]
    [InlineData("safety@sotong.example", false, false, false)]
    [InlineData("moderator@sotong.example", false, false, true)]
    [InlineData("approver@sotong.example", false, false, false)]
    [InlineData(null, false, false, false)]
    public async Task Given_a_role_Then_it_reads_acts_and_moderates_exactly_as_allowed(string? who, bool reads, bool acts, bool moderates)
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var opened = await OpenAsync(comms, await MessageAsync("역할 점검용 민원 " + Guid.NewGuid()));
        var client = who is null ? app.NewClient() : await app.SignedInAsync(who);

        var read = await client.GetAsync($"/api/v1/cases/{opened.Id}");
        (read.StatusCode == HttpStatusCode.OK).ShouldBe(reads, $"{who} reading");
        var list = await client.GetAsync("/api/v1/cases?overdueOnly=false");
        if (reads)
        {
            (await list.Content.ReadAsStringAsync()).ShouldContain(opened.ReceiptNumber);
        }
        var act = await client.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/withdraw", new { version = opened.Version, reason = "민원인 취하" });
        (act.StatusCode == HttpStatusCode.OK).ShouldBe(acts, $"{who} acting: {act.StatusCode}");
        var unmask = await client.GetAsync($"/api/v1/cases/{opened.Id}?unmasked=true");
        (unmask.StatusCode == HttpStatusCode.OK).ShouldBe(reads, $"{who} unmasking");
        var moderate = await client.GetAsync("/api/v1/moderation/comments");
        (moderate.StatusCode == HttpStatusCode.OK).ShouldBe(moderates, $"{who} moderating");
        var settings = await client.PutAsJsonAsync("/api/v1/cases/settings/deadlines", new { });
        (settings.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest).ShouldBe(who == "admin@sotong.example", $"{who} editing deadlines: {settings.StatusCode}");
        await using var db = Db();
        var state = await db.Set<Case>().Where(c => c.Id == opened.Id).Select(c => c.State).SingleAsync();
        state.ToString().ShouldBe(acts ? "Withdrawn" : "Received");
    }
}
