using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Common;
using Sotong.Core.Inbox.Browse;

namespace Sotong.Core.Inbox.Answer;

/// <summary>The officer's answer; <paramref name="Version"/> is what they loaded, so a colleague's edit is not overwritten.</summary>
public sealed record AnswerMessageRequest(string? Text, int Version);

public sealed record RouteMessageRequest(Guid DivisionId, int Version);

/// <summary>Assign to a staff member (by id); a department officer may assign within their division, or take it themselves.</summary>
public sealed record AssignMessageRequest(string? StaffId, int Version);

public sealed record AssignableOfficer(string Id, string DisplayName);

public sealed class AnswerMessageHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    TimeProvider time,
    InboxNotifier notifier,
    IEnumerable<IRoutingCorrections> corrections,
    IStringLocalizer<Text> text)
{
    public async Task<int> AnswerAsync(Guid id, AnswerMessageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var answer = AnswerText.Validated(request.Text, text);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await LoadForChangeAsync(db, id, request.Version, staff, ct);
        var from = message.Status;
        var now = time.GetUtcNow().UtcDateTime;
        message.Answer(answer, staff.UserId, staff.DisplayName, now);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), id.ToString(), "Answered", from.ToString(), message.Status.ToString());
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(id, message.DivisionId, "answered"));
        return message.Version;
    }

    public async Task<int> RouteAsync(Guid id, RouteMessageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var division = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DivisionId && d.Kind == Organization.DepartmentKind.Division, ct);
        new ValidationBuilder().When(division is null, "divisionId", text["Validation.DivisionUnknown"]).ThrowIfAny();
        var message = await LoadForChangeAsync(db, id, request.Version, staff, ct);
        var from = message.DivisionId?.ToString();
        var now = time.GetUtcNow().UtcDateTime;
        var moved = message.DivisionId != request.DivisionId;
        message.RouteTo(request.DivisionId);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), id.ToString(), "Routed", from, request.DivisionId.ToString(), division!.Code);
        if (moved)
        {
            // A person's choice of division is a labelled example for the next model.
            foreach (var learner in corrections)
            {
                await learner.RecordAsync(db, [new HandRouted(message.Id, message.Text, request.DivisionId)], staff.DisplayName, now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(id, message.DivisionId, "routed"));
        return message.Version;
    }

    public async Task<int> AssignAsync(Guid id, AssignMessageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignee = string.IsNullOrEmpty(request.StaffId) ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.StaffId, ct);
        new ValidationBuilder().When(assignee is null, "staffId", text["Validation.StaffUnknown"]).ThrowIfAny();
        var message = await LoadForChangeAsync(db, id, request.Version, staff, ct);
        var assigneeRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == assignee!.Id select r.Name).ToListAsync(ct);
        var from = message.AssignedToName;
        var now = time.GetUtcNow().UtcDateTime;
        message.AssignTo(assignee!.Id, assignee.DisplayName, assignee.DivisionId,
            assigneeRoles.Contains(SotongRoles.Administrator) || assigneeRoles.Contains(SotongRoles.CommunicationsOfficer));
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), id.ToString(), "Assigned", from, assignee.DisplayName);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(id, message.DivisionId, "assigned"));
        return message.Version;
    }

    /// <summary>Who a message can be assigned to: the officers of its division, and city-wide staff.</summary>
    public async Task<IReadOnlyList<AssignableOfficer>> AssignableAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("The message");
        var officers = from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where (r.Name == SotongRoles.DepartmentOfficer && u.DivisionId != null && u.DivisionId == message.DivisionId)
                             || r.Name == SotongRoles.CommunicationsOfficer
                       select new { u.Id, u.DisplayName };
        // Distinct over a plain projection (a record constructor cannot be translated to SQL).
        var rows = await officers.Distinct().OrderBy(o => o.DisplayName).ToListAsync(ct);
        return [.. rows.Select(o => new AssignableOfficer(o.Id, o.DisplayName))];
    }

    internal static async Task<InboxMessage> LoadForChangeAsync(SotongDbContext db, Guid id, int version, StaffContext staff, CancellationToken ct)
    {
        var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages, staff).FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("The message");
        if (message.Version != version)
        {
            throw new DbUpdateConcurrencyException("The message changed since it was loaded.");
        }
        return message;
    }
}

/// <summary>The message's concurrency version after a change; send it back with the next change.</summary>
public sealed record VersionResponse(int Version);

internal static class AnswerMessageEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapPost("/{id:guid}/answer", async (Guid id, AnswerMessageRequest request, ClaimsPrincipal user, AnswerMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new VersionResponse(await handler.AnswerAsync(id, request, StaffContext.From(user), ct))))
            .WithName("AnswerInboxMessage")
            .WithSummary("Answer a message")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        inbox.MapPost("/{id:guid}/assign", async (Guid id, AssignMessageRequest request, ClaimsPrincipal user, AnswerMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new VersionResponse(await handler.AssignAsync(id, request, StaffContext.From(user), ct))))
            .WithName("AssignInboxMessage")
            .WithSummary("Assign a message to an officer")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        inbox.MapPost("/{id:guid}/route", async (Guid id, RouteMessageRequest request, ClaimsPrincipal user, AnswerMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new VersionResponse(await handler.RouteAsync(id, request, StaffContext.From(user), ct))))
            .WithName("RouteInboxMessage")
            .WithSummary("Send a message to a division")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
