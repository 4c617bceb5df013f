using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Messaging;

namespace Sotong.Core.Campaigns.Workflow;

/// <summary>One workflow step. <paramref name="Version"/> is the version the officer loaded; a return needs the reason.</summary>
public sealed record CampaignActionRequest(int Version, string? Reason = null);

/// <summary>The campaign after the step; <paramref name="Withdrawn"/> is how many queued messages a stop took back.</summary>
public sealed record CampaignActionResult(Guid Id, string State, int Version, int? Withdrawn = null);

/// <summary>
/// Submit (to approval, or straight to approved/scheduled when approval is off), approve, return with a reason, cancel
/// before it starts, stop while it sends. An approval to go now pokes the scheduler, which starts it at once.
/// </summary>
public sealed class CampaignWorkflowHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    CampaignPolicy policy,
    Outbox outbox,
    CampaignScheduler scheduler,
    TimeProvider time)
{
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal) { "submit", "approve", "return", "cancel", "stop" };

    public async Task<CampaignActionResult> ActAsync(Guid id, string action, CampaignActionRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!Actions.Contains(action))
        {
            throw new NotFoundException($"The step '{action}'");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        c.CheckVersion(request.Version);
        var from = c.State;
        var now = time.GetUtcNow().UtcDateTime;
        string audited;
        string? detail = null;
        switch (action)
        {
            case "submit":
                c.Sender = policy.ShortNumber;
                await RequireRegisteredSenderAsync(db, c.Sender, ct);
                c.RequestSending(policy.RequireApproval, now);
                audited = c.State switch
                {
                    CampaignState.PendingApproval => "SubmittedForApproval",
                    CampaignState.Scheduled => "Scheduled",
                    _ => "SendRequested",
                };
                detail = Timing(c, now);
                break;
            case "approve":
                RequireCityWide(staff);
                c.Approve(now, staff.UserId, staff.DisplayName);
                audited = "Approved";
                detail = Timing(c, now);
                break;
            case "return":
                RequireCityWide(staff);
                c.ReturnToAuthor(request.Reason ?? "", now);
                audited = "Returned";
                detail = c.ReturnReason;
                break;
            case "cancel":
                c.Cancel(request.Reason, now);
                audited = "Cancelled";
                detail = c.CancelReason;
                break;
            case "stop":
                c.Stop(now);
                audited = "Stopped";
                break;
            default:
                throw new NotFoundException($"The step '{action}'");
        }
        CampaignAccess.Audit(db, now, staff.UserId, staff.DisplayName, c, audited, from, detail);
        await db.SaveChangesAsync(ct);

        int? withdrawn = null;
        if (action == "stop" && c.BatchId is { } batchId)
        {
            // After the state is saved, so a start still writing recipients sees the stop and withdraws them too.
            withdrawn = await outbox.CancelQueuedAsync(batchId, ct);
            CampaignAccess.Audit(db, time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, c, "QueueWithdrawn", c.State, $"{withdrawn} message(s) not yet sent were withdrawn");
            await db.SaveChangesAsync(ct);
        }
        if (c.State == CampaignState.Approved)
        {
            scheduler.Poke();
        }
        return new CampaignActionResult(c.Id, c.State.ToString(), c.Version, withdrawn);
    }

    /// <summary>The carriers refuse an unregistered sender, and so does the outbox: say so before anything is approved.</summary>
    private static async Task RequireRegisteredSenderAsync(SotongDbContext db, string sender, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(sender) || !await db.Set<SenderNumber>().AsNoTracking().AnyAsync(s => s.Number == sender && s.IsActive, ct))
        {
            throw new RuleViolationException("SenderRegistered",
                $"The short number '{sender}' is not a registered sender number (Channels:Sms:ShortNumber, registered under Messaging).");
        }
    }

    private static void RequireCityWide(StaffContext staff)
    {
        if (!staff.SeesAllDivisions)
        {
            throw new RuleViolationException("ApproversAreCityWide", "Campaigns are approved by city-wide staff (communications officers or administrators).");
        }
    }

    private string? Timing(Campaign c, DateTime now)
    {
        var at = c.ScheduledForUtc is { } s && s > now ? s : now;
        var sendsFrom = policy.QuietHours.EarliestSendUtc(at, c.Urgent);
        return c.ScheduledForUtc is { } scheduled && scheduled > now
            ? $"Scheduled for {SeoulTime.Format(scheduled)}" + (sendsFrom > scheduled ? $", held for quiet hours until {SeoulTime.Format(sendsFrom)}" : "")
            : sendsFrom > now ? $"Held for quiet hours until {SeoulTime.Format(sendsFrom)}" : null;
    }
}

internal static class CampaignWorkflowEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        foreach (var action in new[] { "submit", "cancel", "stop" })
        {
            Map(campaigns, action);
        }
        // Approving and returning are city-wide work: the policy says so before the handler does.
        Map(campaigns, "approve").RequireAuthorization(SotongPolicies.CityWide);
        Map(campaigns, "return").RequireAuthorization(SotongPolicies.CityWide);
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder campaigns, string action) =>
        campaigns.MapPost($"/{{id:guid}}/{action}", async (Guid id, CampaignActionRequest request, ClaimsPrincipal user, CampaignWorkflowHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ActAsync(id, action, request, StaffContext.From(user), ct)))
            .WithName($"Campaign{char.ToUpperInvariant(action[0])}{action[1..]}")
            .WithSummary(action switch
            {
                "submit" => "Ask for the campaign to go: to a second officer for approval, or (approval off) approved or scheduled at once",
                "approve" => "Approve a campaign (a city-wide officer who is not its author); one to go now starts at once",
                "return" => "Send a campaign back to its author with the reason; it is a draft again",
                "cancel" => "Cancel a campaign that has not started",
                _ => "Stop a campaign while it sends: what has not gone yet is withdrawn from the outbox",
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
