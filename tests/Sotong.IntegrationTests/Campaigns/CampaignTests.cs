using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Campaigns;
using Sotong.Core.Campaigns.Participation;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Common.Time;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.OptOut;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Campaigns;

public sealed class SqliteCampaignTests(CampaignSqliteApp app) : CampaignTests<CampaignSqliteApp>(app);

public sealed class PostgresCampaignTests(CampaignPostgresApp app) : CampaignTests<CampaignPostgresApp>(app);

public sealed record CampaignSavedDto(Guid Id, int Version, string State);
public sealed record CampaignActionDto(Guid Id, string State, int Version, int? Withdrawn);
public sealed record AudienceDto(int Count);
public sealed record CampaignEventDto(DateTime AtUtc, string Action, string? From, string? To, string ActorName, string? Detail);
public sealed record CampaignDto(Guid Id, string Title, string Text, string Kind, string State, string AuthorName, int Version, List<CampaignEventDto> History,
    DateTime? ScheduledForUtc, Guid? BatchId, DateTime? StartedAtUtc, DateTime? SendsFromUtc, DateTime? ReplyUntilUtc, int? AudienceSize, DateTime? HeldUntilUtc,
    string? ApproverName);
public sealed record CampaignListItemDto(Guid Id, string Title, string State);
public sealed record SendProgressDto(int Total, int Submitted, int Delivered, int Undelivered, int Failed, int Cancelled, int Remaining, double Percent);
public sealed record OptionCountDto(int Number, string Text, int Count, bool IsCorrect);
public sealed record TallyDto(int Counted, int Superseded, int Unrecognised, List<OptionCountDto> Options, int? CorrectCount);
public sealed record CampaignLiveDto(string State, int? AudienceSize, SendProgressDto? Progress, int Replies, TallyDto? Tally);
public sealed record FailureReasonDto(string Outcome, int? ErrorCode, string? Error, int Count);
public sealed record CampaignReportDto(SendProgressDto? Progress, List<FailureReasonDto> Failures, int Replies, int OptOuts);
public sealed record CampaignReplyDto(Guid Id, Guid MessageId, string ReceiptNumber, string Excerpt, DateTime ReceivedAtUtc, string Entry, int? Option, string Subscriber);
public sealed record WinnerDto(int Rank, Guid EntryId, string Subscriber, int? Option, string? EntryText);
public sealed record DrawDto(Guid Id, string Seed, int WinnerCount, int EligibleCount, string EligibleHash, List<WinnerDto> Winners);
public sealed record DrawCheckDto(bool WinnersMatch, bool ListIntact, bool EntriesUnchanged, bool Matches, int RecordedCount, int CurrentCount);

/// <summary>
/// Campaigns over HTTP on a clock the test moves: approval by a second officer, one outbox row per matching active
/// subscriber (never twice), quiet hours, replies linked through the inbound SMS steps, participation tally and draw.
/// </summary>
public abstract class CampaignTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : class, ICampaignApp
{
    private readonly SotongApp app = fixture.App;
    private readonly CampaignData data = new(fixture.App);
    private static readonly string[] Landmarks = ["남산타워", "서울역", "덕수궁"];

    private DateTime Now => fixture.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock forward to the next time it is <paramref name="hour"/>:00 in Seoul.</summary>
    private void AdvanceToSeoul(int hour)
    {
        var seoul = SeoulTime.ToSeoul(Now);
        var target = seoul.Date.AddHours(hour);
        if (target <= seoul)
        {
            target = target.AddDays(1);
        }
        fixture.Clock.Advance(target - seoul);
    }

    private static object Segment(string dong, string[]? interests = null, object[]? ages = null) =>
        new { interests = interests ?? [CampaignData.InterestA], interestMatch = "Any", dongs = new[] { dong }, ageBands = ages };

    private async Task<Guid> CreateAsync(HttpClient author, object segment, string kind = "Information", string[]? options = null, int? correct = null,
        DateTime? scheduledForUtc = null, string text = "중구 소식: 이번 주 토요일 명동 거리 축제에 오세요.")
    {
        var created = await author.PostAsJsonAsync("/api/v1/campaigns", new
        {
            title = "시험 캠페인 " + Guid.NewGuid().ToString("N")[..6], text, kind, options, correctOption = correct, segment, scheduledForUtc,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<CampaignSavedDto>())!.Id;
    }

    private static async Task<CampaignDto> GetAsync(HttpClient staff, Guid id) => (await staff.GetFromJsonAsync<CampaignDto>($"/api/v1/campaigns/{id}"))!;

    private static async Task<HttpResponseMessage> ActAsync(HttpClient staff, Guid id, string action, string? reason = null) =>
        await staff.PostAsJsonAsync($"/api/v1/campaigns/{id}/{action}", new { version = (await GetAsync(staff, id)).Version, reason });

    /// <summary>Submitted by the author (comms@), approved by another city-wide officer (admin@).</summary>
    private async Task<Guid> ApprovedAsync(HttpClient author, Guid id)
    {
        (await ActAsync(author, id, "submit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.SignedInAsync("admin@sotong.example");
        (await ActAsync(admin, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The scheduler starts an approved campaign on its own (poked by the approval); wait for its audience.</summary>
    private async Task<CampaignDto> SendingAsync(HttpClient staff, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            var c = await GetAsync(staff, id);
            if (c.State == "Sending" && c.AudienceSize is not null)
            {
                return c;
            }
            await app.Service<CampaignScheduler>().RunOnceAsync(default);
            await Task.Delay(100);
        }
        throw new TimeoutException("The campaign did not start.");
    }

    [Fact]
    public async Task Given_a_campaign_approved_by_another_officer_Then_the_outbox_holds_one_row_per_matching_active_subscriber_and_never_two()
    {
        AdvanceToSeoul(10);
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        var otherDong = await data.NewDongAsync();
        var year = SeoulTime.ToSeoul(Now).Year;
        var match1 = await data.SubscriberAsync(dong, CampaignData.MaskA, year - 35);
        var match2 = await data.SubscriberAsync(dong, CampaignData.MaskA | CampaignData.MaskB, year - 44, SubscriberGender.Male);
        var wrongInterest = await data.SubscriberAsync(dong, CampaignData.MaskB, year - 35);
        var tooOld = await data.SubscriberAsync(dong, CampaignData.MaskA, year - 66);
        var withdrawn = await data.SubscriberAsync(dong, CampaignData.MaskA, year - 35, status: SubscriberStatus.Withdrawn);
        var pending = await data.SubscriberAsync(dong, CampaignData.MaskA, year - 35, status: SubscriberStatus.Pending);
        var elsewhere = await data.SubscriberAsync(otherDong, CampaignData.MaskA, year - 35);
        var segment = Segment(dong, ages: [new { from = 30, to = 39 }, new { from = 40, to = 49 }]);

        var comms = await app.SignedInAsync("comms@sotong.example");
        (await (await comms.PostAsJsonAsync("/api/v1/campaigns/audience", segment)).Content.ReadFromJsonAsync<AudienceDto>())!.Count.ShouldBe(2);
        var id = await CreateAsync(comms, segment);
        (await ActAsync(comms, id, "submit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(comms, id)).State.ShouldBe("PendingApproval");

        // The author cannot approve their own campaign; a department officer is not a city-wide approver.
        var own = await ActAsync(comms, id, "approve");
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("ApproverIsNotAuthor");
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.PostAsJsonAsync($"/api/v1/campaigns/{id}/approve", new { version = (await GetAsync(comms, id)).Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await app.SignedInAsync("admin@sotong.example");
        (await ActAsync(admin, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sending = await SendingAsync(comms, id);
        sending.AudienceSize.ShouldBe(2);
        sending.ApproverName.ShouldNotBeNull();
        sending.SendsFromUtc.ShouldBe(sending.StartedAtUtc);
        var batch = sending.BatchId!.Value;

        await using (var db = await data.DbAsync())
        {
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BatchId == batch).ToListAsync();
            rows.Count.ShouldBe(2);
            rows.Select(r => r.IdempotencyKey).ShouldBe([CampaignStarter.KeyFor(id, match1.Id), CampaignStarter.KeyFor(id, match2.Id)], ignoreOrder: true);
            rows.Select(r => r.SubscriberId).ShouldBe([match1.Id, match2.Id], ignoreOrder: true);
            rows.Single(r => r.SubscriberId == match1.Id).ProtectedRecipient.ShouldBe(match1.ProtectedPhone);
            rows.ShouldAllBe(r => r.Priority == OutboxPriority.Bulk);
            var stored = await db.Set<OutboxBatch>().AsNoTracking().SingleAsync(b => b.Id == batch);
            stored.Kind.ShouldBe(OutboxKind.Campaign);
            stored.SourceId.ShouldBe(id);
            stored.Sender.ShouldBe(CampaignAppSetup.ShortNumber);
            var excluded = new[] { wrongInterest, tooOld, withdrawn, pending, elsewhere }.Select(s => CampaignStarter.KeyFor(id, s.Id)).ToList();
            (await db.Set<OutboxMessage>().CountAsync(m => excluded.Contains(m.IdempotencyKey))).ShouldBe(0);
        }

        // Starting again, approving again, or resuming a start that looks interrupted writes nothing twice.
        (await app.Service<CampaignStarter>().StartAsync(id, default)).ShouldBeFalse();
        (await ActAsync(admin, id, "approve")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using (var db = await data.DbAsync())
        {
            await db.Set<Campaign>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AudienceSize, (int?)null)
                .SetProperty(c => c.StartedAtUtc, Now - CampaignScheduler.StaleStart - TimeSpan.FromMinutes(1)));
        }
        await app.Service<CampaignScheduler>().RunOnceAsync(default);
        (await GetAsync(comms, id)).AudienceSize.ShouldBe(2);
        await using (var db = await data.DbAsync())
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.BatchId == batch)).ShouldBe(2);
            (await db.Set<OutboxMessage>().CountAsync(m => m.IdempotencyKey.StartsWith($"c:{id:N}:"))).ShouldBe(2);
        }

        // The delivery engine's results make the report: one failed with its reason, one withdrew by SMS afterwards.
        await data.MarkSubmittedAsync(batch, match1.Id);
        await using (var db = await data.DbAsync())
        {
            await db.Set<OutboxMessage>().Where(m => m.BatchId == batch && m.SubscriberId == match2.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Failed).SetProperty(m => m.ErrorCode, 0x0B).SetProperty(m => m.Error, "Invalid destination address"));
            await db.Set<OutboxBatch>().Where(b => b.Id == batch).ExecuteUpdateAsync(s => s.SetProperty(b => b.Failed, 1));
            var quitter = await db.Set<Subscriber>().SingleAsync(s => s.Id == match1.Id);
            quitter.Withdraw(OptOutBySms.Via, Now.AddMinutes(30));
            await db.SaveChangesAsync();
        }
        await app.Service<CampaignScheduler>().RunOnceAsync(default);
        var sent = await GetAsync(comms, id);
        sent.State.ShouldBe("Sent");
        sent.History.Select(h => h.Action).ShouldBe(["Created", "SubmittedForApproval", "Approved", "Started", "Sent"]);
        var report = (await comms.GetFromJsonAsync<CampaignReportDto>($"/api/v1/campaigns/{id}/report"))!;
        report.Progress!.Submitted.ShouldBe(1);
        report.Progress.Remaining.ShouldBe(0);
        report.Failures.Single().ShouldBe(new FailureReasonDto("Failed", 0x0B, "Invalid destination address", 1));
        report.OptOuts.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_campaign_scheduled_into_quiet_hours_Then_its_messages_wait_until_eight_in_Seoul()
    {
        AdvanceToSeoul(10);
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        var subscriber = await data.SubscriberAsync(dong, CampaignData.MaskA, 1980);
        var comms = await app.SignedInAsync("comms@sotong.example");
        var today = SeoulTime.ToSeoul(Now).Date;
        var at = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(today.AddHours(23), DateTimeKind.Unspecified), SeoulTime.Zone);
        var eight = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(today.AddDays(1).AddHours(8), DateTimeKind.Unspecified), SeoulTime.Zone);

        var id = await ApprovedAsync(comms, await CreateAsync(comms, Segment(dong), scheduledForUtc: at));
        var scheduled = await GetAsync(comms, id);
        scheduled.State.ShouldBe("Scheduled");
        // The screen says so before it goes.
        scheduled.HeldUntilUtc.ShouldBe(eight);
        scheduled.History.Single(h => h.Action == "Approved").Detail!.ShouldContain("08:00");

        // Not yet due: nothing starts.
        await app.Service<CampaignScheduler>().RunOnceAsync(default);
        (await GetAsync(comms, id)).State.ShouldBe("Scheduled");

        AdvanceToSeoul(23);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        comms = await app.SignedInAsync("comms@sotong.example");
        var sending = await SendingAsync(comms, id);
        sending.SendsFromUtc.ShouldBe(eight);
        sending.ReplyUntilUtc.ShouldBe(eight.AddHours(72));
        await using var db = await data.DbAsync();
        var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.BatchId == sending.BatchId);
        row.NotBeforeUtc.ShouldBe(eight);
        row.SubscriberId.ShouldBe(subscriber.Id);
        SeoulTime.Format(row.NotBeforeUtc).ShouldEndWith("08:00");
    }

    [Fact]
    public async Task Given_replies_from_recipients_Then_they_land_in_the_inbox_linked_to_the_most_recent_open_campaign()
    {
        AdvanceToSeoul(10);
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        var replierPhone = CampaignData.NewPhone();
        var replier = await data.SubscriberAsync(dong, CampaignData.MaskA, 1975, phone: replierPhone);
        var notYetSentPhone = CampaignData.NewPhone();
        await data.SubscriberAsync(dong, CampaignData.MaskA, 1982, phone: notYetSentPhone);
        var comms = await app.SignedInAsync("comms@sotong.example");

        var first = await ApprovedAsync(comms, await CreateAsync(comms, Segment(dong)));
        var firstBatch = (await SendingAsync(comms, first)).BatchId!.Value;
        await data.MarkSubmittedAsync(firstBatch, replier.Id);

        // The replier's number as an SMSC writes it; the inbox keeps the message, the campaign links it.
        var reply = (await data.ReceiveSmsAsync("82" + replierPhone[1..], "축제 주차장은 어디에 있나요?", providerId: "reply-" + first))!;
        await using (var db = await data.DbAsync())
        {
            var link = await db.Set<CampaignReply>().AsNoTracking().SingleAsync(r => r.MessageId == reply.MessageId);
            link.CampaignId.ShouldBe(first);
            link.SubscriberId.ShouldBe(replier.Id);
            link.Entry.ShouldBe(EntryStatus.NotAnEntry);
        }
        var replies = (await comms.GetFromJsonAsync<PageDto<CampaignReplyDto>>($"/api/v1/campaigns/{first}/replies"))!;
        replies.Items.Single().MessageId.ShouldBe(reply.MessageId);
        replies.Items.Single().Subscriber.ShouldEndWith(replierPhone[^4..]);
        replies.Items.Single().Subscriber.ShouldNotContain(replierPhone);
        var message = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{reply.MessageId}"))!;
        message.Text.ShouldBe("축제 주차장은 어디에 있나요?");

        // The SMSC redelivers: the inbox knows the message, and no second reply is written.
        (await data.ReceiveSmsAsync("82" + replierPhone[1..], "축제 주차장은 어디에 있나요?", providerId: "reply-" + first))!.Duplicate.ShouldBeTrue();
        // Someone whose message has not gone yet, and someone who is no subscriber, are ordinary inbox messages.
        var early = (await data.ReceiveSmsAsync(notYetSentPhone, "저도 궁금합니다"))!;
        var stranger = (await data.ReceiveSmsAsync(CampaignData.NewPhone(), "축제 언제예요?"))!;
        await using (var db = await data.DbAsync())
        {
            (await db.Set<CampaignReply>().CountAsync(r => r.CampaignId == first)).ShouldBe(1);
            (await db.Set<CampaignReply>().AnyAsync(r => r.MessageId == early.MessageId || r.MessageId == stranger.MessageId)).ShouldBeFalse();
            (await db.InboxMessages.CountAsync(m => m.Id == early.MessageId || m.Id == stranger.MessageId)).ShouldBe(2);
        }

        // A later campaign the replier also received: replies now belong to it.
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        comms = await app.SignedInAsync("comms@sotong.example");
        var second = await ApprovedAsync(comms, await CreateAsync(comms, Segment(dong), text: "중구 소식: 축제 주차 안내입니다."));
        await data.MarkSubmittedAsync((await SendingAsync(comms, second)).BatchId!.Value, replier.Id);
        var later = (await data.ReceiveSmsAsync(replierPhone, "감사합니다"))!;
        await using (var db = await data.DbAsync())
        {
            (await db.Set<CampaignReply>().SingleAsync(r => r.MessageId == later.MessageId)).CampaignId.ShouldBe(second);
        }
        (await comms.GetFromJsonAsync<CampaignLiveDto>($"/api/v1/campaigns/{second}/live"))!.Replies.ShouldBe(1);

        // After both reply windows close, a text is only an inbox message.
        fixture.Clock.Advance(TimeSpan.FromHours(73));
        var afterwards = (await data.ReceiveSmsAsync(replierPhone, "축제 잘 다녀왔어요"))!;
        await using (var db = await data.DbAsync())
        {
            (await db.Set<CampaignReply>().AnyAsync(r => r.MessageId == afterwards.MessageId)).ShouldBeFalse();
            (await db.InboxMessages.AnyAsync(m => m.Id == afterwards.MessageId)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Given_a_quiz_Then_entries_are_tallied_one_per_subscriber_and_the_recorded_draw_rechecks()
    {
        AdvanceToSeoul(10);
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        var phones = Enumerable.Range(0, 5).Select(_ => CampaignData.NewPhone()).ToList();
        var people = new List<Subscriber>();
        foreach (var phone in phones)
        {
            people.Add(await data.SubscriberAsync(dong, CampaignData.MaskA, 1970, phone: phone));
        }
        var comms = await app.SignedInAsync("comms@sotong.example");
        var id = await ApprovedAsync(comms, await CreateAsync(comms, Segment(dong), kind: "Quiz", options: Landmarks, correct: 1,
            text: "중구 퀴즈: 서울의 상징 타워는? 1.남산타워 2.서울역 3.덕수궁 — 번호로 답해 주세요."));
        var batch = (await SendingAsync(comms, id)).BatchId!.Value;
        await data.MarkSubmittedAsync(batch);

        await data.ReceiveSmsAsync(phones[0], "1");
        await data.ReceiveSmsAsync(phones[1], "①번");
        await data.ReceiveSmsAsync(phones[2], "서울역");
        await data.ReceiveSmsAsync(phones[3], "잘 모르겠어요");
        await data.ReceiveSmsAsync(phones[0], "2");
        await data.ReceiveSmsAsync(phones[4], "정답은 남산타워입니다");

        var live = (await comms.GetFromJsonAsync<CampaignLiveDto>($"/api/v1/campaigns/{id}/live"))!;
        live.Replies.ShouldBe(6);
        live.Tally!.Counted.ShouldBe(4);
        live.Tally.Superseded.ShouldBe(1);
        live.Tally.Unrecognised.ShouldBe(1);
        live.Tally.Options.Select(o => o.Count).ShouldBe([3, 1, 0]);
        live.Tally.Options[0].IsCorrect.ShouldBeTrue();
        live.Tally.CorrectCount.ShouldBe(3);

        // Entries are still coming in: no draw yet.
        var early = await comms.PostAsJsonAsync($"/api/v1/campaigns/{id}/draw", new { winners = 2 });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("DrawAfterEntriesClose");

        fixture.Clock.Advance(TimeSpan.FromHours(73));
        comms = await app.SignedInAsync("comms@sotong.example");
        var drawn = await comms.PostAsJsonAsync($"/api/v1/campaigns/{id}/draw", new { winners = 2 });
        drawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var draw = (await drawn.Content.ReadFromJsonAsync<DrawDto>())!;
        draw.EligibleCount.ShouldBe(3);
        draw.Seed.Length.ShouldBe(64);
        draw.Winners.Count.ShouldBe(2);
        var correct = new[] { phones[0], phones[1], phones[4] }.Select(p => p[^4..]).ToList();
        draw.Winners.ShouldAllBe(w => correct.Any(last4 => w.Subscriber.EndsWith(last4)) && w.Subscriber.StartsWith("***"));
        draw.Winners.ShouldAllBe(w => w.Option == 1);

        // Anyone can recompute it from the seed and the eligible entries.
        await using (var db = await data.DbAsync())
        {
            var eligible = await db.Set<CampaignReply>().Where(r => r.CampaignId == id && r.Entry == EntryStatus.Counted && r.Option == 1).Select(r => r.Id).ToListAsync();
            var canonical = WinnerDraw.Canonical(eligible);
            WinnerDraw.ListHash(canonical).ShouldBe(draw.EligibleHash);
            WinnerDraw.Winners(Convert.FromHexString(draw.Seed), canonical, 2).ShouldBe(draw.Winners.Select(w => w.EntryId));
            (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "WinnersDrawn")).ShouldBe(1);
        }
        (await comms.GetFromJsonAsync<DrawCheckDto>($"/api/v1/campaigns/{id}/draw/check"))!.Matches.ShouldBeTrue();
        var again = await comms.PostAsJsonAsync($"/api/v1/campaigns/{id}/draw", new { winners = 2 });
        (await again.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("DrawOnce");

        // An entry slipped in afterwards: the re-check says the entries no longer match what was drawn from.
        await using (var db = await data.DbAsync())
        {
            db.Add(new CampaignReply
            {
                CampaignId = id, MessageId = Guid.NewGuid(), SubscriberId = Guid.NewGuid(), ReceivedAtUtc = Now, Entry = EntryStatus.Counted, Option = 1,
            });
            await db.SaveChangesAsync();
        }
        var check = (await comms.GetFromJsonAsync<DrawCheckDto>($"/api/v1/campaigns/{id}/draw/check"))!;
        check.WinnersMatch.ShouldBeTrue();
        check.EntriesUnchanged.ShouldBeFalse();
        check.Matches.ShouldBeFalse();
        check.CurrentCount.ShouldBe(4);
    }

    [Fact]
    public async Task Given_a_campaign_that_is_sending_When_it_is_stopped_Then_what_has_not_gone_is_withdrawn()
    {
        AdvanceToSeoul(10);
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        for (var i = 0; i < 3; i++)
        {
            await data.SubscriberAsync(dong, CampaignData.MaskA, 1990);
        }
        var comms = await app.SignedInAsync("comms@sotong.example");
        var id = await ApprovedAsync(comms, await CreateAsync(comms, Segment(dong)));
        var batch = (await SendingAsync(comms, id)).BatchId!.Value;
        await using (var db = await data.DbAsync())
        {
            var first = await db.Set<OutboxMessage>().Where(m => m.BatchId == batch).Select(m => m.SubscriberId!.Value).FirstAsync();
            await data.MarkSubmittedAsync(batch, first);
        }

        var stopped = await ActAsync(comms, id, "stop");
        stopped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await stopped.Content.ReadFromJsonAsync<CampaignActionDto>())!;
        result.State.ShouldBe("Cancelled");
        result.Withdrawn.ShouldBe(2);
        await using (var db = await data.DbAsync())
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.BatchId == batch && m.State == OutboxState.Cancelled)).ShouldBe(2);
            (await db.Set<OutboxMessage>().CountAsync(m => m.BatchId == batch && m.State == OutboxState.Submitted)).ShouldBe(1);
        }
        (await GetAsync(comms, id)).History.Select(h => h.Action).ShouldContain("Stopped");
        (await ActAsync(comms, id, "stop")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Given_a_department_officer_Then_they_see_their_division_campaigns_only_and_bad_drafts_are_refused_field_by_field()
    {
        await data.EnsureReferenceAsync();
        var dong = await data.NewDongAsync();
        var bus = await app.SignedInAsync("bus@sotong.example");
        var id = await CreateAsync(bus, Segment(dong));
        (await bus.GetFromJsonAsync<PageDto<CampaignListItemDto>>("/api/v1/campaigns"))!.Items.ShouldContain(c => c.Id == id);
        var safety = await app.SignedInAsync("safety@sotong.example");
        (await safety.GetAsync($"/api/v1/campaigns/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await safety.GetFromJsonAsync<PageDto<CampaignListItemDto>>("/api/v1/campaigns"))!.Items.ShouldNotContain(c => c.Id == id);
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await GetAsync(comms, id)).State.ShouldBe("Draft");

        // Edits need the version seen; a returned campaign is a draft with the reason.
        var edited = await bus.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { title = "버스 노선 변경 안내", text = "7011번 노선이 바뀝니다.", segment = Segment(dong), version = 0 });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await bus.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { title = "다시", text = "다시", version = 0 });
        (await stale.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("ConcurrentEdit");
        (await ActAsync(bus, id, "submit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bus.PostAsJsonAsync($"/api/v1/campaigns/{id}/return", new { version = (await GetAsync(bus, id)).Version, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActAsync(comms, id, "return", "발송 대상 연령을 확인해 주세요")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = await GetAsync(bus, id);
        returned.State.ShouldBe("Draft");
        returned.History.Last().Detail.ShouldBe("발송 대상 연령을 확인해 주세요");

        var bad = await bus.PostAsJsonAsync("/api/v1/campaigns", new
        {
            title = "", text = new string('가', 1001), kind = "Quiz", options = new[] { "하나" }, segment = new { interests = new[] { "no-such-interest" }, dongs = new[] { dong } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["title", "text", "options", "correctOption", "segment.interests"], ignoreOrder: true);
    }
}
