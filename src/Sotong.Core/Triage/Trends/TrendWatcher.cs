using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Triage.Decisions;

namespace Sotong.Core.Triage.Trends;

/// <summary>Tells open staff screens that an emerging issue appeared or grew.</summary>
public sealed class TrendNotifier
{
    public event Func<EmergingIssue, Task>? Emerged;

    public async Task PublishAsync(EmergingIssue issue)
    {
        if (Emerged is { } handlers)
        {
            foreach (var h in handlers.GetInvocationList().Cast<Func<EmergingIssue, Task>>())
            {
                try
                {
                    await h(issue);
                }
                catch (ObjectDisposedException)
                {
                    // A screen closed while we told it.
                }
            }
        }
    }
}

/// <summary>
/// Once a minute: each topic's (and topic × district's) messages in the last 60 minutes against its usual hourly
/// level over the week before. A spike opens an emerging issue (or refreshes the open one) and tells communications
/// officers' screens at once.
/// </summary>
public sealed partial class TrendWatcher(IDbContextFactory<SotongDbContext> dbFactory, TrendNotifier notifier, TimeProvider time, ILogger<TrendWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Baseline = TimeSpan.FromDays(7);
    private static readonly TimeSpan SameIssue = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCheckFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check at the current time; returns the issues it opened or that grew (those are announced).</summary>
    public async Task<IReadOnlyList<EmergingIssue>> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Set<TriageSettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new TriageSettings();
        var since = now.AddHours(-1);
        var byTopic = await db.Set<TriageDecision>().Where(d => d.ReceivedAtUtc >= since)
            .GroupBy(d => d.Topic).Select(g => new { Topic = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byDistrict = await db.Set<TriageDecision>().Where(d => d.ReceivedAtUtc >= since && d.District != null)
            .GroupBy(d => new { d.Topic, d.District }).Select(g => new { g.Key.Topic, g.Key.District, Count = g.Count() }).ToListAsync(ct);
        var current = byTopic.Select(t => (t.Topic, District: "", t.Count))
            .Concat(byDistrict.Select(t => (t.Topic, District: t.District!, t.Count)))
            .Where(c => c.Count >= settings.SpikeMinimum).ToList();
        if (current.Count == 0)
        {
            return [];
        }
        var thisHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var to = thisHour.AddHours(-1);
        var from = to - Baseline;
        var topics = current.Select(c => c.Topic).Distinct().ToList();
        var history = await db.Set<HourlyCount>().AsNoTracking().Where(h => h.HourUtc >= from && h.HourUtc < to && topics.Contains(h.Topic)).ToListAsync(ct);
        var hours = (int)Baseline.TotalHours;
        var opened = new List<EmergingIssue>();
        foreach (var (topic, district, count) in current)
        {
            var counts = history.Where(h => h.Topic == topic && h.District == district).Select(h => h.Count).ToList();
            counts.AddRange(Enumerable.Repeat(0, Math.Max(0, hours - counts.Count)));
            var verdict = SpikeDetector.Check(count, counts, settings.SpikeRatio, settings.SpikeMinimum);
            if (!verdict.IsSpike)
            {
                continue;
            }
            var key = district.Length == 0 ? null : district;
            var issue = await db.Set<EmergingIssue>()
                .Where(e => e.Topic == topic && e.District == key && e.AcknowledgedAtUtc == null && e.UpdatedAtUtc >= now - SameIssue)
                .OrderByDescending(e => e.UpdatedAtUtc).FirstOrDefaultAsync(ct);
            var news = issue is null || count > issue.PeakCount;
            if (issue is null)
            {
                issue = new EmergingIssue { Topic = topic, District = key, DetectedAtUtc = now };
                db.Add(issue);
                db.Audit(now, TriageWorker.TriageActor, "Sotong triage", nameof(EmergingIssue), issue.Id.ToString(), "Detected", detail: $"{topic} {district} {count}/h vs {verdict.Expected}/h");
                LogSpike(logger, topic, district, count, verdict.Expected);
            }
            issue.UpdatedAtUtc = now;
            issue.LastHourCount = count;
            issue.UsualPerHour = verdict.Expected;
            issue.PeakCount = Math.Max(issue.PeakCount, count);
            if (news)
            {
                opened.Add(issue);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var issue in opened)
        {
            await notifier.PublishAsync(issue);
        }
        return opened;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emerging issue: {Topic} {District} has {Count} messages in the last hour against {Usual} usually")]
    private static partial void LogSpike(ILogger logger, string topic, string district, int count, double usual);

    [LoggerMessage(Level = LogLevel.Error, Message = "The emerging-issue check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception e);
}
