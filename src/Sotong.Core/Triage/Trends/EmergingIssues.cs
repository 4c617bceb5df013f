using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Triage.Trends;

public sealed record EmergingIssueView(Guid Id, string Topic, string? District, DateTime DetectedAtUtc, DateTime UpdatedAtUtc, int LastHourCount,
    double UsualPerHour, int PeakCount, bool IsOpen, string? AcknowledgedByName);

public sealed class EmergingIssuesHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Open issues first, then the last two days' acknowledged ones.</summary>
    public async Task<IReadOnlyList<EmergingIssueView>> ListAsync(bool openOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-2);
        var issues = db.Set<EmergingIssue>().AsNoTracking().Where(e => e.AcknowledgedAtUtc == null || e.UpdatedAtUtc >= since);
        if (openOnly)
        {
            issues = issues.Where(e => e.AcknowledgedAtUtc == null);
        }
        var list = await issues.OrderByDescending(e => e.UpdatedAtUtc).Take(100).ToListAsync(ct);
        return [.. list.OrderByDescending(e => e.IsOpen).ThenByDescending(e => e.UpdatedAtUtc)
            .Select(e => new EmergingIssueView(e.Id, e.Topic, e.District, e.DetectedAtUtc, e.UpdatedAtUtc, e.LastHourCount, e.UsualPerHour, e.PeakCount, e.IsOpen, e.AcknowledgedByName))];
    }

    /// <summary>How many issues no communications officer has acknowledged yet (the staff menu's badge).</summary>
    public async Task<int> OpenCountAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<EmergingIssue>().CountAsync(e => e.AcknowledgedAtUtc == null, ct);
    }

    public async Task AcknowledgeAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issue = await db.Set<EmergingIssue>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("The emerging issue");
        if (!issue.IsOpen)
        {
            return;
        }
        issue.AcknowledgedAtUtc = time.GetUtcNow().UtcDateTime;
        issue.AcknowledgedByName = staff.DisplayName;
        db.Audit(issue.AcknowledgedAtUtc.Value, staff.UserId, staff.DisplayName, nameof(EmergingIssue), id.ToString(), "Acknowledged");
        await db.SaveChangesAsync(ct);
    }
}

internal static class EmergingIssueEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/emerging", async (bool? openOnly, EmergingIssuesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(openOnly ?? false, ct)))
            .WithName("EmergingIssues")
            .WithSummary("Topics (and topic × district) far busier than usual in the last hour");
        triage.MapPost("/emerging/{id:guid}/acknowledge", async (Guid id, ClaimsPrincipal user, EmergingIssuesHandler handler, CancellationToken ct) =>
            {
                await handler.AcknowledgeAsync(id, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("AcknowledgeEmergingIssue")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
