using Sotong.Core.Campaigns;
using Sotong.Core.Common.Errors;
using Sotong.Core.Subscribers;

namespace Sotong.Tests.Campaigns;

public class CampaignWorkflowTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private const string Author = "author-1";
    private const string Approver = "approver-2";

    private static CampaignContent Content(CampaignKind kind = CampaignKind.Information, DateTime? scheduledFor = null, IReadOnlyList<string>? options = null, int? correct = null) =>
        new("3월 구정소식", "중구 소식: 3월 10일 명동 축제가 열립니다.", kind, options ?? [], correct,
            new SubscriberSegment(InterestMask: 1, Genders: [SubscriberGender.Female]), Urgent: false, ReplyWindowHours: 72, scheduledFor);

    private static Campaign Draft(CampaignContent? content = null) => Campaign.Create(content ?? Content(), "0120", Guid.NewGuid(), Now, Author, "김작성");

    private static Campaign InState(string state)
    {
        switch (state)
        {
            case "Draft":
                return Draft();
            case "PendingApproval":
                var pending = Draft();
                pending.RequestSending(approvalRequired: true, Now);
                return pending;
            case "Approved":
                var approved = InState("PendingApproval");
                approved.Approve(Now, Approver, "한승인");
                return approved;
            case "Scheduled":
                var scheduled = Draft(Content(scheduledFor: Now.AddDays(1)));
                scheduled.RequestSending(approvalRequired: true, Now);
                scheduled.Approve(Now, Approver, "한승인");
                return scheduled;
            case "Sending":
                var sending = InState("Approved");
                sending.BeginSending(Now, Now);
                return sending;
            case "Sent":
                var sent = InState("Sending");
                sent.Complete(Now);
                return sent;
            case "Cancelled":
                var cancelled = Draft();
                cancelled.Cancel("중복", Now);
                return cancelled;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
    }

    private static readonly Dictionary<string, Action<Campaign>> Actions = new()
    {
        ["Edit"] = c => c.Edit(Content(), Now),
        ["RequestSending"] = c => c.RequestSending(approvalRequired: true, Now),
        ["Approve"] = c => c.Approve(Now, Approver, "한승인"),
        ["Return"] = c => c.ReturnToAuthor("문구를 다듬어 주세요", Now),
        ["BeginSending"] = c => c.BeginSending(Now, Now),
        ["Complete"] = c => c.Complete(Now),
        ["Stop"] = c => c.Stop(Now),
        ["Cancel"] = c => c.Cancel(null, Now),
    };

    /// <summary>What each state allows; every other pair must be refused with a named rule.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Draft"] = ["Edit", "RequestSending", "Cancel"],
        ["PendingApproval"] = ["Approve", "Return", "Cancel"],
        ["Approved"] = ["BeginSending", "Cancel"],
        ["Scheduled"] = ["Cancel"],
        ["Sending"] = ["Complete", "Stop"],
        ["Sent"] = [],
        ["Cancelled"] = [],
    };

    public static TheoryData<string, string> EveryStateAndAction()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in Allowed.Keys)
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Given_a_state_and_a_step_Then_the_step_is_allowed_only_where_the_workflow_says(string state, string action)
    {
        var c = InState(state);
        var version = c.Version;
        if (Allowed[state].Contains(action))
        {
            Actions[action](c);
            c.Version.ShouldBeGreaterThan(version);
        }
        else
        {
            var e = Should.Throw<RuleViolationException>(() => Actions[action](c));
            e.Rule.ShouldNotBeNullOrEmpty();
            c.Version.ShouldBe(version);
            c.State.ToString().ShouldBe(state);
        }
    }

    [Fact]
    public void Given_a_pending_campaign_When_its_author_approves_it_Then_it_is_refused()
    {
        var c = InState("PendingApproval");
        Should.Throw<RuleViolationException>(() => c.Approve(Now, Author, "김작성")).Rule.ShouldBe("ApproverIsNotAuthor");
        c.State.ShouldBe(CampaignState.PendingApproval);
        c.Approve(Now, Approver, "한승인");
        c.State.ShouldBe(CampaignState.Approved);
        c.ApproverName.ShouldBe("한승인");
    }

    [Fact]
    public void Given_a_campaign_that_is_sending_or_sent_Then_it_cannot_be_edited()
    {
        Should.Throw<RuleViolationException>(() => InState("Sending").Edit(Content(), Now)).Rule.ShouldBe("EditDrafts");
        Should.Throw<RuleViolationException>(() => InState("Sent").Edit(Content(), Now)).Rule.ShouldBe("EditDrafts");
        Should.Throw<RuleViolationException>(() => InState("PendingApproval").Edit(Content(), Now)).Rule.ShouldBe("EditDrafts");
    }

    [Fact]
    public void Given_a_returned_campaign_Then_it_is_a_draft_with_the_reason_and_can_be_edited_and_sent_again()
    {
        var c = InState("PendingApproval");
        Should.Throw<RuleViolationException>(() => c.ReturnToAuthor(" ", Now)).Rule.ShouldBe("GiveAReason");
        c.ReturnToAuthor("대상 연령을 확인해 주세요", Now);
        c.State.ShouldBe(CampaignState.Draft);
        c.ReturnReason.ShouldBe("대상 연령을 확인해 주세요");
        c.Edit(Content(), Now);
        c.RequestSending(approvalRequired: true, Now);
        c.ReturnReason.ShouldBeNull();
        c.State.ShouldBe(CampaignState.PendingApproval);
    }

    [Fact]
    public void Given_approval_off_Then_a_request_is_approved_now_or_scheduled_later()
    {
        var now = Draft();
        now.RequestSending(approvalRequired: false, Now);
        now.State.ShouldBe(CampaignState.Approved);
        now.ApproverId.ShouldBeNull();
        var later = Draft(Content(scheduledFor: Now.AddHours(3)));
        later.RequestSending(approvalRequired: false, Now);
        later.State.ShouldBe(CampaignState.Scheduled);
    }

    [Fact]
    public void Given_a_scheduled_campaign_Then_it_starts_only_when_due_and_a_schedule_that_passed_while_waiting_means_now()
    {
        var c = InState("Scheduled");
        Should.Throw<RuleViolationException>(() => c.BeginSending(Now, Now)).Rule.ShouldBe("StartWhenDue");
        c.BeginSending(Now.AddDays(1), Now.AddDays(1)).ShouldNotBe(Guid.Empty);
        c.State.ShouldBe(CampaignState.Sending);

        var waited = Draft(Content(scheduledFor: Now.AddHours(1)));
        waited.RequestSending(approvalRequired: true, Now);
        waited.Approve(Now.AddHours(2), Approver, "한승인");
        waited.State.ShouldBe(CampaignState.Approved);
    }

    [Fact]
    public void Given_a_start_held_by_quiet_hours_Then_the_reply_window_counts_from_when_sending_may_begin()
    {
        var c = InState("Approved");
        var held = Now.AddHours(9);
        var batch = c.BeginSending(Now, held);
        c.BatchId.ShouldBe(batch);
        c.SendsFromUtc.ShouldBe(held);
        c.ReplyUntilUtc.ShouldBe(held.AddHours(72));
        c.StartedAtUtc.ShouldBe(Now);
    }

    [Fact]
    public void Given_a_batch_id_already_chosen_Then_starting_keeps_it()
    {
        var c = InState("Approved");
        var chosen = Guid.CreateVersion7();
        c.BatchId = chosen;
        c.BeginSending(Now, Now).ShouldBe(chosen);
    }

    [Theory]
    [InlineData(CampaignKind.Quiz, new[] { "남산", "서울역" }, null, "QuizHasAnAnswer")]
    [InlineData(CampaignKind.Quiz, new[] { "남산", "서울역" }, 3, "QuizHasAnAnswer")]
    [InlineData(CampaignKind.Poll, new[] { "하나뿐" }, null, "ParticipationHasOptions")]
    public void Given_an_incomplete_participation_campaign_Then_it_cannot_be_sent(CampaignKind kind, string[] options, int? correct, string rule)
    {
        var c = Draft(Content(kind, options: options, correct: correct));
        Should.Throw<RuleViolationException>(() => c.RequestSending(approvalRequired: true, Now)).Rule.ShouldBe(rule);
    }

    [Fact]
    public void Given_a_quiz_with_its_answer_Then_options_and_answer_are_kept_and_a_past_schedule_is_refused()
    {
        var quiz = Draft(Content(CampaignKind.Quiz, options: [" 남산타워 ", "서울역", ""], correct: 1));
        quiz.Options.ShouldBe(["남산타워", "서울역"]);
        quiz.CorrectOption.ShouldBe(1);
        quiz.IsParticipation.ShouldBeTrue();
        quiz.Segment.Genders.ShouldBe([SubscriberGender.Female]);
        quiz.RequestSending(approvalRequired: true, Now);

        var past = Draft(Content(scheduledFor: Now.AddMinutes(-1)));
        Should.Throw<RuleViolationException>(() => past.RequestSending(approvalRequired: true, Now)).Rule.ShouldBe("ScheduleInTheFuture");
    }

    [Fact]
    public void Given_an_officer_with_an_old_version_Then_the_change_is_refused()
    {
        var c = InState("PendingApproval");
        Should.Throw<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => c.CheckVersion(c.Version - 1));
        c.CheckVersion(c.Version);
    }
}
