using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Inbox;

public sealed class SqliteInboxWorkTests(SqliteApp app) : InboxWorkTests<SqliteApp>(app);

public sealed class PostgresInboxWorkTests(PostgresApp app) : InboxWorkTests<PostgresApp>(app);

/// <summary>Assignment, threads across identities, linking, canned answers and the inbox's filters.</summary>
public abstract class InboxWorkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private async Task<(Guid Id, string Receipt)> SubmitAsync(string text, string? phone = null, string? email = null)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text, phone, email });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        var comms = await app.SignedInAsync("comms@sotong.example");
        var page = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={receipt}"))!;
        return (page.Items.Single().Id, receipt);
    }

    private async Task<Guid> DivisionAsync(HttpClient staff, string code) =>
        (await staff.GetFromJsonAsync<List<DivisionDto>>("/api/v1/divisions"))!.Single(d => d.Code == code).Id;

    [Fact]
    public async Task Given_a_routed_message_Then_it_can_be_assigned_within_its_division_and_filtered_as_mine()
    {
        var (id, receipt) = await SubmitAsync("배정 확인 " + Guid.NewGuid());
        var comms = await app.SignedInAsync("comms@sotong.example");
        var bus = await app.SignedInAsync("bus@sotong.example");

        // Not routed yet: a department officer cannot be the assignee.
        var officers = await (await comms.GetAsync($"/api/v1/inbox/{id}")).Content.ReadFromJsonAsync<InboxDetailDto>();
        var safetyOfficerId = await app.StaffIdAsync("safety@sotong.example");
        var early = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/assign", new { staffId = safetyOfficerId, version = officers!.Version });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("AssigneeInDivision");

        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/route", new { divisionId = await DivisionAsync(comms, "TRN-BUS"), version = 0 })).EnsureSuccessStatusCode();
        var wrongDivision = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/assign", new { staffId = safetyOfficerId, version = 1 });
        wrongDivision.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var busOfficerId = await app.StaffIdAsync("bus@sotong.example");
        (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/assign", new { staffId = busOfficerId, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknown = await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/assign", new { staffId = "nobody", version = 2 });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var mine = (await bus.GetFromJsonAsync<PageDto<InboxItemDto>>("/api/v1/inbox?mine=true&pageSize=100"))!;
        mine.Items.ShouldContain(i => i.ReceiptNumber == receipt);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?mine=true&q={receipt}"))!.TotalCount.ShouldBe(0);
    }


    [Fact]
    public async Task Given_two_messages_from_one_phone_Then_they_share_a_thread_and_another_identity_can_be_linked_with_a_reason()
    {
        var phone = $"010-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";
        var (first, _) = await SubmitAsync("첫 번째 문의 " + Guid.NewGuid(), phone: phone);
        var (second, _) = await SubmitAsync("두 번째 문의 " + Guid.NewGuid(), phone: phone);
        var (other, otherReceipt) = await SubmitAsync("이메일로 보낸 문의 " + Guid.NewGuid(), email: $"p{Guid.NewGuid():N}@mail.example.com");
        var comms = await app.SignedInAsync("comms@sotong.example");
        var a = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{first}"))!;
        var b = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{second}"))!;
        a.ContactId.ShouldNotBeNull();
        b.ContactId.ShouldBe(a.ContactId);
        var c = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{other}"))!;
        c.ContactId.ShouldNotBe(a.ContactId);

        var thread = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/contacts/{a.ContactId}");
        thread.GetProperty("messages").GetArrayLength().ShouldBe(2);

        var noReason = await comms.PostAsJsonAsync($"/api/v1/inbox/contacts/{a.ContactId}/links", new { receiptNumber = otherReceipt, reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.PostAsJsonAsync($"/api/v1/inbox/contacts/{a.ContactId}/links", new { receiptNumber = otherReceipt, reason = "같은 이름과 주소" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await comms.PostAsJsonAsync($"/api/v1/inbox/contacts/{a.ContactId}/links", new { receiptNumber = otherReceipt, reason = "같은 이름과 주소를 밝힘" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        thread = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/contacts/{a.ContactId}");
        thread.GetProperty("messages").GetArrayLength().ShouldBe(3);
        thread.GetProperty("identities").GetArrayLength().ShouldBe(2);
        thread.GetProperty("links")[0].GetProperty("reason").GetString().ShouldBe("같은 이름과 주소를 밝힘");
        thread.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("maskedValue").GetString()).ShouldNotContain(phone);
        (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{other}"))!.ContactId.ShouldBe(a.ContactId);

        // A department officer reaches a thread only through their own division's messages.
        (await bus.GetAsync($"/api/v1/inbox/contacts/{a.ContactId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_masked_phone_Then_staff_in_scope_can_reveal_it_and_each_reveal_is_audited()
    {
        var phone = $"010-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";
        var (id, _) = await SubmitAsync("전화 주세요 " + Guid.NewGuid(), phone: phone);
        var comms = await app.SignedInAsync("comms@sotong.example");
        var detail = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!;
        detail.Identities.Single().MaskedValue.ShouldNotBe(phone.Replace("-", "", StringComparison.Ordinal));

        var revealed = await (await comms.PostAsync($"/api/v1/inbox/{id}/contact/reveal", null)).Content.ReadFromJsonAsync<JsonElement>();
        revealed[0].GetProperty("kind").GetString().ShouldBe("Phone");
        revealed[0].GetProperty("value").GetString().ShouldBe(phone.Replace("-", "", StringComparison.Ordinal));

        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.PostAsync($"/api/v1/inbox/{id}/contact/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = await app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Sotong.Core.Common.SotongDbContext>>().CreateDbContextAsync();
        var audit = db.AuditEntries.Where(a => a.Action == "Revealed" && a.EntityId == detail.ContactId.ToString()).ToList();
        audit.ShouldHaveSingleItem().ActorName.ShouldContain("이소통");
        audit[0].Detail!.ShouldNotContain(phone.Replace("-", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_canned_answers_Then_an_officer_keeps_their_divisions_and_not_others()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var busDivision = await DivisionAsync(comms, "TRN-BUS");
        var safetyDivision = await DivisionAsync(comms, "SAF-DIS");
        var bus = await app.SignedInAsync("bus@sotong.example");
        var title = "배차 간격 " + Guid.NewGuid().ToString("N")[..6];
        (await bus.PostAsJsonAsync("/api/v1/inbox/canned-answers", new { divisionId = busDivision, title, text = "출근 시간 배차 간격은 8분입니다." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bus.PostAsJsonAsync("/api/v1/inbox/canned-answers", new { divisionId = safetyDivision, title = "남의 부서", text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bus.PostAsJsonAsync("/api/v1/inbox/canned-answers", new { divisionId = busDivision, title = "", text = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var list = (await bus.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/canned-answers?divisionId={busDivision}"));
        list.EnumerateArray().ShouldContain(c => c.GetProperty("title").GetString() == title);
        (await bus.GetAsync($"/api/v1/inbox/canned-answers?divisionId={safetyDivision}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_the_demo_city_Then_the_inbox_holds_several_channels_and_filters_by_receiving_account()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        foreach (var channel in new[] { "Messenger", "X", "KakaoTalk", "Sms", "Instagram", "Web" })
        {
            (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?channel={channel}"))!.TotalCount.ShouldBeGreaterThan(0, channel);
        }
        var messenger = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>("/api/v1/inbox?channel=Messenger"))!.Items[0];
        var detail = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{messenger.Id}");
        var facebook = detail.GetProperty("channelAccountId").GetGuid();
        var accounts = await comms.GetFromJsonAsync<JsonElement>("/api/v1/channels");
        accounts.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == facebook).GetProperty("platform").GetString().ShouldBe("Facebook");
        var fromFacebook = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?accountId={facebook}"))!;
        fromFacebook.TotalCount.ShouldBeGreaterThan(0);
        fromFacebook.Items.ShouldAllBe(i => i.Channel == "Messenger" || i.Channel == "Facebook");
    }

    [Fact]
    public async Task Given_a_date_range_Then_only_messages_received_in_it_are_listed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SubmitAsync("날짜 필터 " + tag);
        var comms = await app.SignedInAsync("comms@sotong.example");
        var today = Sotong.Core.Common.Time.SeoulTime.ToSeoul(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&from={today}&to={today}"))!.TotalCount.ShouldBe(1);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={tag}&to=2020-01-01"))!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_web_message_Then_the_reply_is_recorded_as_sent_and_shown_on_the_follow_page()
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text = "웹 답변 확인 " + Guid.NewGuid() });
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!;
        var comms = await app.SignedInAsync("comms@sotong.example");
        var id = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?q={receipt.ReceiptNumber}"))!.Items.Single().Id;
        var reply = await (await comms.PostAsJsonAsync($"/api/v1/inbox/{id}/replies", new { text = "확인했습니다", version = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        reply.GetProperty("state").GetString().ShouldBe("Sent");
        var follow = (await app.NewClient().GetFromJsonAsync<FollowDto>($"/api/v1/messages/{receipt.ReceiptNumber}?key={receipt.FollowKey}"))!;
        follow.AnswerText.ShouldBe("확인했습니다");
        follow.Status.ShouldBe("Answered");
    }
}
