using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sotong.Core.Common;

namespace Sotong.Core.Cases.Deadlines;

/// <summary>
/// What administrators set for deadlines: each complaint type's period (days, or working hours when days is 0), the
/// working day and its lunch break, and whether the day of receipt counts (the Civil Petitions Act §19② says it does).
/// </summary>
public sealed class DeadlineSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int QuestionDays { get; set; } = 7;
    public int LawInterpretationDays { get; set; } = 14;
    public int SuggestionDays { get; set; } = 14;
    public int GrievanceDays { get; set; } = 7;
    public int OtherDays { get; set; }
    /// <summary>Used for "other" when its days are 0: answered within these working hours.</summary>
    public double OtherHours { get; set; } = 3;
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(18, 0);
    public TimeOnly LunchStart { get; set; } = new(12, 0);
    public TimeOnly LunchEnd { get; set; } = new(13, 0);
    public bool ReceiptDayCounts { get; set; } = true;
    public int Version { get; set; }

    public CasePeriods Periods() => new()
    {
        Question = ComplaintPeriod.OfDays(QuestionDays),
        LawInterpretation = ComplaintPeriod.OfDays(LawInterpretationDays),
        Suggestion = ComplaintPeriod.OfDays(SuggestionDays),
        Grievance = ComplaintPeriod.OfDays(GrievanceDays),
        Other = OtherDays > 0 ? ComplaintPeriod.OfDays(OtherDays) : ComplaintPeriod.OfHours(OtherHours),
    };

    public WorkingCalendar Calendar(IReadOnlyCollection<DateOnly> extraHolidays) => new(new WorkingCalendarSettings
    {
        WorkdayStart = WorkdayStart, WorkdayEnd = WorkdayEnd, LunchStart = LunchStart, LunchEnd = LunchEnd,
        ReceiptDayCounts = ReceiptDayCounts, ExtraHolidays = extraHolidays,
    });
}

/// <summary>A day off that no rule computes: an election day, a temporary public holiday.</summary>
public sealed class ExtraHoliday
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// This node's calendar and periods, rebuilt from the settings when they change here and re-read every 30 seconds
/// (so a change on another node arrives within that).
/// </summary>
public sealed class CaseClock(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    public sealed record Snapshot(WorkingCalendar Calendar, CasePeriods Periods, DeadlineSettings Settings, IReadOnlyList<ExtraHoliday> Extra, DateTimeOffset ReadAt);

    public async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.ReadAt < Freshness)
        {
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && time.GetUtcNow() - current.ReadAt < Freshness)
            {
                return current;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var settings = await db.Set<DeadlineSettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new DeadlineSettings();
            var extra = await db.Set<ExtraHoliday>().AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
            _current = new Snapshot(settings.Calendar([.. extra.Select(h => h.Date)]), settings.Periods(), settings, extra, time.GetUtcNow());
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a change on this node: the next call reads the settings again.</summary>
    public void Invalidate() => _current = null;
}

internal sealed class DeadlineSettingsConfiguration : IEntityTypeConfiguration<DeadlineSettings>
{
    public void Configure(EntityTypeBuilder<DeadlineSettings> b)
    {
        b.ToTable("cases_deadline_setting");
        b.HasKey(s => s.Id);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ExtraHolidayConfiguration : IEntityTypeConfiguration<ExtraHoliday>
{
    public void Configure(EntityTypeBuilder<ExtraHoliday> b)
    {
        b.ToTable("cases_extra_holiday");
        b.HasKey(h => h.Date);
        b.Property(h => h.Name).HasMaxLength(100);
    }
}
