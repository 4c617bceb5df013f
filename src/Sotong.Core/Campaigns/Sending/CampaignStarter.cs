using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Time;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Campaigns.Sending;

/// <summary>
/// Starts a campaign: moves it to Sending with its batch id fixed first, then selects the segment's active
/// subscribers (id and encrypted number only) and writes them all to the outbox in one call. The batch id makes a
/// retried start — after a crash, or from a second node — write nothing twice.
/// </summary>
public sealed partial class CampaignStarter(
    IDbContextFactory<SotongDbContext> dbFactory,
    Outbox outbox,
    CampaignPolicy policy,
    TimeProvider time,
    ILogger<CampaignStarter> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    /// <summary>The idempotency key of one campaign message: one per campaign and subscriber.</summary>
    public static string KeyFor(Guid campaignId, Guid subscriberId) => $"c:{campaignId:N}:{subscriberId:N}";

    /// <summary>
    /// Starts the campaign if it is approved (or scheduled and due), and finishes writing its recipients if a start was
    /// interrupted. Returns true when this call wrote the recipients or found them written.
    /// </summary>
    public async Task<bool> StartAsync(Guid id, CancellationToken ct)
    {
        if (!_running.TryAdd(id, 0))
        {
            return false;
        }
        try
        {
            return await StartOnceAsync(id, ct);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    private async Task<bool> StartOnceAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Campaign>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (c.State is CampaignState.Approved or CampaignState.Scheduled && c.IsDueAt(now))
        {
            var from = c.State;
            var sendsFrom = policy.QuietHours.EarliestSendUtc(now, c.Urgent);
            c.BeginSending(now, sendsFrom);
            CampaignAccess.Audit(db, now, CampaignAccess.SystemActorId, CampaignAccess.SystemActorName, c, "Started", from,
                sendsFrom > now ? $"Held for quiet hours until {SeoulTime.Format(sendsFrom)} (Asia/Seoul)" : null);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node (or an officer) moved it first.
                return false;
            }
        }
        if (c.State != CampaignState.Sending || c.AudienceSize is not null || c.BatchId is not { } batchId)
        {
            return false;
        }
        var total = await EnqueueAsync(db, c, batchId, ct);
        await db.Set<Campaign>().Where(x => x.Id == c.Id && x.AudienceSize == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AudienceSize, total), ct);
        // Stopped while its recipients were being written: withdraw what was just queued.
        var state = await db.Set<Campaign>().AsNoTracking().Where(x => x.Id == c.Id).Select(x => x.State).FirstAsync(ct);
        if (state == CampaignState.Cancelled)
        {
            await outbox.CancelQueuedAsync(batchId, ct);
        }
        LogStarted(logger, c.Id, total, c.SendsFromUtc ?? now);
        return true;
    }

    private async Task<int> EnqueueAsync(SotongDbContext db, Campaign c, Guid batchId, CancellationToken ct)
    {
        if (await outbox.ProgressAsync(batchId, ct) is { } written)
        {
            return written.Total;
        }
        var year = SubscriberRules.CurrentYear(time);
        var prefix = $"c:{c.Id:N}:";
        // Only the id and the encrypted number, streamed into one list: no entity is tracked, however large the segment.
        var recipients = new List<OutboxRecipient>();
        await foreach (var s in c.Segment.Apply(db.Set<Subscriber>().AsNoTracking(), year)
                           .Select(s => new { s.Id, s.ProtectedPhone }).AsAsyncEnumerable().WithCancellation(ct))
        {
            recipients.Add(new OutboxRecipient(s.ProtectedPhone, prefix + s.Id.ToString("N"), s.Id));
        }
        var batch = await outbox.EnqueueAsync(
            new OutboxRequest(OutboxKind.Campaign, c.Id, c.Sender, c.Text, OutboxPriority.Bulk, c.SendsFromUtc, batchId), recipients, ct);
        return batch.Total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Recipients} recipients in the outbox, sending from {SendsFromUtc:u}")]
    private static partial void LogStarted(ILogger logger, Guid campaignId, int recipients, DateTime sendsFromUtc);
}
