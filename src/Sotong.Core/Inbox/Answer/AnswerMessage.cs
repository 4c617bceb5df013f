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

public sealed class AnswerMessageHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, InboxNotifier notifier, IStringLocalizer<Text> text)
{
    public async Task<int> AnswerAsync(Guid id, AnswerMessageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var answer = request.Text?.Trim() ?? string.Empty;
        new ValidationBuilder()
            .When(answer.Length == 0, "text", text["Validation.AnswerRequired"])
            .When(answer.Length > InboxMessage.MaxTextLength, "text", text["Validation.TextTooLong", InboxMessage.MaxTextLength, answer.Length])
            .ThrowIfAny();

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
        message.RouteTo(request.DivisionId);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), id.ToString(), "Routed", from, request.DivisionId.ToString(), division!.Code);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(id, message.DivisionId, "routed"));
        return message.Version;
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

        inbox.MapPost("/{id:guid}/route", async (Guid id, RouteMessageRequest request, ClaimsPrincipal user, AnswerMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new VersionResponse(await handler.RouteAsync(id, request, StaffContext.From(user), ct))))
            .WithName("RouteInboxMessage")
            .WithSummary("Send a message to a division")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
