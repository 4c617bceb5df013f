using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Channels;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Organization;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Inbox.Replies;

/// <summary>An officer's reply. <paramref name="Version"/> is the message version they loaded.</summary>
public sealed record SendReplyRequest(string? Text, int Version);

/// <summary>What happened to one citizen's copy of a reply sent to many: sent on their own channel, or why not.</summary>
public sealed record ReplyDelivery(Guid MessageId, string ReceiptNumber, InboxChannel Channel, ReplyState? State, string? Error);

/// <summary>One citizen's copy of a case's word to them; <paramref name="Answers"/> marks an unanswered message answered.</summary>
public sealed record CitizenNotice(Guid MessageId, string Text, string IdempotencyKey, bool Answers);

public sealed record ReplyView(Guid Id, InboxChannel Channel, string Text, ReplyState State, string? ProviderMessageId, string? Error, string SentByName, DateTime CreatedAtUtc, int MessageVersion);

/// <summary>Where Meta's messaging window stands for a direct message, as the officer sees it.</summary>
public enum MessagingWindow
{
    NotApplicable,
    Open,
    HumanAgentOnly,
    Closed,
}

/// <summary>
/// Sends a reply back on the channel the message came from: records it (durable, idempotent), calls the adapter,
/// records what the platform said, and marks the message answered.
/// </summary>
public sealed partial class SendReplyHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    IEnumerable<IChannelAdapter> adapters,
    ChannelCredentials credentials,
    ContactDirectory contacts,
    InboxNotifier notifier,
    TimeProvider time,
    IStringLocalizer<Text> text,
    ILogger<SendReplyHandler> logger)
{
    public static readonly TimeSpan StandardWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgentWindow = TimeSpan.FromDays(7);

    /// <summary>Meta allows standard replies within 24 h of the person's last message, and human-agent ones for 7 days.</summary>
    public static MessagingWindow WindowFor(InboxChannel channel, MessageKind kind, DateTime lastInboundUtc, DateTime nowUtc)
    {
        if (channel is not (InboxChannel.Messenger or InboxChannel.Instagram) || kind != MessageKind.DirectMessage)
        {
            return MessagingWindow.NotApplicable;
        }
        var age = nowUtc - lastInboundUtc;
        return age <= StandardWindow ? MessagingWindow.Open : age <= HumanAgentWindow ? MessagingWindow.HumanAgentOnly : MessagingWindow.Closed;
    }

    /// <summary>
    /// One text to many citizens (a near-duplicate group, a case), each on the channel they wrote from, oldest first.
    /// A message already answered is left alone, so no one hears the same reply twice; one citizen's closed window or a
    /// colleague's edit does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<ReplyDelivery>> SendToEachAsync(IReadOnlyCollection<Guid> messageIds, string text, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        List<(Guid Id, string Receipt, InboxChannel Channel, int Version, MessageStatus Status)> messages;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Not scoped here: SendAsync checks each one, so a message the officer may not answer is reported, not dropped.
            messages = [.. (await db.InboxMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
                .OrderBy(m => m.ReceivedAtUtc).Select(m => new { m.Id, m.ReceiptNumber, m.Channel, m.Version, m.Status }).ToListAsync(ct))
                .Select(m => (m.Id, m.ReceiptNumber, m.Channel, m.Version, m.Status))];
        }
        var outcomes = new List<ReplyDelivery>(messages.Count);
        foreach (var m in messages)
        {
            if (m.Status != MessageStatus.Received)
            {
                outcomes.Add(new ReplyDelivery(m.Id, m.Receipt, m.Channel, null, "Already answered."));
                continue;
            }
            try
            {
                var reply = await SendAsync(m.Id, new SendReplyRequest(text, m.Version), staff, ct);
                outcomes.Add(new ReplyDelivery(m.Id, m.Receipt, m.Channel, reply.State, reply.Error));
            }
            catch (Exception e) when (e is RuleViolationException or DbUpdateConcurrencyException or NotFoundException or RequestValidationException)
            {
                outcomes.Add(new ReplyDelivery(m.Id, m.Receipt, m.Channel, null, e.Message));
            }
        }
        return outcomes;
    }

    public async Task<ReplyView> SendAsync(Guid messageId, SendReplyRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var body = AnswerText.Validated(request.Text, text);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await AnswerMessageHandler.LoadForChangeAsync(db, messageId, request.Version, staff, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var route = await RouteAsync(db, message, now, ct);
        var reply = await RecordAndTransmitAsync(db, message, route, body, idempotencyKey: null, answers: true, "Replied", staff.UserId, staff.DisplayName, now, ct);
        return new ReplyView(reply.Id, reply.Channel, reply.Text, reply.State, reply.ProviderMessageId, reply.Error, reply.SentByName, reply.CreatedAtUtc, message.Version);
    }

    /// <summary>
    /// Word to each of several citizens, each with their own text (their own link) on the channel they wrote from: a
    /// case's answer, an additional answer, an extension or a progress notice. A notice never changes the message; an
    /// answer marks a still-unanswered message answered. The idempotency key makes a retried call send nothing twice.
    /// </summary>
    public async Task<IReadOnlyList<ReplyDelivery>> NotifyEachAsync(IReadOnlyList<CitizenNotice> notices, string actorId, string actorName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var outcomes = new List<ReplyDelivery>(notices.Count);
        foreach (var notice in notices)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var message = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == notice.MessageId, ct);
            if (message is null)
            {
                continue;
            }
            if (await db.OutboundReplies.AnyAsync(r => r.IdempotencyKey == notice.IdempotencyKey, ct))
            {
                outcomes.Add(new ReplyDelivery(message.Id, message.ReceiptNumber, message.Channel, null, "Already sent."));
                continue;
            }
            var now = time.GetUtcNow().UtcDateTime;
            ReplyRoute route;
            try
            {
                route = await RouteAsync(db, message, now, ct);
            }
            catch (RuleViolationException e)
            {
                outcomes.Add(new ReplyDelivery(message.Id, message.ReceiptNumber, message.Channel, null, e.Message));
                continue;
            }
            var reply = await RecordAndTransmitAsync(db, message, route, notice.Text, notice.IdempotencyKey, notice.Answers && message.Status == MessageStatus.Received,
                notice.Answers ? "Replied" : "Notified", actorId, actorName, now, ct);
            outcomes.Add(new ReplyDelivery(message.Id, message.ReceiptNumber, message.Channel, reply.State, reply.Error));
        }
        return outcomes;
    }

    /// <summary>How a reply reaches this person now: the channel's adapter, Meta's window, their address, the account that speaks.</summary>
    private sealed record ReplyRoute(IChannelAdapter Adapter, MessagingWindow Window, string? Recipient, ChannelAccountSecrets? Account);

    /// <summary>Refuses (409) a channel Sotong cannot reply on and a closed Meta window.</summary>
    private async Task<ReplyRoute> RouteAsync(SotongDbContext db, InboxMessage message, DateTime now, CancellationToken ct)
    {
        var adapter = adapters.FirstOrDefault(a => a.Channels.Contains(message.Channel))
            ?? throw new RuleViolationException("ChannelCannotReply", $"Sotong cannot reply on {message.Channel} yet.");
        var lastInbound = message.ContactId is null ? message.ReceivedAtUtc
            : await db.InboxMessages.Where(m => m.ContactId == message.ContactId && m.Channel == message.Channel).MaxAsync(m => m.ReceivedAtUtc, ct);
        var window = WindowFor(message.Channel, message.Kind, lastInbound, now);
        if (window == MessagingWindow.Closed)
        {
            throw new RuleViolationException("MessagingWindowClosed", "The person last wrote more than 7 days ago; Meta allows no reply now.");
        }
        var recipient = message.ContactId is null || message.Channel == InboxChannel.Web ? null
            : await contacts.RevealAsync(db, message.ContactId.Value, IdentityKindOf(message.Channel), ct);
        var account = message.ChannelAccountId is { } accountId ? await credentials.FindAsync(accountId, ct) : null;
        return new ReplyRoute(adapter, window, recipient, account);
    }

    /// <summary>
    /// Records the reply durably (and the answer on the message when <paramref name="answers"/>), then calls the platform
    /// and records what it said. Without a key, the message's version after the answer is the key.
    /// </summary>
    private async Task<OutboundReply> RecordAndTransmitAsync(SotongDbContext db, InboxMessage message, ReplyRoute route, string text, string? idempotencyKey,
        bool answers, string auditAction, string actorId, string actorName, DateTime now, CancellationToken ct)
    {
        var from = message.Status;
        if (answers)
        {
            message.Answer(text, actorId, actorName, now);
        }
        var reply = new OutboundReply
        {
            MessageId = message.Id, Channel = message.Channel, Text = text, IdempotencyKey = idempotencyKey ?? $"{message.Id:N}:{message.Version}",
            SentById = actorId, SentByName = actorName, CreatedAtUtc = now,
        };
        db.OutboundReplies.Add(reply);
        db.Audit(now, actorId, actorName, nameof(InboxMessage), message.Id.ToString(), auditAction, from.ToString(), message.Status.ToString(), message.Channel.ToString());
        await db.SaveChangesAsync(ct);

        ReplyOutcome outcome;
        try
        {
            outcome = await route.Adapter.SendReplyAsync(new ReplyTarget(message.Id, message.ReceiptNumber, message.Channel, message.Kind, message.ProviderMessageId, message.ReplyContext,
                route.Recipient, route.Account, reply.Text, route.Window == MessagingWindow.HumanAgentOnly), ct);
        }
        catch (HttpRequestException e)
        {
            outcome = ReplyOutcome.Failed("The platform could not be reached: " + e.Message);
        }
        reply.Attempts++;
        reply.State = outcome.Sent ? ReplyState.Sent : ReplyState.Failed;
        reply.ProviderMessageId = outcome.ProviderMessageId;
        reply.Error = outcome.Error is null ? null : TextCut.Cut(outcome.Error, 1000);
        reply.CompletedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        LogReply(logger, message.ReceiptNumber, message.Channel, reply.State);
        await notifier.PublishAsync(new InboxChange(message.Id, message.DivisionId, "replied"));
        return reply;
    }

    public async Task<IReadOnlyList<ReplyView>> ListAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await Browse.BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).FirstOrDefaultAsync(m => m.Id == messageId, ct)
            ?? throw new NotFoundException("The message");
        return await db.OutboundReplies.AsNoTracking().Where(r => r.MessageId == messageId).OrderBy(r => r.CreatedAtUtc)
            .Select(r => new ReplyView(r.Id, r.Channel, r.Text, r.State, r.ProviderMessageId, r.Error, r.SentByName, r.CreatedAtUtc, message.Version))
            .ToListAsync(ct);
    }

    internal static IdentityKind IdentityKindOf(InboxChannel channel) => channel switch
    {
        InboxChannel.Sms => IdentityKind.Phone,
        InboxChannel.Email or InboxChannel.Web => IdentityKind.Email,
        InboxChannel.Facebook or InboxChannel.Messenger => IdentityKind.MetaPsid,
        InboxChannel.Instagram => IdentityKind.InstagramId,
        InboxChannel.X => IdentityKind.XUserId,
        InboxChannel.KakaoTalk => IdentityKind.KakaoUserKey,
        InboxChannel.Telegram => IdentityKind.TelegramChatId,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply to {ReceiptNumber} on {Channel}: {State}")]
    private static partial void LogReply(ILogger logger, string receiptNumber, InboxChannel channel, ReplyState state);
}

internal static class SendReplyEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapPost("/{id:guid}/replies", async (Guid id, SendReplyRequest request, ClaimsPrincipal user, SendReplyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SendAsync(id, request, StaffContext.From(user), ct)))
            .WithName("ReplyToInboxMessage")
            .WithSummary("Reply on the channel the message came from")
            .WithDescription("Records the reply, sends it through the channel's adapter and returns its delivery state (Sent or Failed with the platform's reason).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        inbox.MapGet("/{id:guid}/replies", async (Guid id, ClaimsPrincipal user, SendReplyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(id, StaffContext.From(user), ct)))
            .WithName("ListReplies")
            .WithSummary("Replies sent for a message, with their delivery state");
    }
}
