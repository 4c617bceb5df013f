using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Cases.Deadlines;

public sealed record DeadlineSettingsView(int QuestionDays, int LawInterpretationDays, int SuggestionDays, int GrievanceDays, int OtherDays, double OtherHours,
    string WorkdayStart, string WorkdayEnd, string LunchStart, string LunchEnd, bool ReceiptDayCounts, int Version);

public sealed record ExtraHolidayRequest(DateOnly? Date, string? Name);

public sealed record HolidayView(DateOnly Date, string NameKo, string NameEn, bool Substitute, bool Extra);

/// <summary>Administrators set the periods, the working day and the extra days off; every change is audited.</summary>
public sealed class DeadlineSettingsHandler(IDbContextFactory<SotongDbContext> dbFactory, CaseClock clock, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<DeadlineSettingsView> GetAsync(CancellationToken ct) => View((await clock.CurrentAsync(ct)).Settings);

    public async Task<DeadlineSettingsView> UpdateAsync(DeadlineSettingsView request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var v = new ValidationBuilder();
        foreach (var (field, days) in new[] { ("questionDays", request.QuestionDays), ("lawInterpretationDays", request.LawInterpretationDays), ("suggestionDays", request.SuggestionDays), ("grievanceDays", request.GrievanceDays) })
        {
            v.When(days is < 1 or > 365, field, text["Deadlines.PeriodDays", 1]);
        }
        v.When(request.OtherDays is < 0 or > 365, "otherDays", text["Deadlines.PeriodDays", 0]);
        v.When(request.OtherDays == 0 && request.OtherHours is <= 0 or > 40 || double.IsNaN(request.OtherHours), "otherHours", text["Deadlines.WorkingHours"]);
        var times = new[] { ("workdayStart", request.WorkdayStart), ("workdayEnd", request.WorkdayEnd), ("lunchStart", request.LunchStart), ("lunchEnd", request.LunchEnd) }
            .ToDictionary(t => t.Item1, t => TimeOnly.TryParse(t.Item2, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (TimeOnly?)null);
        foreach (var (field, parsed) in times)
        {
            v.When(parsed is null, field, text["Deadlines.TimeFormat"]);
        }
        v.ThrowIfAny();
        var settings = new DeadlineSettings
        {
            QuestionDays = request.QuestionDays, LawInterpretationDays = request.LawInterpretationDays, SuggestionDays = request.SuggestionDays,
            GrievanceDays = request.GrievanceDays, OtherDays = request.OtherDays, OtherHours = request.OtherHours,
            WorkdayStart = times["workdayStart"]!.Value, WorkdayEnd = times["workdayEnd"]!.Value, LunchStart = times["lunchStart"]!.Value,
            LunchEnd = times["lunchEnd"]!.Value, ReceiptDayCounts = request.ReceiptDayCounts,
        };
        try
        {
            _ = settings.Calendar([]);
        }
        catch (ArgumentException)
        {
            v.Add("lunchStart", text["Deadlines.WorkingDay"]).ThrowIfAny();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<DeadlineSettings>().SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            stored = new DeadlineSettings();
            db.Add(stored);
        }
        else if (stored.Version != request.Version)
        {
            throw new DbUpdateConcurrencyException("The deadline settings changed since they were loaded.");
        }
        var before = View(stored);
        db.Entry(stored).CurrentValues.SetValues(settings);
        stored.Id = DeadlineSettings.SingletonId;
        stored.Version = request.Version + 1;
        // The whole before and after go in the detail (state columns are short).
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(DeadlineSettings), "1", "Changed",
            $"v{before.Version}", $"v{stored.Version}", $"{before} → {View(stored)}");
        await db.SaveChangesAsync(ct);
        clock.Invalidate();
        return View(stored);
    }

    /// <summary>The year's days off as the deadlines count them: public, substitute and extra days.</summary>
    public async Task<IReadOnlyList<HolidayView>> HolidaysAsync(int year, CancellationToken ct)
    {
        new ValidationBuilder().When(year is < KoreanHolidays.MinYear or > KoreanHolidays.MaxYear, "year", text["Deadlines.Year", KoreanHolidays.MinYear, KoreanHolidays.MaxYear]).ThrowIfAny();
        var now = await clock.CurrentAsync(ct);
        var extra = now.Extra.ToDictionary(h => h.Date);
        return [.. now.Calendar.HolidaysIn(year).Select(h => extra.TryGetValue(h.Date, out var x)
            ? new HolidayView(h.Date, x.Name, x.Name, false, true)
            : new HolidayView(h.Date, h.NameKo, h.NameEn, h.Substitute, false))];
    }

    public async Task AddHolidayAsync(ExtraHolidayRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        new ValidationBuilder()
            .When(request.Date is null, "date", text["Deadlines.ChooseDay"])
            .When(string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100, "name", text["Deadlines.NameDay"])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<ExtraHoliday>().AnyAsync(h => h.Date == request.Date, ct))
        {
            throw new RuleViolationException("OneExtraDayPerDate", "That day is already an extra day off.");
        }
        db.Add(new ExtraHoliday { Date = request.Date!.Value, Name = request.Name!.Trim() });
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(ExtraHoliday), request.Date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Added", detail: request.Name.Trim());
        await db.SaveChangesAsync(ct);
        clock.Invalidate();
    }

    public async Task RemoveHolidayAsync(DateOnly date, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.Set<ExtraHoliday>().FirstOrDefaultAsync(h => h.Date == date, ct) ?? throw new NotFoundException("The extra day off");
        db.Remove(day);
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(ExtraHoliday), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Removed", detail: day.Name);
        await db.SaveChangesAsync(ct);
        clock.Invalidate();
    }

    private static DeadlineSettingsView View(DeadlineSettings s) => new(s.QuestionDays, s.LawInterpretationDays, s.SuggestionDays, s.GrievanceDays, s.OtherDays, s.OtherHours,
        s.WorkdayStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.WorkdayEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.LunchStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.LunchEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.ReceiptDayCounts, s.Version);
}

internal static class DeadlineSettingsEndpoints
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/settings/deadlines", async (DeadlineSettingsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithName("GetDeadlineSettings").WithSummary("Periods per complaint type and the working day");
        cases.MapPut("/settings/deadlines", async (DeadlineSettingsView request, ClaimsPrincipal user, DeadlineSettingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(request, StaffContext.From(user), ct)))
            .WithName("UpdateDeadlineSettings").WithSummary("Change the periods and the working day (administrators)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/holidays/{year:int}", async (int year, DeadlineSettingsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HolidaysAsync(year, ct)))
            .WithName("ListHolidays").WithSummary("The year's days off as deadlines count them");
        cases.MapPost("/holidays", async (ExtraHolidayRequest request, ClaimsPrincipal user, DeadlineSettingsHandler handler, CancellationToken ct) =>
            {
                await handler.AddHolidayAsync(request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("AddExtraHoliday").WithSummary("Add an extra day off, such as an election day (administrators)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapDelete("/holidays/{date}", async (DateOnly date, ClaimsPrincipal user, DeadlineSettingsHandler handler, CancellationToken ct) =>
            {
                await handler.RemoveHolidayAsync(date, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveExtraHoliday").WithSummary("Remove an extra day off (administrators)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
