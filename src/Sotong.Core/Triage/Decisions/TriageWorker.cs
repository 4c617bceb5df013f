using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Inbox;

namespace Sotong.Core.Triage.Decisions;

/// <summary>
/// Triage for every message the intake could not decide as it stored it (no model live yet, groups not rebuilt,
/// triage added later): the inbox announces it, this worker labels it, routes it (or queues it for a person), groups
/// it with its near-duplicates and counts it for spike detection, in one transaction. A sweep over recent messages
/// catches anything an announcement missed (a restart, another node). It also rebuilds the groups on start.
/// </summary>
public sealed partial class TriageWorker(
    IDbContextFactory<SotongDbContext> dbFactory,
    TriageEngine engine,
    TriageRecorder recorder,
    InboxNotifier notifier,
    TimeProvider time,
    ILogger<TriageWorker> logger) : BackgroundService
{
    private const int BatchSize = 256;
    public const string TriageActor = TriageRecorder.TriageActor;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepOverlap = TimeSpan.FromMinutes(2);

    private readonly Channel<Guid> _arrivals = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private DateTime _watermark;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(change =>
        {
            if (change.Kind == "received" && !change.Triaged)
            {
                _arrivals.Writer.TryWrite(change.MessageId);
            }
            return Task.CompletedTask;
        });
        try
        {
            await engine.WhenReadyAsync(stoppingToken);
            // The database may be away at start: keep trying rather than stop the host.
            while (true)
            {
                try
                {
                    await RebuildAsync(stoppingToken);
                    recorder.MarkReady();
                    await SweepAsync(stoppingToken);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogBatchFailed(logger, e, 0);
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                }
            }
            var nextSweep = time.GetUtcNow() + SweepEvery;
            var batch = new List<Guid>(BatchSize);
            while (!stoppingToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(SweepEvery);
                try
                {
                    await _arrivals.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
                batch.Clear();
                while (batch.Count < BatchSize && _arrivals.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }
                try
                {
                    if (batch.Count > 0)
                    {
                        await ClassifySafelyAsync(batch, stoppingToken);
                    }
                    if (time.GetUtcNow() >= nextSweep)
                    {
                        nextSweep = time.GetUtcNow() + SweepEvery;
                        // Another node may have promoted a model or changed the routing table or settings.
                        await engine.ReloadAsync(stoppingToken);
                        await SweepAsync(stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database away for a moment must not stop the host: the sweep picks these messages up later.
                    LogBatchFailed(logger, e, batch.Count);
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Refills the near-duplicate index from the last days' decisions, each in the group stored for it, so groups
    /// continue across restarts as they were (including messages an officer took out of a group).
    /// </summary>
    private async Task RebuildAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().UtcDateTime - TriageRecorder.GroupingWindow;
        var recent = await db.Set<TriageDecision>().AsNoTracking().Where(d => d.ReceivedAtUtc >= since).OrderBy(d => d.ReceivedAtUtc)
            .Join(db.InboxMessages, d => d.MessageId, m => m.Id, (d, m) => new { d.MessageId, d.GroupId, d.Topic, m.Text, d.ReceivedAtUtc })
            .ToListAsync(ct);
        foreach (var r in recent)
        {
            recorder.Groups.Restore(r.MessageId, r.GroupId, r.Topic, r.Text, r.ReceivedAtUtc);
        }
        var last = await db.Set<TriageDecision>().MaxAsync(d => (DateTime?)d.ReceivedAtUtc, ct);
        _watermark = (last ?? time.GetUtcNow().UtcDateTime.AddDays(-30)) - SweepOverlap;
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        while (true)
        {
            List<(Guid Id, DateTime At)> pending;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var since = _watermark;
                pending = [.. (await db.InboxMessages.AsNoTracking()
                    .Where(m => m.Topic == null && m.ReceivedAtUtc >= since && !db.Set<TriageDecision>().Any(d => d.MessageId == m.Id))
                    .OrderBy(m => m.ReceivedAtUtc).Select(m => new { m.Id, m.ReceivedAtUtc }).Take(BatchSize).ToListAsync(ct))
                    .Select(m => (m.Id, m.ReceivedAtUtc))];
            }
            if (pending.Count == 0)
            {
                var floor = time.GetUtcNow().UtcDateTime - SweepOverlap;
                if (floor > _watermark)
                {
                    _watermark = floor;
                }
                return;
            }
            await ClassifySafelyAsync([.. pending.Select(p => p.Id)], ct);
            // Past this page even if one of its messages failed (it is logged): a poison message must not pin the sweep.
            if (pending[^1].At > _watermark)
            {
                _watermark = pending[^1].At;
            }
            if (pending.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task ClassifySafelyAsync(List<Guid> ids, CancellationToken ct)
    {
        try
        {
            await ClassifyAsync(ids, ct);
        }
        catch (Exception batchError) when (batchError is DbUpdateException or RuleViolationException)
        {
            // Another node decided one of these, or an officer edited one meanwhile: settle them one by one.
            foreach (var id in ids)
            {
                try
                {
                    await ClassifyAsync([id], ct);
                }
                catch (Exception e) when (e is DbUpdateException or RuleViolationException)
                {
                    LogSkipped(logger, e, id);
                }
            }
        }
    }

    private async Task ClassifyAsync(List<Guid> ids, CancellationToken ct)
    {
        var snapshot = engine.Current;
        if (snapshot is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = await db.InboxMessages.Where(m => ids.Contains(m.Id) && !db.Set<TriageDecision>().Any(d => d.MessageId == m.Id)).ToListAsync(ct);
        if (messages.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var batch = recorder.Decide(snapshot, messages, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await recorder.WriteAsync(db, batch, now, ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // Nothing was stored: the index must not keep groups rooted in messages without a decision.
            recorder.Forget(batch);
            throw;
        }
        LogClassified(logger, messages.Count, batch.Routed.Count);
        foreach (var m in messages)
        {
            await notifier.PublishAsync(new InboxChange(m.Id, m.DivisionId, "triaged"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Triage classified {Count} messages, routed {Routed}")]
    private static partial void LogClassified(ILogger logger, int count, int routed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Triage could not classify a batch of {Count} messages; the next sweep retries them")]
    private static partial void LogBatchFailed(ILogger logger, Exception e, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Triage skipped message {MessageId}; the next sweep retries it")]
    private static partial void LogSkipped(ILogger logger, Exception e, Guid messageId);
}
