using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases;
using Case = Sotong.Core.Cases.Case;
using Sotong.Core.Common.Errors;

namespace Sotong.Tests.Cases;

public class CaseWorkflowTests
{
    private static readonly DateTime Received = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = Received.AddDays(7);
    private static readonly DateTime Now = Received.AddDays(1);
    private static readonly Guid Division = Guid.NewGuid();
    private static readonly Guid OtherDivision = Guid.NewGuid();

    /// <summary>The states a case can be in; "TransferredOut" is Transferred to another agency (final).</summary>
    public static readonly string[] States = ["Received", "Assigned", "InProgress", "Extended", "Answered", "Closed", "Transferred", "TransferredOut", "Withdrawn", "Merged"];

    private static readonly Dictionary<string, Action<Case>> Actions = new()
    {
        ["Assign"] = c => c.Assign("officer-2", "박담당", Now, "lead", "팀장"),
        ["Start"] = c => c.Start(Now, "officer-1", "김담당"),
        ["Answer"] = c => c.Answer("처리했습니다.", Now, "officer-1", "김담당"),
        ["Close"] = c => c.Close(Now, "officer-1", "김담당"),
        ["CloseAsRepeated"] = c => c.CloseAsRepeated("민원처리법 제23조", Now, "officer-1", "김담당"),
        ["TransferTo"] = c => c.TransferTo(OtherDivision, "소관 부서가 다릅니다", Now, "officer-1", "김담당"),
        ["TransferOut"] = c => c.TransferOut("국토교통부", "국가 사무입니다", Now, "officer-1", "김담당"),
        ["Extend"] = c => c.Extend(c.DueAtUtc.AddDays(3), "현장 확인이 필요합니다", citizenConsented: true, Now, "officer-1", "김담당"),
        ["Withdraw"] = c => c.Withdraw("민원인이 취하했습니다", Now, "officer-1", "김담당"),
        ["MergeInto"] = c => c.MergeInto(NewCase(), Now, "officer-1", "김담당"),
        ["Reopen"] = c => c.Reopen("추가 답변 요청", Now, "citizen", "민원인"),
    };

    /// <summary>Which actions each state allows; every other pair must be refused.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Received"] = ["Assign", "CloseAsRepeated", "TransferTo", "TransferOut", "Withdraw", "MergeInto"],
        ["Assigned"] = ["Assign", "Start", "Answer", "CloseAsRepeated", "TransferTo", "TransferOut", "Extend", "Withdraw", "MergeInto"],
        ["InProgress"] = ["Assign", "Answer", "CloseAsRepeated", "TransferTo", "TransferOut", "Extend", "Withdraw", "MergeInto"],
        ["Extended"] = ["Assign", "Answer", "CloseAsRepeated", "TransferTo", "TransferOut", "Extend", "Withdraw", "MergeInto"],
        ["Answered"] = ["Close", "CloseAsRepeated", "Reopen"],
        ["Closed"] = ["Reopen"],
        ["Transferred"] = ["Assign", "CloseAsRepeated", "TransferTo", "TransferOut", "Withdraw", "MergeInto"],
        ["TransferredOut"] = [],
        ["Withdrawn"] = [],
        ["Merged"] = [],
    };

    public static TheoryData<string, string> EveryStateAndAction()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in States)
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(state, action);
            }
        }
        return data;
    }

    private static Case NewCase()
    {
        var c = Case.Open($"C-{Guid.NewGuid():N}"[..12], "가로등 고장", ComplaintType.Grievance, Division, Received, Due, "triage", "Sotong triage");
        // Enough history that the repeated-complaint rule applies wherever the state allows it.
        c.Repeats = 3;
        c.Answers = 2;
        return c;
    }

    /// <summary>A case brought to a state through legal steps only.</summary>
    private static Case InState(string state)
    {
        var c = NewCase();
        void Hold() => c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        switch (state)
        {
            case "Received":
                break;
            case "Assigned":
                Hold();
                break;
            case "InProgress":
                Hold();
                c.Start(Now, "officer-1", "김담당");
                break;
            case "Extended":
                Hold();
                c.Extend(Due.AddDays(2), "현장 확인", citizenConsented: false, Now, "officer-1", "김담당");
                break;
            case "Answered":
                Hold();
                c.Answer("교체했습니다.", Now, "officer-1", "김담당");
                break;
            case "Closed":
                Hold();
                c.Answer("교체했습니다.", Now, "officer-1", "김담당");
                c.Close(Now, "officer-1", "김담당");
                break;
            case "Transferred":
                c.TransferTo(OtherDivision, "소관 부서", Now, "officer-1", "김담당");
                break;
            case "TransferredOut":
                c.TransferOut("국토교통부", "국가 사무", Now, "officer-1", "김담당");
                break;
            case "Withdrawn":
                c.Withdraw("취하", Now, "officer-1", "김담당");
                break;
            case "Merged":
                c.MergeInto(NewCase(), Now, "officer-1", "김담당");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
        return c;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Every_transition_is_either_allowed_and_recorded_or_refused_with_a_named_rule(string state, string action)
    {
        var c = InState(state);
        if (state == "Transferred" && action == "TransferTo")
        {
            // Back to the first division: moving it "to where it is" is its own refusal, tested below.
            var version = c.Version;
            c.TransferTo(Division, "돌려보냅니다", Now, "officer-2", "박담당");
            c.Version.ShouldBe(version + 1);
            return;
        }
        var before = (c.State, c.Version, Events: c.Events.Count);
        if (Allowed[state].Contains(action))
        {
            Actions[action](c);
            c.Version.ShouldBe(before.Version + 1, $"{action} from {state} bumps the version");
            c.Events.Count.ShouldBe(before.Events + 1, $"{action} from {state} is in the history");
            c.Events[^1].From.ShouldBe(before.State);
            c.Events[^1].To.ShouldBe(c.State);
        }
        else
        {
            var refused = Should.Throw<RuleViolationException>(() => Actions[action](c), $"{action} from {state} must be refused");
            refused.Rule.ShouldNotBeNullOrWhiteSpace();
            refused.Message.ShouldNotBeNullOrWhiteSpace();
            (c.State, c.Version, c.Events.Count).ShouldBe(before, "a refused action changes nothing");
        }
    }

    [Fact]
    public void The_happy_path_goes_received_assigned_in_progress_answered_closed()
    {
        var c = NewCase();
        c.State.ShouldBe(CaseState.Received);
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        c.State.ShouldBe(CaseState.Assigned);
        c.Start(Now, "officer-1", "김담당");
        c.State.ShouldBe(CaseState.InProgress);
        c.Answer("  교체했습니다.  ", Now.AddHours(2), "officer-1", "김담당");
        (c.State, c.AnswerText, c.AnsweredAtUtc, c.Answers).ShouldBe((CaseState.Answered, "교체했습니다.", Now.AddHours(2), 3));
        c.Close(Now.AddHours(3), "officer-1", "김담당");
        (c.State, c.ClosedAtUtc).ShouldBe((CaseState.Closed, Now.AddHours(3)));
        c.Events.Select(e => e.Action).ShouldBe(["Opened", "Assigned", "Started", "Answered", "Closed"]);
    }

    [Fact]
    public void The_first_extension_adds_at_most_the_original_period_and_a_second_needs_consent()
    {
        var c = NewCase();
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        Should.Throw<RuleViolationException>(() => c.Extend(Due.AddDays(8), "길게", false, Now, "officer-1", "김담당")).Rule.ShouldBe("ExtendByAtMostThePeriod");
        Should.Throw<RuleViolationException>(() => c.Extend(Due.AddDays(-1), "앞당김", false, Now, "officer-1", "김담당")).Rule.ShouldBe("ExtendForward");
        Should.Throw<RuleViolationException>(() => c.Extend(Due.AddDays(7), " ", false, Now, "officer-1", "김담당")).Rule.ShouldBe("GiveAReason");
        c.Extend(Due.AddDays(7), "현장 확인이 필요합니다", false, Now, "officer-1", "김담당");
        (c.State, c.DueAtUtc, c.Extensions, c.OriginalDueAtUtc).ShouldBe((CaseState.Extended, Due.AddDays(7), 1, Due));
        Should.Throw<RuleViolationException>(() => c.Extend(Due.AddDays(9), "또", false, Now, "officer-1", "김담당")).Rule.ShouldBe("SecondExtensionNeedsConsent");
        c.Extend(Due.AddDays(30), "민원인 동의", true, Now, "officer-1", "김담당");
        c.Extensions.ShouldBe(2);
    }

    [Fact]
    public void A_repeated_complaint_closes_only_after_three_raisings_and_two_answers_and_cites_the_rule()
    {
        var c = Case.Open("C-1", "같은 민원", ComplaintType.Grievance, Division, Received, Due, "triage", "Sotong triage");
        c.Repeats = 3;
        c.Answers = 1;
        Should.Throw<RuleViolationException>(() => c.CloseAsRepeated("제23조", Now, "officer-1", "김담당")).Rule.ShouldBe("RepeatedComplaintRule");
        c.Answers = 2;
        c.Repeats = 2;
        Should.Throw<RuleViolationException>(() => c.CloseAsRepeated("제23조", Now, "officer-1", "김담당")).Rule.ShouldBe("RepeatedComplaintRule");
        c.Repeats = 3;
        Should.Throw<RuleViolationException>(() => c.CloseAsRepeated("", Now, "officer-1", "김담당")).Rule.ShouldBe("CiteTheRule");
        c.CloseAsRepeated("민원처리법 제23조", Now, "officer-1", "김담당");
        (c.State, c.Events[^1].Reason).ShouldBe((CaseState.Closed, "민원처리법 제23조"));
    }

    [Fact]
    public void Transfers_clear_the_officer_and_going_out_to_an_agency_is_final()
    {
        var c = NewCase();
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        Should.Throw<RuleViolationException>(() => c.TransferTo(Division, "같은 곳", Now, "officer-1", "김담당")).Rule.ShouldBe("TransferElsewhere");
        c.TransferTo(OtherDivision, "소관 부서", Now, "officer-1", "김담당");
        (c.State, c.DivisionId, c.AssignedToId, c.IsOpen).ShouldBe((CaseState.Transferred, (Guid?)OtherDivision, (string?)null, true));
        c.TransferOut("국토교통부", "국가 사무", Now, "officer-2", "박담당");
        (c.TransferredToAgency, c.IsOpen).ShouldBe(("국토교통부", false));
        c.Events[^1].Reason.ShouldBe("국토교통부: 국가 사무");
    }

    [Fact]
    public void A_merged_case_points_at_its_target_which_keeps_the_highest_repeat_count()
    {
        var a = NewCase();
        a.Repeats = 5;
        var b = NewCase();
        b.Repeats = 1;
        a.MergeInto(b, Now, "officer-1", "김담당");
        (a.State, a.MergedIntoId, b.Repeats).ShouldBe((CaseState.Merged, (Guid?)b.Id, 5));
        Should.Throw<RuleViolationException>(() => b.MergeInto(b, Now, "officer-1", "김담당")).Rule.ShouldBe("MergeIntoAnother");
    }

    [Fact]
    public void Reopening_returns_the_case_to_its_officer_or_to_the_division_when_it_has_none()
    {
        var c = NewCase();
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        c.Answer("답변", Now, "officer-1", "김담당");
        c.Reopen("추가 답변 요청", Now, "citizen", "민원인");
        (c.State, c.AssignedToName).ShouldBe((CaseState.InProgress, "김담당"));
    }

    [Fact]
    public void A_stale_version_is_a_conflict_not_an_overwrite()
    {
        var c = NewCase();
        c.CheckVersion(0);
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        Should.Throw<DbUpdateConcurrencyException>(() => c.CheckVersion(0));
        c.CheckVersion(1);
    }

    [Fact]
    public void Answers_need_text_that_fits()
    {
        var c = NewCase();
        c.Assign("officer-1", "김담당", Now, "lead", "팀장");
        Should.Throw<RuleViolationException>(() => c.Answer("  ", Now, "officer-1", "김담당")).Rule.ShouldBe("AnswersHaveText");
        Should.Throw<RuleViolationException>(() => c.Answer(new string('가', Case.MaxAnswerLength + 1), Now, "officer-1", "김담당")).Rule.ShouldBe("AnswersFit");
        var unrouted = Case.Open("C-2", "미배정", ComplaintType.Other, null, Received, Due, "triage", "Sotong triage");
        Should.Throw<RuleViolationException>(() => unrouted.Assign("officer-1", "김담당", Now, "lead", "팀장")).Rule.ShouldBe("AssignRoutedCases");
    }

    [Fact]
    public void Deadline_notes_are_made_once_each_on_open_cases_only_and_leave_the_version_alone()
    {
        var c = NewCase();
        c.Note("Escalated", Now).ShouldBeTrue();
        c.Note("Escalated", Now.AddHours(1)).ShouldBeFalse();
        c.Note("Reminder", Now).ShouldBeTrue();
        c.Note("Nonsense", Now).ShouldBeFalse();
        (c.EscalatedAtUtc, c.RemindedAtUtc, c.Version).ShouldBe(((DateTime?)Now, (DateTime?)Now, 0));
        c.Events.Select(e => e.Action).ShouldBe(["Opened", "Escalated", "Reminder"]);
        var closed = InState("Closed");
        closed.Note("ProgressNotice", Now).ShouldBeFalse();
    }
}
