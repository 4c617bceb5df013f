using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Cases.Notify;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;

namespace Sotong.Core.Cases.Deadlines;

/// <summary>
/// Every minute: reminds the officer when an open case has 4 working hours or less left, escalates it to the division
/// head once it is overdue, and marks the 30-day progress notice the citizen is owed. Each happens once per case and
/// is in the case's history and the audit trail.
/// </summary>
public sealed partial class DeadlineWatcher(
    IDbContextFactory<SotongDbContext> dbFactory, CaseClock clock, IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(4);
    public static readonly TimeSpan ProgressNoticeAfter = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away for a moment must not stop the host; the next minute tries again.
                LogFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
            }
        }
    }

    /// <summary>One pass; returns how many notes it made (reminders, escalations, progress notices).</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = (await clock.CurrentAsync(ct)).Calendar;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Four working hours never span more than a long holiday week in calendar time.
        var horizon = now.AddDays(10);
        var progressBefore = now - ProgressNoticeAfter;
        var candidates = await db.Set<Case>().Where(Case.OpenInQueries)
            .Where(c => (c.RemindedAtUtc == null && c.DueAtUtc < horizon) || (c.EscalatedAtUtc == null && c.DueAtUtc < now) || (c.ProgressNoticeAtUtc == null && c.ReceivedAtUtc < progressBefore))
            .OrderBy(c => c.DueAtUtc).Take(1000).ToListAsync(ct);
        var notes = 0;
        var progressNotices = new List<Case>();
        foreach (var c in candidates)
        {
            if (c.DueAtUtc < now && c.Note("Escalated", now))
            {
                notes++;
                db.Audit(now, Case.SystemActor, "Sotong", nameof(Case), c.Id.ToString(), "Escalated", detail: c.DivisionId?.ToString());
            }
            else if (c.DueAtUtc >= now && calendar.WorkingTimeBetween(now, c.DueAtUtc) <= ReminderLead && c.Note("Reminder", now))
            {
                notes++;
                db.Audit(now, Case.SystemActor, "Sotong", nameof(Case), c.Id.ToString(), "Reminder", detail: c.AssignedToId);
            }
            if (c.ReceivedAtUtc < progressBefore && c.Note("ProgressNotice", now))
            {
                notes++;
                progressNotices.Add(c);
                db.Audit(now, Case.SystemActor, "Sotong", nameof(Case), c.Id.ToString(), "ProgressNotice");
            }
        }
        await db.SaveChangesAsync(ct);
        if (progressNotices.Count > 0)
        {
            // Noted first, then sent: a crash in between leaves the note, and the idempotency key stops a second copy.
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<CaseNotices>();
            foreach (var c in progressNotices)
            {
                await sender.ProgressAsync(c, ct);
            }
        }
        if (notes > 0)
        {
            LogNotes(logger, notes);
        }
        return notes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline watcher made {Count} notes (reminders, escalations, progress notices)")]
    private static partial void LogNotes(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline watcher could not check the cases; it tries again shortly")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
