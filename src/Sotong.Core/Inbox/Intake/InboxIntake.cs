using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Inbox.Contacts;

namespace Sotong.Core.Inbox.Intake;

/// <summary>A message as a channel adapter parsed it, before it is stored.</summary>
public sealed record InboundMessage(
    InboxChannel Channel,
    string ProviderMessageId,
    IdentityValue? From,
    string Text,
    DateTime SentAtUtc,
    MessageKind Kind,
    Guid? ChannelAccountId = null,
    string? DisplayName = null,
    string? ReplyContext = null)
{
    /// <summary>A second identity of the same sender (the web form's e-mail beside its phone number).</summary>
    public IdentityValue? AlsoKnownAs { get; init; }

    public bool ConsentToPublish { get; init; }

    /// <summary>The key the citizen follows the message with; only its hash is stored.</summary>
    public string FollowKey { get; init; } = ReceiptNumbers.NewFollowKey();
}

/// <summary>One stored (or already known) message: what the webhook tells the platform and the citizen.</summary>
public sealed record IntakeResult(Guid MessageId, string ReceiptNumber, bool Duplicate, string? FollowKey = null);

/// <summary>
/// The one door into the inbox for every channel: de-duplicates on (channel, provider message id), threads by
/// contact, stores message + audit in one transaction, and only then returns — so a webhook answers 2xx only for
/// what is durable.
/// </summary>
public sealed partial class InboxIntake(IDbContextFactory<SotongDbContext> dbFactory, ContactDirectory contacts, InboxNotifier notifier, TimeProvider time, ILogger<InboxIntake> logger)
{
    public async Task<IReadOnlyList<IntakeResult>> AcceptAsync(IReadOnlyList<InboundMessage> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await TryAcceptAsync(batch, ct);
                foreach (var r in results.Where(r => !r.Result.Duplicate))
                {
                    LogAccepted(logger, r.Result.ReceiptNumber, r.Channel);
                    await notifier.PublishAsync(new InboxChange(r.Result.MessageId, null, "received"));
                }
                return [.. results.Select(r => r.Result)];
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent delivery of the same message (or a new contact) won the unique index: read again.
            }
        }
    }

    private async Task<List<(IntakeResult Result, InboxChannel Channel)>> TryAcceptAsync(IReadOnlyList<InboundMessage> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var results = new List<(IntakeResult, InboxChannel)>(batch.Count);
        var seen = new Dictionary<(InboxChannel, string), IntakeResult>();
        foreach (var inbound in batch)
        {
            var key = (inbound.Channel, inbound.ProviderMessageId);
            if (seen.TryGetValue(key, out var already))
            {
                results.Add((already with { Duplicate = true, FollowKey = null }, inbound.Channel));
                continue;
            }
            var existing = await db.InboxMessages.AsNoTracking()
                .Where(m => m.Channel == inbound.Channel && m.ProviderMessageId == inbound.ProviderMessageId)
                .Select(m => new { m.Id, m.ReceiptNumber })
                .FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                var duplicate = new IntakeResult(existing.Id, existing.ReceiptNumber, Duplicate: true);
                seen[key] = duplicate;
                results.Add((duplicate, inbound.Channel));
                continue;
            }
            var contact = inbound.From is null && inbound.AlsoKnownAs is null ? null
                : await contacts.FindOrCreateAsync(db, (inbound.From ?? inbound.AlsoKnownAs)!, inbound.DisplayName, now, ct);
            if (contact is not null && inbound.From is not null && inbound.AlsoKnownAs is not null)
            {
                await contacts.AttachAsync(db, contact, inbound.AlsoKnownAs, now, ct);
            }
            var message = new InboxMessage
            {
                ReceiptNumber = ReceiptNumbers.New(inbound.Channel, now),
                FollowKeyHash = ReceiptNumbers.Hash(inbound.FollowKey),
                Channel = inbound.Channel,
                ProviderMessageId = inbound.ProviderMessageId,
                Text = inbound.Text.Length > InboxMessage.MaxTextLength ? inbound.Text[..InboxMessage.MaxTextLength] : inbound.Text,
                Kind = inbound.Kind,
                CitizenName = inbound.DisplayName is { Length: > InboxMessage.MaxNameLength } n ? n[..InboxMessage.MaxNameLength] : inbound.DisplayName,
                ContactId = contact?.Id,
                ConsentToPublish = inbound.ConsentToPublish,
                ChannelAccountId = inbound.ChannelAccountId,
                ReplyContext = inbound.ReplyContext,
                ReceivedAtUtc = now,
            };
            db.InboxMessages.Add(message);
            db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(InboxMessage), message.Id.ToString(), "Received", to: nameof(MessageStatus.Received), detail: inbound.Channel.ToString());
            var result = new IntakeResult(message.Id, message.ReceiptNumber, Duplicate: false, inbound.FollowKey);
            seen[key] = result;
            results.Add((result, inbound.Channel));
        }
        await db.SaveChangesAsync(ct);
        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {ReceiptNumber} received on {Channel}")]
    private static partial void LogAccepted(ILogger logger, string receiptNumber, InboxChannel channel);
}
