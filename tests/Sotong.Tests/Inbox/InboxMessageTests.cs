using Sotong.Core.Common.Errors;
using Sotong.Core.Inbox;

namespace Sotong.Tests.Inbox;

public sealed class InboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private static InboxMessage NewMessage(bool consent = true) => new()
    {
        ReceiptNumber = "W-20261123-000001",
        FollowKeyHash = ReceiptNumbers.Hash("ABCDEFGHJKLM"),
        ProviderMessageId = "W-20261123-000001",
        Text = "버스가 안 와요",
        ConsentToPublish = consent,
        ReceivedAtUtc = Now,
    };

    [Fact]
    public void Given_a_new_message_When_answered_Then_it_is_answered_and_versioned()
    {
        var m = NewMessage();
        m.Answer("증차합니다", "u1", "Officer", Now.AddHours(1));
        m.Status.ShouldBe(MessageStatus.Answered);
        m.AnswerText.ShouldBe("증차합니다");
        m.AnsweredAtUtc.ShouldBe(Now.AddHours(1));
        m.Version.ShouldBe(1);
    }

    [Fact]
    public void Given_an_unanswered_message_When_published_Then_the_rule_refuses()
    {
        var e = Should.Throw<RuleViolationException>(() => NewMessage().Publish(Now));
        e.Rule.ShouldBe("AnswerBeforePublishing");
    }

    [Fact]
    public void Given_no_consent_When_published_Then_the_rule_refuses()
    {
        var m = NewMessage(consent: false);
        m.Answer("답변", "u1", "Officer", Now);
        Should.Throw<RuleViolationException>(() => m.Publish(Now)).Rule.ShouldBe("CitizenConsentRequired");
        m.Status.ShouldBe(MessageStatus.Answered);
    }

    [Fact]
    public void Given_a_published_message_Then_it_cannot_be_republished_reanswered_or_rerouted()
    {
        var m = NewMessage();
        m.Answer("답변", "u1", "Officer", Now);
        m.Publish(Now.AddMinutes(5));
        m.Status.ShouldBe(MessageStatus.Published);
        m.PublishedAtUtc.ShouldBe(Now.AddMinutes(5));
        Should.Throw<RuleViolationException>(() => m.Publish(Now)).Rule.ShouldBe("PublishOnce");
        Should.Throw<RuleViolationException>(() => m.Answer("고친 답변", "u1", "Officer", Now)).Rule.ShouldBe("PublishedAnswersAreFinal");
        Should.Throw<RuleViolationException>(() => m.RouteTo(Guid.NewGuid())).Rule.ShouldBe("PublishedMessagesStayWithTheirDivision");
    }

    [Fact]
    public void Given_an_answer_before_publishing_Then_it_can_be_rewritten()
    {
        var m = NewMessage();
        m.Answer("첫 답변", "u1", "Officer", Now);
        m.Answer("고친 답변", "u2", "Other", Now.AddMinutes(1));
        m.AnswerText.ShouldBe("고친 답변");
        m.AnsweredByName.ShouldBe("Other");
        m.Version.ShouldBe(2);
    }
}
