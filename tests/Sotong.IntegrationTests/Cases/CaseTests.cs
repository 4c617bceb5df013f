using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Cases.Deadlines;
using Sotong.Core.Common;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Cases;

public sealed class SqliteCaseTests(SqliteApp app) : CaseTests<SqliteApp>(app);

public sealed class PostgresCaseTests(PostgresApp app) : CaseTests<PostgresApp>(app);

public sealed record OpenedCaseDto(Guid Id, string ReceiptNumber, DateTime DueAtUtc, int Version);
public sealed record CaseDeliveryDto(Guid MessageId, string ReceiptNumber, string Channel, string? State, string? Error);
public sealed record CaseResultDto(Guid Id, string State, int Version, DateTime DueAtUtc, List<CaseDeliveryDto>? Deliveries);
public sealed record CaseItemDto(Guid Id, string ReceiptNumber, string Title, string Type, string State, Guid? DivisionId, string? AssignedToName,
    DateTime ReceivedAtUtc, DateTime DueAtUtc, bool IsOpen, bool Overdue, string DueKo, string DueEn, int Version);
public sealed record CaseMessageDto(Guid MessageId, string ReceiptNumber, string Channel, string Text, DateTime ReceivedAtUtc);
public sealed record CaseEventDto(DateTime AtUtc, string Action, string From, string To, string ActorName, string? Reason);
public sealed record CaseDetailDto(CaseItemDto Summary, int Extensions, string? AnswerText, DateTime? AnsweredAtUtc, string? TransferredToAgency, Guid? MergedIntoId,
    List<CaseMessageDto> Messages, List<CaseEventDto> History);

/// <summary>Cases over HTTP: opened from messages with the legal due time, moved through the workflow, refused with 409s, scoped by division.</summary>
public abstract class CaseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private async Task<(Guid Id, DateTime ReceivedAtUtc)> MessageAsync(string text)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var m = await db.InboxMessages.Where(x => x.ReceiptNumber == receipt).Select(x => new { x.Id, x.ReceivedAtUtc }).SingleAsync();
        return (m.Id, m.ReceivedAtUtc);
    }

    private async Task<Guid> DivisionAsync(HttpClient staff, string code) =>
        (await staff.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!.Single(d => d.Code == code).Id;


    /// <summary>Two messages about one matter, routed to the bus division, opened as one grievance.</summary>
    private async Task<(OpenedCaseDto Case, DateTime FirstReceived)> OpenBusCaseAsync(HttpClient comms)
    {
        var bus = await DivisionAsync(comms, "TRN-BUS");
        var first = await MessageAsync("7011번 버스가 40분째 안 와요 " + Guid.NewGuid());
        var second = await MessageAsync("망원동 7011번 배차 간격 좀 줄여 주세요 " + Guid.NewGuid());
        foreach (var id in new[] { first.Id, second.Id })
        {
            (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = bus, version = 0 })).EnsureSuccessStatusCode();
        }
        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { first.Id, second.Id }, type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        return ((await opened.Content.ReadFromJsonAsync<OpenedCaseDto>())!, first.ReceivedAtUtc);
    }

    [Fact]
    public async Task The_open_cases_index_covers_exactly_what_the_open_case_queries_ask_for()
    {
        // IX_cases_case_open is partial: the database uses it only when a query's condition matches its filter, so the
        // filter must stay the SQL this provider writes for Case.OpenInQueries (a change to either shows here).
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var filter = db.Model.FindEntityType(typeof(Sotong.Core.Cases.Case))!.GetIndexes().Single(i => i.GetDatabaseName() == "IX_cases_case_open").GetFilter()!;
        var sql = db.Set<Sotong.Core.Cases.Case>().Where(Sotong.Core.Cases.Case.OpenInQueries).ToQueryString();
        var where = sql[(sql.IndexOf("WHERE ", StringComparison.Ordinal) + "WHERE ".Length)..].Trim();
        var unqualified = System.Text.RegularExpressions.Regex.Replace(where, @"(""[a-z]""|\b[a-z])\.(?="")", "");
        unqualified.ShouldBe(filter);
    }

    [Fact]
    public async Task Given_two_messages_on_one_matter_When_a_case_is_opened_Then_it_holds_both_and_is_due_by_the_legal_clock()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var (opened, firstReceived) = await OpenBusCaseAsync(comms);
        opened.ReceiptNumber.ShouldMatch(@"^C-\d{8}-\d{8}$");
        // Grievance: 7 days, counted in days from the first message, weekends and holidays left out.
        opened.DueAtUtc.ShouldBe(new WorkingCalendar().DueAt(firstReceived, ComplaintPeriod.OfDays(7)), TimeSpan.FromSeconds(1));

        var detail = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{opened.Id}"))!;
        detail.Messages.Count.ShouldBe(2);
        detail.Summary.State.ShouldBe("Received");
        detail.Summary.Type.ShouldBe("Grievance");
        detail.Summary.DivisionId.ShouldBe(await DivisionAsync(comms, "TRN-BUS"));
        detail.Summary.DueKo.ShouldStartWith("D-");
        detail.History.Single().Action.ShouldBe("Opened");

        // A message belongs to one case only; bad requests say what is wrong.
        var again = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { detail.Messages[0].MessageId }, type = "Question" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.ShouldContainKey("messageIds");
        var empty = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = Array.Empty<Guid>() });
        var problem = (await empty.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Errors!.Keys.ShouldBe(["messageIds", "type"], ignoreOrder: true);
        (await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { Guid.NewGuid() }, type = "Question" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_case_Then_it_moves_through_the_workflow_and_an_illegal_step_or_a_stale_version_is_a_409()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var (opened, _) = await OpenBusCaseAsync(comms);
        var url = $"/api/v1/cases/{opened.Id}";

        var early = await comms.PostAsJsonAsync($"{url}/answer", new { version = 0, text = "답변" });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("AnswerCasesInHand");

        // A department officer of another division cannot be given the case.
        var wrong = await comms.PostAsJsonAsync($"{url}/assign", new { version = 0, staffId = await app.StaffIdAsync("safety@sotong.example") });
        (await wrong.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("AssigneeInDivision");

        var assigned = (await (await comms.PostAsJsonAsync($"{url}/assign", new { version = 0, staffId = await app.StaffIdAsync("bus@sotong.example") })).Content.ReadFromJsonAsync<CaseResultDto>())!;
        assigned.State.ShouldBe("Assigned");
        // Two officers on one case: the one with the old version is told, not overwritten.
        var stale = await comms.PostAsJsonAsync($"{url}/start", new { version = 0 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("ConcurrentEdit");

        var bus = await app.SignedInAsync("bus@sotong.example");
        var started = (await (await bus.PostAsJsonAsync($"{url}/start", new { version = assigned.Version })).Content.ReadFromJsonAsync<CaseResultDto>())!;
        var extended = await bus.PostAsJsonAsync($"{url}/extend", new { version = started.Version, newDueAtUtc = opened.DueAtUtc.AddDays(3), reason = "현장 확인이 필요합니다" });
        extended.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ext = (await extended.Content.ReadFromJsonAsync<CaseResultDto>())!;
        (ext.State, ext.DueAtUtc).ShouldBe(("Extended", opened.DueAtUtc.AddDays(3)));
        var second = await bus.PostAsJsonAsync($"{url}/extend", new { version = ext.Version, newDueAtUtc = opened.DueAtUtc.AddDays(5), reason = "또" });
        (await second.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("SecondExtensionNeedsConsent");
        var answered = (await (await bus.PostAsJsonAsync($"{url}/answer", new { version = ext.Version, text = "배차를 늘렸습니다." })).Content.ReadFromJsonAsync<CaseResultDto>())!;
        answered.State.ShouldBe("Answered");
        // Both citizens hear back on their own channel (the web form here), with the case's number.
        answered.Deliveries!.Count.ShouldBe(2);
        answered.Deliveries.ShouldAllBe(d => d.Error == null && d.State != null);
        await using (var replies = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var sent = await replies.OutboundReplies.Where(r => answered.Deliveries.Select(d => d.MessageId).Contains(r.MessageId)).Select(r => r.Text).ToListAsync();
            // Each citizen was told of the extension (with its reason) and then got the answer, both with the case's number.
            sent.Count.ShouldBe(4);
            sent.Count(t => t.Contains("배차를 늘렸습니다.") && t.Contains(opened.ReceiptNumber)).ShouldBe(2);
            sent.Count(t => t.Contains("현장 확인이 필요합니다") && t.Contains(opened.ReceiptNumber)).ShouldBe(2);
        }
        var closed = (await (await bus.PostAsJsonAsync($"{url}/close", new { version = answered.Version })).Content.ReadFromJsonAsync<CaseResultDto>())!;
        closed.State.ShouldBe("Closed");
        (await bus.PostAsJsonAsync($"{url}/fly", new { version = closed.Version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var detail = (await bus.GetFromJsonAsync<CaseDetailDto>(url))!;
        detail.History.Select(h => h.Action).ShouldBe(["Opened", "Assigned", "Started", "Extended", "Answered", "Closed"]);
        detail.History.Single(h => h.Action == "Extended").Reason.ShouldBe("현장 확인이 필요합니다");
        detail.AnswerText.ShouldBe("배차를 늘렸습니다.");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.Where(a => a.EntityType == "Case" && a.EntityId == opened.Id.ToString()).Select(a => a.Action).ToListAsync())
            .ShouldBe(["Opened", "Assigned", "Started", "Extended", "Answered", "Closed"], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_a_department_officer_Then_they_see_and_act_on_their_division_s_cases_only_and_a_transfer_hands_it_over()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var (opened, _) = await OpenBusCaseAsync(comms);
        var bus = await app.SignedInAsync("bus@sotong.example");
        var safety = await app.SignedInAsync("safety@sotong.example");
        (await safety.GetAsync($"/api/v1/cases/{opened.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await safety.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/withdraw", new { version = 0, reason = "남의 사건" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await safety.GetFromJsonAsync<PageDto<CaseItemDto>>("/api/v1/cases?pageSize=100"))!.Items.ShouldNotContain(i => i.Id == opened.Id);
        (await bus.GetFromJsonAsync<PageDto<CaseItemDto>>("/api/v1/cases?pageSize=100"))!.Items.ShouldContain(i => i.Id == opened.Id);

        var noReason = await bus.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/transfer", new { version = 0, divisionId = await DivisionAsync(comms, "SAF-DIS") });
        (await noReason.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("GiveAReason");
        var moved = await bus.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/transfer", new { version = 0, divisionId = await DivisionAsync(comms, "SAF-DIS"), reason = "도로 안전 소관입니다" });
        (await moved.Content.ReadFromJsonAsync<CaseResultDto>())!.State.ShouldBe("Transferred");
        (await bus.GetAsync($"/api/v1/cases/{opened.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await safety.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{opened.Id}"))!.Summary.State.ShouldBe("Transferred");
    }

    [Fact]
    public async Task Given_open_cases_Then_the_list_puts_the_overdue_first_and_filters_them()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var (soon, _) = await OpenBusCaseAsync(comms);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            // As if it had waited past its due time.
            var c = await db.Set<Sotong.Core.Cases.Case>().SingleAsync(x => x.Id == soon.Id);
            c.DueAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-2);
            await db.SaveChangesAsync();
        }
        // Opened after it and due later: a newest-first list would put this one on top.
        var (later, _) = await OpenBusCaseAsync(comms);
        var list = (await comms.GetFromJsonAsync<PageDto<CaseItemDto>>("/api/v1/cases?pageSize=100"))!;
        list.Items.First().Id.ShouldBe(soon.Id);
        list.Items.First().Overdue.ShouldBeTrue();
        list.Items.First().DueKo.ShouldContain("초과");
        list.Items.Select(i => i.Id).ToList().IndexOf(later.Id).ShouldBeGreaterThan(0);
        var overdue = (await comms.GetFromJsonAsync<PageDto<CaseItemDto>>("/api/v1/cases?overdueOnly=true&pageSize=100"))!;
        overdue.Items.ShouldAllBe(i => i.Overdue);
        overdue.Items.ShouldContain(i => i.Id == soon.Id);
    }

    [Fact]
    public async Task Given_an_overdue_case_and_one_open_for_30_days_Then_the_watcher_escalates_and_notes_progress_once_each()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var (overdue, _) = await OpenBusCaseAsync(comms);
        var (old, _) = await OpenBusCaseAsync(comms);
        var (soon, _) = await OpenBusCaseAsync(comms);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.Set<Sotong.Core.Cases.Case>().SingleAsync(c => c.Id == overdue.Id)).DueAtUtc = now.AddHours(-1);
            var o = await db.Set<Sotong.Core.Cases.Case>().SingleAsync(c => c.Id == old.Id);
            (o.ReceivedAtUtc, o.DueAtUtc) = (now.AddDays(-31), now.AddDays(20));
            // One hour away in calendar time is at most one working hour away: inside the 4-hour reminder lead.
            (await db.Set<Sotong.Core.Cases.Case>().SingleAsync(c => c.Id == soon.Id)).DueAtUtc = now.AddHours(1);
            await db.SaveChangesAsync();
        }
        var watcher = app.Services.GetRequiredService<DeadlineWatcher>();
        (await watcher.CheckAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(2);
        await watcher.CheckAsync(CancellationToken.None);

        var escalated = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{overdue.Id}"))!;
        escalated.History.Count(h => h.Action == "Escalated").ShouldBe(1);
        escalated.Summary.Version.ShouldBe(overdue.Version, "a note does not take the case from under its officer");
        var noticed = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{old.Id}"))!;
        noticed.History.Count(h => h.Action == "ProgressNotice").ShouldBe(1);
        noticed.History.ShouldNotContain(h => h.Action == "Escalated");
        noticed.History.ShouldNotContain(h => h.Action == "Reminder");
        var reminded = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{soon.Id}"))!;
        reminded.History.Count(h => h.Action == "Reminder").ShouldBe(1);
        reminded.History.ShouldNotContain(h => h.Action == "Escalated");
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await check.AuditEntries.CountAsync(a => a.EntityId == overdue.Id.ToString() && a.Action == "Escalated")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_an_administrator_When_a_period_changes_or_an_extra_day_off_is_added_Then_new_cases_are_due_accordingly()
    {
        var admin = await app.SignedInAsync("admin@sotong.example");
        var comms = await app.SignedInAsync("comms@sotong.example");
        var settings = (await admin.GetFromJsonAsync<DeadlineSettingsDto>("/api/v1/cases/settings/deadlines"))!;
        settings.GrievanceDays.ShouldBe(7);
        (await comms.PutAsJsonAsync("/api/v1/cases/settings/deadlines", settings with { GrievanceDays = 3 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await admin.PutAsJsonAsync("/api/v1/cases/settings/deadlines", settings with { GrievanceDays = 0, LunchStart = "25:00" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await bad.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Errors!.Keys.ShouldBe(["grievanceDays", "lunchStart"], ignoreOrder: true);
        // In the reader's language (Korean by default), from the resources.
        problem.Errors["grievanceDays"].ShouldBe(["처리 기간은 1일에서 365일까지입니다."]);
        problem.Errors["lunchStart"].ShouldBe(["시각을 HH:mm 형식으로 적어 주세요."]);
        var changed = (await (await admin.PutAsJsonAsync("/api/v1/cases/settings/deadlines", settings with { GrievanceDays = 3 })).Content.ReadFromJsonAsync<DeadlineSettingsDto>())!;
        changed.Version.ShouldBe(settings.Version + 1);
        (await admin.PutAsJsonAsync("/api/v1/cases/settings/deadlines", settings with { GrievanceDays = 4 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        try
        {
            // 3 days is counted in working hours (24 of them) from the first message.
            var (opened, received) = await OpenBusCaseAsync(comms);
            opened.DueAtUtc.ShouldBe(new WorkingCalendar().DueAt(received, ComplaintPeriod.OfDays(3)), TimeSpan.FromSeconds(1));

            // An election day on the next working day pushes the next case's due time a day later.
            var calendar = new WorkingCalendar();
            var next = WorkingCalendar.KoreanDate(received).AddDays(1);
            while (!calendar.IsWorkingDay(next))
            {
                next = next.AddDays(1);
            }
            (await admin.PostAsJsonAsync("/api/v1/cases/holidays", new { date = next, name = "선거일" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await admin.PostAsJsonAsync("/api/v1/cases/holidays", new { date = next, name = "선거일" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await admin.GetFromJsonAsync<List<HolidayDto>>($"/api/v1/cases/holidays/{next.Year}"))!.ShouldContain(h => h.Date == next && h.Extra);
            var (later, laterReceived) = await OpenBusCaseAsync(comms);
            var withElection = new WorkingCalendar(new WorkingCalendarSettings { ExtraHolidays = [next] });
            later.DueAtUtc.ShouldBe(withElection.DueAt(laterReceived, ComplaintPeriod.OfDays(3)), TimeSpan.FromSeconds(1));
            later.DueAtUtc.ShouldBeGreaterThan(calendar.DueAt(laterReceived, ComplaintPeriod.OfDays(3)));
            (await admin.DeleteAsync($"/api/v1/cases/holidays/{next:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        finally
        {
            var now = (await admin.GetFromJsonAsync<DeadlineSettingsDto>("/api/v1/cases/settings/deadlines"))!;
            (await admin.PutAsJsonAsync("/api/v1/cases/settings/deadlines", now with { GrievanceDays = 7 })).EnsureSuccessStatusCode();
        }
    }
}

public sealed record DeadlineSettingsDto(int QuestionDays, int LawInterpretationDays, int SuggestionDays, int GrievanceDays, int OtherDays, double OtherHours,
    string WorkdayStart, string WorkdayEnd, string LunchStart, string LunchEnd, bool ReceiptDayCounts, int Version);

public sealed record HolidayDto(DateOnly Date, string NameKo, string NameEn, bool Substitute, bool Extra);
