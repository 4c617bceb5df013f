using Microsoft.EntityFrameworkCore;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Campaigns.Replies;

/// <summary>
/// Links a text from a subscriber to the campaign they are answering: the most recent campaign they received (its
/// message submitted to them) whose reply window is still open. The text still becomes an inbox message as usual;
/// the <see cref="CampaignReply"/> is written beside it in the same transaction, so a redelivered text (which the
/// inbox recognises as a duplicate) writes no second reply. Opt-out keywords are handled before this step (order 0).
/// </summary>
public sealed class CampaignReplyStep(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector) : IInboundSmsStep
{
    private const int MaxOpenCampaigns = 50;

    public int Order => 10;

    public async Task<InboundSmsOutcome> InspectAsync(InboundSms sms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var phone = SubscriberRules.NormalizePhone(sms.From);
        if (phone.Length < 9)
        {
            return InboundSmsOutcome.Pass;
        }
        var hash = await protector.LookupHashAsync(phone, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Subscriber>().AsNoTracking().Where(s => s.PhoneHash == hash).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct) is not { } subscriberId)
        {
            return InboundSmsOutcome.Pass;
        }
        var at = sms.ReceivedAtUtc;
        var open = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.BatchId != null && c.ReplyUntilUtc >= at && c.StartedAtUtc <= at)
            .OrderByDescending(c => c.StartedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.BatchId, c.Kind, c.OptionsJson }).Take(MaxOpenCampaigns).ToListAsync(ct);
        if (open.Count == 0)
        {
            return InboundSmsOutcome.Pass;
        }
        // Found through the idempotency keys (a unique index), not by scanning the batches: one lookup per open campaign.
        var keys = open.Select(c => CampaignStarter.KeyFor(c.Id, subscriberId)).ToList();
        var received = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => keys.Contains(m.IdempotencyKey) && m.SubscriberId == subscriberId && (m.State == OutboxState.Submitted || m.State == OutboxState.Delivered))
            .Select(m => m.BatchId).ToListAsync(ct);
        var campaign = open.FirstOrDefault(c => received.Contains(c.BatchId!.Value));
        if (campaign is null)
        {
            return InboundSmsOutcome.Pass;
        }

        var options = System.Text.Json.JsonSerializer.Deserialize<List<string>>(campaign.OptionsJson, Campaign.Json) ?? [];
        var parsed = EntryParser.Parse(sms.Text, campaign.Kind, options);
        var entry = EntryStatus.NotAnEntry;
        if (campaign.Kind != CampaignKind.Information)
        {
            entry = !parsed.IsValid ? EntryStatus.Unrecognised
                : await db.Set<CampaignReply>().AnyAsync(r => r.CampaignId == campaign.Id && r.SubscriberId == subscriberId && r.Entry == EntryStatus.Counted, ct)
                    ? EntryStatus.Superseded
                    : EntryStatus.Counted;
        }
        var campaignId = campaign.Id;
        return InboundSmsOutcome.Attach(messageId => new CampaignReply
        {
            CampaignId = campaignId,
            MessageId = messageId,
            SubscriberId = subscriberId,
            ReceivedAtUtc = at,
            Entry = entry,
            Option = parsed.IsValid ? parsed.Option : null,
            EntryText = parsed.IsValid ? parsed.Text : null,
        });
    }
}
