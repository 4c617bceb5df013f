using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Common.Texts;

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

    /// <summary>
    /// A row another module keeps beside the message (an Open311 request's location and key), made from the stored
    /// message's id and written in the same transaction, so neither exists without the other.
    /// </summary>
    public Func<Guid, object>? Companion { get; init; }

    /// <summary>The key the citizen follows the message with; only its hash is stored.</summary>
    public string FollowKey { get; init; } = ReceiptNumbers.NewFollowKey();
}

/// <summary>One stored (or already known) message: what the webhook tells the platform and the citizen.</summary>
public sealed record IntakeResult(Guid MessageId, string ReceiptNumber, bool Duplicate, string? FollowKey = null);

/// <summary>
/// The one door into the inbox for every channel: de-duplicates on (channel, provider message id), threads by
/// contact, stores message + audit, and only then answers — so a webhook says 2xx only for what is durable.
/// Concurrent deliveries are committed together (group commit): one writer drains what has queued up and stores
/// it in one transaction, which is what lets one node take thousands of webhooks a second.
/// </summary>
public sealed partial class InboxIntake(
    IDbContextFactory<SotongDbContext> dbFactory,
    ContactDirectory contacts,
    InboxNotifier notifier,
    IEnumerable<IIntakeTriage> triage,
    TimeProvider time,
    ILogger<InboxIntake> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private readonly IIntakeTriage? _triage = triage.FirstOrDefault();

    /// <summary>What one transaction stored: each delivery's outcome, and the division of each message triaged on the way in.</summary>
    private sealed record Stored(List<IntakeResult> Results, IReadOnlyDictionary<Guid, Guid?> Triaged);

    // Two writers overlap one batch's database round trips with the next one's work. A sender always goes to
    // the same writer, so two writers never race to create the same contact.
    private const int Writers = 2;
    private readonly Channel<Work>[] _queues = [.. Enumerable.Range(0, Writers).Select(_ => Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true }))];

    private sealed record Work(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<object?> Prepared, TaskCompletionSource<IReadOnlyList<IntakeResult>> Done);

    public async Task<IReadOnlyList<IntakeResult>> AcceptAsync(IReadOnlyList<InboundMessage> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }
        // Classified here, on the sender's own thread, so the writer only decides and stores.
        object?[] prepared = _triage is null ? new object?[batch.Count] : [.. batch.Select(m => _triage.Prepare(m.Text))];
        var work = new Work(batch, prepared, new TaskCompletionSource<IReadOnlyList<IntakeResult>>(TaskCreationOptions.RunContinuationsAsynchronously));
        var sender = batch[0].From ?? batch[0].AlsoKnownAs;
        var lane = sender is null ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(sender.Normalized) % Writers);
        await _queues[lane].Writer.WriteAsync(work, ct);
        return await work.Done.Task.WaitAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(queue => Task.Run(() => DrainAsync(queue.Reader, stoppingToken), stoppingToken)));

    private async Task DrainAsync(ChannelReader<Work> queue, CancellationToken stoppingToken)
    {
        var pending = new List<Work>();
        while (await queue.WaitToReadAsync(stoppingToken))
        {
            pending.Clear();
            var count = 0;
            while (count < MaxBatch && queue.TryRead(out var work))
            {
                pending.Add(work);
                count += work.Messages.Count;
            }
            await StoreAsync(pending, stoppingToken);
        }
    }

    private async Task StoreAsync(List<Work> pending, CancellationToken ct)
    {
        try
        {
            var all = pending.SelectMany(w => w.Messages).ToList();
            var started = time.GetTimestamp();
            var stored = await TryAcceptAsync(all, [.. pending.SelectMany(w => w.Prepared)], ct);
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            LogBatch(logger, all.Count, pending.Count, elapsed);
            var offset = 0;
            foreach (var work in pending)
            {
                work.Done.TrySetResult(stored.Results.GetRange(offset, work.Messages.Count));
                offset += work.Messages.Count;
            }
            await AnnounceAsync(all, stored);
        }
        catch (DbUpdateException)
        {
            // Another node stored one of these first (or a receipt number collided): settle each delivery on its own.
            foreach (var work in pending)
            {
                await StoreOneAsync(work, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var work in pending)
            {
                work.Done.TrySetException(e);
            }
        }
    }

    private async Task StoreOneAsync(Work work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await TryAcceptAsync([.. work.Messages], work.Prepared, ct);
                work.Done.TrySetResult(stored.Results);
                await AnnounceAsync([.. work.Messages], stored);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Read again: the row that won the unique index is now visible as a duplicate.
            }
            catch (Exception e)
            {
                work.Done.TrySetException(e);
                return;
            }
        }
    }

    private async Task AnnounceAsync(List<InboundMessage> messages, Stored stored)
    {
        var results = stored.Results;
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Duplicate)
            {
                LogAccepted(logger, results[i].ReceiptNumber, messages[i].Channel);
                var triaged = stored.Triaged.TryGetValue(results[i].MessageId, out var division);
                await notifier.PublishAsync(new InboxChange(results[i].MessageId, division, "received") { Triaged = triaged });
            }
        }
    }

    private async Task<Stored> TryAcceptAsync(List<InboundMessage> batch, IReadOnlyList<object?> prepared, CancellationToken ct)
    {
        var t0 = time.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = time.GetUtcNow().UtcDateTime;

        // What is already stored, and whether a fresh receipt number is taken, in one query.
        var providerIds = batch.Select(m => m.ProviderMessageId).Distinct().ToList();
        var channels = batch.Select(m => m.Channel).Distinct().ToList();
        var receipts = batch.Select(m => ReceiptNumbers.New(m.Channel, now)).ToList();
        var stored = await db.InboxMessages.AsNoTracking()
            .Where(m => (channels.Contains(m.Channel) && providerIds.Contains(m.ProviderMessageId)) || receipts.Contains(m.ReceiptNumber))
            .Select(m => new { m.Channel, m.ProviderMessageId, m.Id, m.ReceiptNumber }).ToListAsync(ct);
        var wantedKeys = batch.Select(m => (m.Channel, m.ProviderMessageId)).ToHashSet();
        var known = stored.Where(m => wantedKeys.Contains((m.Channel, m.ProviderMessageId)))
            .ToDictionary(m => (m.Channel, m.ProviderMessageId), m => new IntakeResult(m.Id, m.ReceiptNumber, Duplicate: true));
        var receiptClash = stored.Count > known.Count || receipts.Distinct().Count() < receipts.Count;

        // Every sender's contact, usually in one query.
        var identities = batch.Where(m => !known.ContainsKey((m.Channel, m.ProviderMessageId)))
            .Select(m => (m.From ?? m.AlsoKnownAs, m.DisplayName)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.DisplayName)).ToList();
        var resolved = identities.Count == 0 ? [] : await contacts.FindOrCreateManyAsync(db, identities, now, ct);

        // Each delivery's outcome: a message stored now, or one stored before (receipt numbers are final only after the clash check).
        var outcomes = new List<(InboxMessage? Stored, IntakeResult? Before, string FollowKey)>(batch.Count);
        var fresh = new List<InboxMessage>(batch.Count);
        var freshPrepared = new List<object?>(batch.Count);
        var storedNow = new Dictionary<(InboxChannel, string), InboxMessage>();
        var companions = new List<(InboxMessage Message, Func<Guid, object> Make)>();
        for (var index = 0; index < batch.Count; index++)
        {
            var inbound = batch[index];
            var key = (inbound.Channel, inbound.ProviderMessageId);
            if (known.TryGetValue(key, out var already))
            {
                outcomes.Add((null, already, ""));
                continue;
            }
            if (storedNow.TryGetValue(key, out var sameBatch))
            {
                outcomes.Add((sameBatch, null, ""));
                continue;
            }
            var sender = inbound.From ?? inbound.AlsoKnownAs;
            Guid? contactId = sender is null ? null : resolved[(sender.Kind, sender.Normalized)];
            if (contactId is { } id && inbound.From is not null && inbound.AlsoKnownAs is not null)
            {
                await contacts.AttachAsync(db, id, inbound.AlsoKnownAs, now, ct);
            }
            var message = new InboxMessage
            {
                ReceiptNumber = receipts[index],
                FollowKeyHash = ReceiptNumbers.Hash(inbound.FollowKey),
                Channel = inbound.Channel,
                ProviderMessageId = inbound.ProviderMessageId,
                Text = TextCut.Cut(inbound.Text, InboxMessage.MaxTextLength),
                Kind = inbound.Kind,
                CitizenName = inbound.DisplayName is null ? null : TextCut.Cut(inbound.DisplayName, InboxMessage.MaxNameLength),
                ContactId = contactId,
                ConsentToPublish = inbound.ConsentToPublish,
                ChannelAccountId = inbound.ChannelAccountId,
                ReplyContext = inbound.ReplyContext,
                ReceivedAtUtc = now,
            };
            // The message row is the record of its arrival (channel, provider id, time); the audit trail starts at
            // the first staff action, which halves the rows a burst of webhooks writes.
            fresh.Add(message);
            freshPrepared.Add(prepared[index]);
            if (inbound.Companion is { } companion)
            {
                companions.Add((message, companion));
            }
            storedNow[key] = message;
            outcomes.Add((message, null, inbound.FollowKey));
        }
        var t1 = time.GetTimestamp();
        if (receiptClash)
        {
            await EnsureUniqueReceiptsAsync(db, fresh, ct);
        }
        var t2 = time.GetTimestamp();
        // Labelled and routed before the insert, so each message is written once, already decided.
        var decided = _triage?.Decide(fresh, freshPrepared, now);
        var t3 = time.GetTimestamp();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // PostgreSQL: new contacts through EF, the messages by binary COPY, one transaction for all.
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                await BulkCopy.CopyAsync(db, fresh, ct);
            }
            else
            {
                db.InboxMessages.AddRange(fresh);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
            }
            if (companions.Count > 0)
            {
                foreach (var (message, make) in companions)
                {
                    db.Add(make(message.Id));
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
            }
            if (decided is not null)
            {
                await decided.WriteAsync(db, ct);
            }
            await tx.CommitAsync(ct);
        }
        catch
        {
            decided?.Abandon();
            throw;
        }
        var t4 = time.GetTimestamp();
        var prepare = time.GetElapsedTime(t0, t1).TotalMilliseconds;
        var check = time.GetElapsedTime(t1, t2).TotalMilliseconds;
        var classify = time.GetElapsedTime(t2, t3).TotalMilliseconds;
        var save = time.GetElapsedTime(t3, t4).TotalMilliseconds;
        LogPhases(logger, prepare, check, classify, save);
        IReadOnlyDictionary<Guid, Guid?> triaged = decided is null ? new Dictionary<Guid, Guid?>() : fresh.Where(m => decided.Decided.Contains(m.Id)).ToDictionary(m => m.Id, m => m.DivisionId);
        return new Stored([.. outcomes.Select(o => o.Before is { } before
            ? before with { Duplicate = true, FollowKey = null }
            : new IntakeResult(o.Stored!.Id, o.Stored.ReceiptNumber, Duplicate: o.FollowKey.Length == 0, o.FollowKey.Length == 0 ? null : o.FollowKey))], triaged);
    }

    /// <summary>
    /// Random receipt numbers can collide; draw again before inserting rather than failing the whole batch on the
    /// unique index (which stays as the guard against another node).
    /// </summary>
    private static async Task EnsureUniqueReceiptsAsync(SotongDbContext db, List<InboxMessage> added, CancellationToken ct)
    {
        for (var round = 0; round < 5; round++)
        {
            var numbers = added.Select(m => m.ReceiptNumber).ToList();
            var taken = (await db.InboxMessages.AsNoTracking().Where(m => numbers.Contains(m.ReceiptNumber)).Select(m => m.ReceiptNumber).ToListAsync(ct)).ToHashSet();
            var seen = new HashSet<string>();
            var clashes = added.Where(m => taken.Contains(m.ReceiptNumber) || !seen.Add(m.ReceiptNumber)).ToList();
            if (clashes.Count == 0)
            {
                return;
            }
            foreach (var m in clashes)
            {
                m.ReceiptNumber = ReceiptNumbers.New(m.Channel, m.ReceivedAtUtc);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Intake phases: prepare {Prepare} ms, receipt check {Receipts} ms, triage {Triage} ms, save {Save} ms")]
    private static partial void LogPhases(ILogger logger, double prepare, double receipts, double triage, double save);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Intake stored a batch of {Messages} messages from {Deliveries} deliveries in {Milliseconds} ms")]
    private static partial void LogBatch(ILogger logger, int messages, int deliveries, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {ReceiptNumber} received on {Channel}")]
    private static partial void LogAccepted(ILogger logger, string receiptNumber, InboxChannel channel);
}
