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
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Triage.Decisions;

namespace Sotong.Core.Triage.Grouping;

/// <summary><paramref name="Version"/> is the triage decision's version the officer saw.</summary>
public sealed record UngroupRequest(int Version);

/// <summary>
/// Takes a wrongly grouped message out of its near-duplicate group: it stands alone (a group answer or a case opened
/// from the group no longer takes it in), and messages like it that arrive later join it rather than the old group.
/// A case it is already in keeps it: that is the case officer's to change.
/// </summary>
public sealed class UngroupHandler(IDbContextFactory<SotongDbContext> dbFactory, TriageRecorder recorder, TriageReviewHandler views, InboxNotifier notifier, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<TriageView> UngroupAsync(Guid messageId, UngroupRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        Guid? divisionId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).Where(m => m.Id == messageId)
                .Select(m => new { m.DivisionId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The message");
            divisionId = message.DivisionId;
            var decision = await db.Set<TriageDecision>().FirstOrDefaultAsync(d => d.MessageId == messageId, ct)
                ?? throw new RuleViolationException("NotTriagedYet", text["Triage.Rule.NotTriagedYet"]);
            if (decision.Version != request.Version)
            {
                throw new DbUpdateConcurrencyException("The triage decision changed since it was loaded.");
            }
            var from = decision.GroupId;
            if (!await db.Set<TriageDecision>().AnyAsync(d => d.GroupId == from && d.MessageId != messageId, ct))
            {
                throw new RuleViolationException("UngroupGroupedMessages", text["Triage.Rule.UngroupGroupedMessages"]);
            }
            var to = decision.Ungroup();
            db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(TriageDecision), messageId.ToString(), "Ungrouped", from.ToString(), to.ToString());
            await db.SaveChangesAsync(ct);
            // Saved first: a failed save must not leave this node's index believing something the database does not.
            recorder.Groups.Detach(messageId, to);
        }
        await notifier.PublishAsync(new InboxChange(messageId, divisionId, "triaged"));
        return (await views.ForMessageAsync(messageId, staff, ct))!;
    }
}

internal static class UngroupEndpoints
{
    public static void Map(RouteGroupBuilder triage) =>
        triage.MapPost("/messages/{id:guid}/ungroup", async (Guid id, UngroupRequest request, ClaimsPrincipal user, UngroupHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UngroupAsync(id, request, StaffContext.From(user), ct)))
            .WithName("UngroupMessage")
            .WithSummary("Take a wrongly grouped message out of its near-duplicate group; it stands alone from now on")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
