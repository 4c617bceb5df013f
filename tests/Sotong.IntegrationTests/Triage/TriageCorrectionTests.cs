using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Triage.Training;
using Sotong.IntegrationTests.Cases;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Triage;

/// <summary>
/// Officers' corrections beyond the triage queue (moving a message from the inbox, transferring a case) become training
/// examples, and grouping's safety catches: taking a message out of its group, and late near-duplicates joining the
/// case opened from their group.
/// </summary>
public abstract partial class TriageTests<TApp>
{
    private async Task<List<TrainingExample>> ExamplesAsync(Guid messageId)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<TrainingExample>().AsNoTracking().Where(e => e.MessageId == messageId).ToListAsync();
    }

    /// <summary>Triage is live and has rebuilt its groups: from now on a message is grouped as it is accepted, in order.</summary>
    private async Task<HttpClient> GroupingReadyAsync()
    {
        var comms = await ReadyAsync();
        var recorder = app.Service<Sotong.Core.Triage.Decisions.TriageRecorder>();
        await Until(() => Task.FromResult(recorder.Ready), "the worker to rebuild the groups");
        return comms;
    }

    private async Task<int> InboxVersionAsync(HttpClient staff, Guid messageId) =>
        (await staff.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{messageId}"))!.Version;

    [Fact]
    public async Task Given_an_officer_moves_a_message_from_the_inbox_Then_the_division_becomes_its_one_correction_example()
    {
        var comms = await ReadyAsync();
        var id = await SubmitAsync($"동네 산책로 벤치가 부서져서 앉을 수가 없어요. 고쳐 주시면 좋겠습니다 {Guid.NewGuid():N}");
        var decision = await DecisionAsync(comms, id);
        var (parks, bus) = (await DivisionAsync("PRK-POL"), await DivisionAsync("TRN-BUS"));
        var first = decision.DivisionId == parks ? bus : parks;
        var second = first == parks ? bus : parks;

        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = first, version = await InboxVersionAsync(comms, id) })).EnsureSuccessStatusCode();
        var moved = (await ExamplesAsync(id)).ShouldHaveSingleItem();
        moved.Source.ShouldBe(ExampleSource.Correction);
        moved.DivisionId.ShouldBe(first);
        moved.Text.ShouldStartWith("동네 산책로 벤치가");
        // Nobody looked at kind and topic: the model's guesses are not stored as if a person had said them.
        moved.Intent.ShouldBeNull();
        moved.Topic.ShouldBeNull();

        // A review then gives all three labels: the same example is updated, not joined by a second.
        var reviewed = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Complaint", topic = "environment", divisionId = first, version = decision.Version });
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var labelled = (await ExamplesAsync(id)).ShouldHaveSingleItem();
        labelled.Id.ShouldBe(moved.Id);
        (labelled.Intent, labelled.Topic, labelled.DivisionId).ShouldBe((MessageIntent.Complaint, "environment", first));

        // Moved once more: the division changes and the kind and topic the officer gave stay.
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = second, version = await InboxVersionAsync(comms, id) })).EnsureSuccessStatusCode();
        var again = (await ExamplesAsync(id)).ShouldHaveSingleItem();
        (again.Id, again.Intent, again.Topic, again.DivisionId).ShouldBe((moved.Id, MessageIntent.Complaint, "environment", second));
        again.CreatedByName.ShouldNotBeNullOrEmpty();

        // Sent where it already is, nothing is learnt (and nothing changes).
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = second, version = await InboxVersionAsync(comms, id) })).EnsureSuccessStatusCode();
        (await ExamplesAsync(id)).ShouldHaveSingleItem().CreatedAtUtc.ShouldBe(again.CreatedAtUtc);
    }

    [Fact]
    public async Task Given_a_case_transferred_to_another_division_Then_each_of_its_messages_becomes_one_correction_example()
    {
        var comms = await ReadyAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new[]
        {
            await SubmitAsync($"아파트 단지 옆 하천 산책로에 가로등이 꺼져서 밤에 너무 어두워요 {tag}"),
            await SubmitAsync($"저녁마다 강변 자전거길 조명이 안 켜져 있어서 위험합니다. 확인 부탁드려요 {tag}x"),
        };
        var decisions = new List<TriageDto>();
        foreach (var id in ids)
        {
            decisions.Add(await DecisionAsync(comms, id));
        }
        // An earlier review of one of them: its kind and topic stay, only the division follows the case.
        var roads = await DivisionAsync("TRN-RD");
        (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/review", new { kind = "Complaint", topic = "roads", divisionId = roads, version = decisions[0].Version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var reviewedExample = (await ExamplesAsync(ids[0])).ShouldHaveSingleItem();

        var opened = await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = ids, type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var c = (await opened.Content.ReadFromJsonAsync<OpenedCaseDto>())!;
        var detail = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{c.Id}"))!;
        var safety = await DivisionAsync("SAF-DIS");
        var target = detail.Summary.DivisionId == safety ? await DivisionAsync("PRK-POL") : safety;

        var transferred = await comms.PostAsJsonAsync($"/api/v1/cases/{c.Id}/transfer", new { version = c.Version, divisionId = target, reason = "재난안전 소관입니다" });
        transferred.StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = (await ExamplesAsync(ids[0])).ShouldHaveSingleItem();
        (first.Id, first.Source, first.Intent, first.Topic, first.DivisionId).ShouldBe((reviewedExample.Id, ExampleSource.Correction, MessageIntent.Complaint, "roads", target));
        var second = (await ExamplesAsync(ids[1])).ShouldHaveSingleItem();
        (second.Source, second.DivisionId).ShouldBe((ExampleSource.Correction, target));
        second.Intent.ShouldBeNull();
        second.Topic.ShouldBeNull();

        // A refused transfer (no reason given) learns nothing.
        var other = await SubmitAsync($"버스 정류장 안내 전광판이 고장 나서 도착 시간이 안 보여요 {tag}y");
        await DecisionAsync(comms, other);
        var alone = (await (await comms.PostAsJsonAsync("/api/v1/cases", new { messageIds = new[] { other }, type = "Grievance" })).Content.ReadFromJsonAsync<OpenedCaseDto>())!;
        (await comms.PostAsJsonAsync($"/api/v1/cases/{alone.Id}/transfer", new { version = alone.Version, divisionId = await DivisionAsync("PRK-POL") }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ExamplesAsync(other)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_wrongly_grouped_message_When_an_officer_ungroups_it_Then_it_stands_alone_and_lookalikes_join_it_not_the_group()
    {
        var comms = await GroupingReadyAsync();
        var place = $"동교로{Random.Shared.Next(100, 999)}길 {Random.Shared.Next(1, 99)}";
        var ids = new[]
        {
            await SubmitAsync($"{place} 앞 인도 보도블록이 깨져서 걸려 넘어질 뻔했어요. 빨리 고쳐 주세요.", "010-3000-0001"),
            await SubmitAsync($"안녕하세요 {place} 앞 인도 보도블록 깨진 곳 신고합니다. 넘어질 뻔했어요 고쳐 주세요", "010-3000-0002"),
            await SubmitAsync($"{place} 앞 인도에 보도블록이 들떠 있어요!! 유모차가 걸려서 넘어질 뻔", "010-3000-0003"),
        };
        var decisions = new List<TriageDto>();
        foreach (var id in ids)
        {
            decisions.Add(await DecisionAsync(comms, id));
        }
        var group = decisions.Select(d => d.GroupId).Distinct().ShouldHaveSingleItem();
        group.ShouldBe(ids[0]);

        // The group's first message is the one taken out: the rest keep the group (and its id).
        (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/ungroup", new { version = decisions[0].Version - 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var ungrouped = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/ungroup", new { version = decisions[0].Version });
        ungrouped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var alone = (await ungrouped.Content.ReadFromJsonAsync<TriageDto>())!;
        alone.GroupId.ShouldNotBe(group);
        alone.GroupSize.ShouldBe(1);
        var rest = await DecisionAsync(comms, ids[1]);
        (rest.GroupId, rest.GroupSize).ShouldBe((group, 2));
        (await comms.GetFromJsonAsync<List<GroupMemberDto>>($"/api/v1/triage/messages/{ids[2]}/group"))!.Select(g => g.MessageId).ShouldBe([ids[1], ids[2]], ignoreOrder: true);
        var again = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/ungroup", new { version = alone.Version });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("UngroupGroupedMessages");

        // A copy of the message taken out joins it, not the group it left.
        var copy = await SubmitAsync($"{place} 앞 인도 보도블록이 깨져서 걸려 넘어질 뻔했어요. 빨리 고쳐 주세요.", "010-3000-0004");
        (await DecisionAsync(comms, copy)).GroupId.ShouldBe(alone.GroupId);

        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == ids[0].ToString() && a.Action == "Ungrouped");
        (audit.FromState, audit.ToState).ShouldBe((group.ToString(), alone.GroupId.ToString()));
        audit.ActorName.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Given_a_case_opened_from_a_group_When_a_near_duplicate_arrives_later_Then_it_joins_the_case_and_hears_its_answer()
    {
        var comms = await GroupingReadyAsync();
        var place = $"월드컵로{Random.Shared.Next(100, 999)}길 {Random.Shared.Next(1, 99)}";
        var ids = new[]
        {
            await SubmitAsync($"{place} 앞 맨홀 뚜껑이 흔들려서 차가 지나갈 때마다 쾅쾅 소리가 나요. 위험합니다.", "010-4000-0001"),
            await SubmitAsync($"안녕하세요 {place} 앞 맨홀 뚜껑이 들썩거려요. 차 지나갈 때마다 소리 나고 위험해요", "010-4000-0002"),
        };
        var group = (await DecisionAsync(comms, ids[0])).GroupId;
        (await DecisionAsync(comms, ids[1])).GroupId.ShouldBe(group);
        // The case takes its first message's division (triage may have left it for a person).
        var roads = await DivisionAsync("TRN-RD");
        if ((await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{ids[0]}"))!.DivisionId != roads)
        {
            (await comms.PostAsJsonAsync($"/api/v1/inbox/{ids[0]}/route", new { divisionId = roads, version = await InboxVersionAsync(comms, ids[0]) })).EnsureSuccessStatusCode();
        }
        var opened = await comms.PostAsJsonAsync("/api/v1/cases/from-group", new { messageId = ids[1], type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var c = (await opened.Content.ReadFromJsonAsync<OpenedCaseDto>())!;
        (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{c.Id}"))!.Messages.Select(m => m.MessageId).ShouldBe(ids, ignoreOrder: true);

        // The third citizen writes after the case was opened: they are in it as soon as the message is accepted.
        var late = await SubmitAsync($"{place} 앞에 맨홀 뚜껑이 덜컹거려요!! 밤새 쾅쾅 소리 나서 잠을 못 자요 위험해요", "010-4000-0003");
        var lateDecision = await DecisionAsync(comms, late);
        lateDecision.GroupId.ShouldBe(group);
        var detail = (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{c.Id}"))!;
        detail.Messages.Select(m => m.MessageId).ShouldBe([.. ids, late], ignoreOrder: true);
        // A message on another issue does not join.
        var unrelated = await SubmitAsync($"구립도서관 열람실 에어컨이 너무 세서 추워요 {Guid.NewGuid():N}", "010-4000-0004");
        await DecisionAsync(comms, unrelated);
        (await comms.GetFromJsonAsync<CaseDetailDto>($"/api/v1/cases/{c.Id}"))!.Messages.ShouldNotContain(m => m.MessageId == unrelated);

        // The case's answer reaches the late sender too.
        var assigned = (await (await comms.PostAsJsonAsync($"/api/v1/cases/{c.Id}/assign", new { version = c.Version, staffId = await app.StaffIdAsync("comms@sotong.example") }))
            .Content.ReadFromJsonAsync<CaseResultDto>())!;
        assigned.State.ShouldBe("Assigned");
        var answered = await comms.PostAsJsonAsync($"/api/v1/cases/{c.Id}/answer", new { version = assigned.Version, text = "맨홀 뚜껑을 오늘 고정했습니다. 알려 주셔서 고맙습니다." });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        var deliveries = (await answered.Content.ReadFromJsonAsync<CaseResultDto>())!.Deliveries!;
        deliveries.Select(d => d.MessageId).ShouldBe([.. ids, late], ignoreOrder: true);
        deliveries.Single(d => d.MessageId == late).State.ShouldNotBeNull();
        (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{late}"))!.Status.ShouldBe("Answered");

        // Once the case is answered (no longer open), a later copy is not put in it: that is for an officer to decide.
        var later = await SubmitAsync($"{place} 앞 맨홀 뚜껑이 또 흔들려서 차가 지나갈 때마다 쾅쾅 소리가 나요. 위험합니다.", "010-4000-0005");
        (await DecisionAsync(comms, later)).GroupId.ShouldBe(group);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.Set<CaseMessage>().AnyAsync(cm => cm.MessageId == later)).ShouldBeFalse();
        var joined = await db.AuditEntries.SingleAsync(a => a.EntityId == c.Id.ToString() && a.Action == "MessageJoined");
        joined.ToState.ShouldBe(late.ToString());
    }
}
