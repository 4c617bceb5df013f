using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common.Errors;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox;

/// <summary>The channel a message arrived on; replies go back on the same one.</summary>
public enum InboxChannel
{
    Web,
    Sms,
    Facebook,
    Messenger,
    Instagram,
    X,
    KakaoTalk,
    Telegram,
    Email,
}

/// <summary>Where on the channel the message was written; a reply goes back the same way.</summary>
public enum MessageKind
{
    WebForm,
    DirectMessage,
    Comment,
    Mention,
    Text,
}

/// <summary>What the citizen means (triage's "kind"): set by the classifier, corrected by officers.</summary>
public enum MessageIntent
{
    Praise,
    Complaint,
    Suggestion,
    Question,
    Opinion,
    Spam,
}

public enum MessageStatus
{
    Received,
    Answered,
    Published,
}

/// <summary>A citizen's message in the unified inbox, with the answer it was given.</summary>
public sealed class InboxMessage
{
    public const int MaxTextLength = 4000;
    public const int MaxNameLength = 50;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string ReceiptNumber { get; set; }
    /// <summary>SHA-256 of the follow key handed to the citizen; the key itself is never stored.</summary>
    public required string FollowKeyHash { get; set; }
    public InboxChannel Channel { get; set; }
    /// <summary>The platform's own id for the message; with the channel, unique, so a retried webhook lands once.</summary>
    public required string ProviderMessageId { get; set; }
    public required string Text { get; set; }
    public MessageKind Kind { get; set; } = MessageKind.WebForm;
    public string? CitizenName { get; set; }
    /// <summary>The citizen's thread; identities (phone, PSID …) live on the contact, encrypted.</summary>
    public Guid? ContactId { get; set; }
    /// <summary>The city account the message was sent to (registry row), when the channel has several.</summary>
    public Guid? ChannelAccountId { get; set; }
    /// <summary>What a reply needs that is not an identity: the comment or tweet id to reply under, a callback URL.</summary>
    public string? ReplyContext { get; set; }
    public bool ConsentToPublish { get; set; }
    public Guid? DivisionId { get; set; }
    public Department? Division { get; set; }
    /// <summary>The officer handling it, within its division.</summary>
    public string? AssignedToId { get; private set; }
    public string? AssignedToName { get; private set; }
    public MessageStatus Status { get; private set; } = MessageStatus.Received;
    public DateTime ReceivedAtUtc { get; set; }
    public string? AnswerText { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public int Version { get; set; }

    /// <summary>Triage's labels, kept here so the inbox can filter on them; how they were decided lives in triage.</summary>
    public MessageIntent? Intent { get; private set; }
    public string? Topic { get; private set; }

    public const int MaxTopicLength = 40;

    /// <summary>Triage's labels. Not an officer's edit, so the version stays (triage keeps its own).</summary>
    public void Label(MessageIntent intent, string topic)
    {
        Intent = intent;
        Topic = topic;
    }

    public void RouteTo(Guid divisionId)
    {
        if (Status == MessageStatus.Published)
        {
            throw new RuleViolationException("PublishedMessagesStayWithTheirDivision", "A published answer cannot be moved to another division.");
        }
        if (DivisionId != divisionId)
        {
            // A new division means a new owner: the old assignee was in the old division.
            AssignedToId = null;
            AssignedToName = null;
        }
        DivisionId = divisionId;
        Version++;
    }

    public void AssignTo(string staffId, string staffName, Guid? staffDivisionId, bool assigneeSeesAllDivisions)
    {
        if (!assigneeSeesAllDivisions && (DivisionId is null || staffDivisionId != DivisionId))
        {
            throw new RuleViolationException("AssigneeInDivision", "Assign the message to an officer of its division (route it first).");
        }
        AssignedToId = staffId;
        AssignedToName = staffName;
        Version++;
    }

    /// <summary>Writes (or rewrites, until published) the answer.</summary>
    public void Answer(string text, string staffId, string staffName, DateTime nowUtc)
    {
        if (Status == MessageStatus.Published)
        {
            throw new RuleViolationException("PublishedAnswersAreFinal", "The answer has been published and can no longer be changed.");
        }
        AnswerText = text;
        AnsweredAtUtc = nowUtc;
        AnsweredById = staffId;
        AnsweredByName = staffName;
        Status = MessageStatus.Answered;
        Version++;
    }

    public void Publish(DateTime nowUtc)
    {
        switch (Status)
        {
            case MessageStatus.Received:
                throw new RuleViolationException("AnswerBeforePublishing", "Only an answered message can be published.");
            case MessageStatus.Published:
                throw new RuleViolationException("PublishOnce", "This answer is already published.");
            case MessageStatus.Answered:
                break;
        }
        if (!ConsentToPublish)
        {
            throw new RuleViolationException("CitizenConsentRequired", "The citizen did not agree to publish the question.");
        }
        Status = MessageStatus.Published;
        PublishedAtUtc = nowUtc;
        Version++;
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("inbox_message");
        b.HasKey(m => m.Id);
        b.Property(m => m.ReceiptNumber).HasMaxLength(32);
        b.HasIndex(m => m.ReceiptNumber).IsUnique();
        b.Property(m => m.FollowKeyHash).HasMaxLength(64);
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.ProviderMessageId).HasMaxLength(200);
        b.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique();
        b.Property(m => m.Text).HasMaxLength(InboxMessage.MaxTextLength);
        b.Property(m => m.CitizenName).HasMaxLength(InboxMessage.MaxNameLength);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.ReplyContext).HasMaxLength(2000);
        b.HasIndex(m => new { m.ContactId, m.ReceivedAtUtc });
        b.HasIndex(m => new { m.ChannelAccountId, m.ReceivedAtUtc });
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.AnswerText).HasMaxLength(InboxMessage.MaxTextLength);
        b.Property(m => m.AnsweredById).HasMaxLength(64);
        b.Property(m => m.AnsweredByName).HasMaxLength(100);
        b.Property(m => m.AssignedToId).HasMaxLength(64);
        b.Property(m => m.AssignedToName).HasMaxLength(100);
        b.HasIndex(m => new { m.AssignedToId, m.ReceivedAtUtc });
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.Intent).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Topic).HasMaxLength(InboxMessage.MaxTopicLength);
        b.HasIndex(m => m.ReceivedAtUtc);
        // Only messages nobody has labelled yet (stored before triage could decide): the triage sweep reads these
        // every 30 s, and scanning every recent message for them stalled a burst of webhooks.
        b.HasIndex(m => m.ReceivedAtUtc, "IX_inbox_message_unlabelled").HasFilter("\"Topic\" IS NULL");
        b.HasIndex(m => new { m.Status, m.ReceivedAtUtc });
        b.HasIndex(m => new { m.DivisionId, m.ReceivedAtUtc });
        b.HasOne(m => m.Division).WithMany().HasForeignKey(m => m.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
