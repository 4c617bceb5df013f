using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Data;
using Sotong.Core.Inbox;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Grouping;

namespace Sotong.Core.Triage.Decisions;

/// <summary>What triage decided for a batch of messages, before it is written.</summary>
public sealed class DecisionBatch
{
    public List<InboxMessage> Messages { get; } = [];
    public List<TriageDecision> Decisions { get; } = [];
    public List<InboxMessage> Routed { get; } = [];
    public Dictionary<(DateTime Hour, string Topic, string District), int> Hourly { get; } = [];
}

/// <summary>A message's classification and fingerprint, worked out before it reaches the writer.</summary>
public sealed record PreparedMessage(Classification Classification, Fingerprint Print);

/// <summary>
/// Decides and records triage for messages, the same way wherever it runs: in the intake's transaction as a message
/// is stored, or in the worker for anything stored before a model was live. Owns this node's near-duplicate index.
/// </summary>
public sealed class TriageRecorder(IEnumerable<IGroupArrivals> arrivals)
{
    private readonly IGroupArrivals[] _arrivals = [.. arrivals];

    public const string TriageActor = "triage";
    public static readonly TimeSpan GroupingWindow = TimeSpan.FromDays(3);

    // Below this many messages one core classifies faster than handing work out.
    private const int ParallelFrom = 16;

    private volatile bool _ready;

    public NearDuplicateIndex Groups { get; } = new(GroupingWindow);

    /// <summary>True once the index holds the last days' groups (the worker rebuilds it on start).</summary>
    public bool Ready => _ready;

    public void MarkReady() => _ready = true;

    /// <summary>The order-free work for one text: what the classifier says and its near-duplicate fingerprint.</summary>
    public static PreparedMessage Prepare(TriageSnapshot snapshot, string text)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new PreparedMessage(snapshot.Classify(text), Fingerprint.Of(text));
    }

    /// <summary>
    /// Labels, routes (or queues for review) and groups the messages, oldest first; changes them in place.
    /// <paramref name="prepared"/>, when given, holds each message's <see cref="Prepare"/> (same order, null where not done).
    /// </summary>
    public DecisionBatch Decide(TriageSnapshot snapshot, IReadOnlyList<InboxMessage> messages, DateTime nowUtc, IReadOnlyList<PreparedMessage?>? prepared = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(messages);
        var work = new PreparedMessage?[messages.Count];
        var missing = new List<int>();
        for (var i = 0; i < messages.Count; i++)
        {
            work[i] = prepared is not null && i < prepared.Count ? prepared[i] : null;
            if (work[i] is null)
            {
                missing.Add(i);
            }
        }
        if (missing.Count >= ParallelFrom)
        {
            Parallel.ForEach(missing, i => work[i] = Prepare(snapshot, messages[i].Text));
        }
        else
        {
            foreach (var i in missing)
            {
                work[i] = Prepare(snapshot, messages[i].Text);
            }
        }
        var batch = new DecisionBatch();
        foreach (var i in Enumerable.Range(0, messages.Count).OrderBy(i => messages[i].ReceivedAtUtc))
        {
            var (message, c) = (messages[i], work[i]!.Classification);
            var decision = TriageDecision.From(message.Id, message.ReceivedAtUtc, c, snapshot.ConfidenceThreshold, nowUtc);
            if (message.DivisionId is { } existing)
            {
                // Someone (the citizen's form, an officer) already chose: triage labels it and leaves the division.
                decision.DivisionId = existing;
                decision.DivisionSource = DivisionSource.Arrival;
                decision.DivisionConfidence = 1;
                decision.Confidence = Math.Min(c.KindConfidence, c.TopicConfidence);
                decision.State = TriageState.Routed;
            }
            else if (decision.State == TriageState.Routed && decision.DivisionId is { } division && message.Status == MessageStatus.Received)
            {
                message.RouteTo(division);
                batch.Routed.Add(message);
            }
            message.Label(c.Kind, c.Topic);
            decision.GroupId = Groups.Add(message.Id, c.Topic, work[i]!.Print, message.ReceivedAtUtc);
            batch.Messages.Add(message);
            batch.Decisions.Add(decision);
            var at = message.ReceivedAtUtc;
            var hour = new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);
            foreach (var key in new[] { (hour, c.Topic, ""), (hour, c.Topic, c.District ?? "") }.Distinct())
            {
                batch.Hourly[key] = batch.Hourly.GetValueOrDefault(key) + 1;
            }
        }
        return batch;
    }

    /// <summary>A failed save: nothing may join groups rooted in messages that have no decision.</summary>
    public void Forget(DecisionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Groups.Forget(batch.Messages.Select(m => m.Id));
    }

    /// <summary>
    /// Saves what the context tracks (the worker's updated messages), then writes the decisions, the routing audit
    /// and the hourly counts, and tells the modules that listen which messages joined an existing group; the caller
    /// owns the transaction (and has written the messages or tracks them).
    /// </summary>
    public async Task WriteAsync(SotongDbContext db, DecisionBatch batch, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var audit = batch.Routed.Select(m => new AuditEntry
        {
            AtUtc = nowUtc, ActorId = TriageActor, ActorName = "Sotong triage", EntityType = nameof(InboxMessage), EntityId = m.Id.ToString(),
            Action = "Routed", ToState = m.DivisionId?.ToString(),
        }).ToList();
        if (db.Database.IsNpgsql())
        {
            // A burst of webhooks brings hundreds of decisions a batch: COPY rather than one INSERT each.
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await BulkCopy.CopyAsync(db, batch.Decisions, ct);
            await BulkCopy.CopyAsync(db, audit, ct);
        }
        else
        {
            db.AddRange(batch.Decisions);
            db.AuditEntries.AddRange(audit);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        await CountAsync(db, batch.Hourly, ct);
        var joined = batch.Decisions.Where(d => d.GroupId != d.MessageId).Select(d => new GroupArrival(d.MessageId, d.GroupId)).ToList();
        if (joined.Count > 0)
        {
            foreach (var listener in _arrivals)
            {
                await listener.JoinedAsync(db, joined, nowUtc, ct);
            }
        }
    }

    /// <summary>
    /// Adds counts to the hourly table in one upsert (the district "" row is the topic's total). Rows go in key order
    /// so two writers adding to the same hours lock them in the same order.
    /// </summary>
    private static async Task CountAsync(SotongDbContext db, Dictionary<(DateTime Hour, string Topic, string District), int> counts, CancellationToken ct)
    {
        const int RowsPerStatement = 200;
        var rows = counts.OrderBy(c => c.Key.Hour).ThenBy(c => c.Key.Topic, StringComparer.Ordinal).ThenBy(c => c.Key.District, StringComparer.Ordinal).ToList();
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var chunk = rows.Skip(start).Take(RowsPerStatement).ToList();
            var sql = new StringBuilder("INSERT INTO triage_hourly_count (\"HourUtc\", \"Topic\", \"District\", \"Count\") VALUES ");
            var parameters = new object[chunk.Count * 4];
            for (var i = 0; i < chunk.Count; i++)
            {
                var p = i * 4;
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}})");
                (parameters[p], parameters[p + 1], parameters[p + 2], parameters[p + 3]) = (chunk[i].Key.Hour, chunk[i].Key.Topic, chunk[i].Key.District, chunk[i].Value);
            }
            sql.Append(" ON CONFLICT (\"HourUtc\", \"Topic\", \"District\") DO UPDATE SET \"Count\" = triage_hourly_count.\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
