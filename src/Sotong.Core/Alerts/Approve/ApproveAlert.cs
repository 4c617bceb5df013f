using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Alerts.Author;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Alerts.Issue;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Links;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Organization.Staff;

namespace Sotong.Core.Alerts.Approve;

/// <summary>Approval: the version the approver loaded and the current code from their authenticator app.</summary>
public sealed record ApproveAlertRequest(int Version, string? Code);

public sealed record RejectAlertRequest(int Version, string Reason);

/// <summary>
/// The second person. An alert approver who is not the author, with two-factor authentication turned on, types a
/// current code; the alert is then issued: its CAP document is fixed, the message it follows is marked superseded,
/// and the issuer is told to hand it to every channel at once.
/// </summary>
public sealed class ApproveAlertHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    ISecondFactor secondFactor,
    AlertSettings settings,
    AlertIssuer issuer,
    IConfiguration configuration,
    TimeProvider time)
{
    public async Task<AlertView> ApproveAsync(Guid id, ApproveAlertRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.Roles.Contains(SotongRoles.AlertApprover))
        {
            throw new RuleViolationException("AlertApproverRole", "Only alert approvers approve alerts.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await AuthorAlertHandler.LoadAsync(db, id, ct);
        alert.CheckVersion(request.Version);
        if (string.Equals(alert.AuthorId, staff.UserId, StringComparison.Ordinal))
        {
            // Before the code is even looked at: the author's own code must not be spent (or counted as a failure) here.
            throw new RuleViolationException("TwoPersonRule", "The author of an alert cannot approve it: a second alert approver must.");
        }
        if (alert.State != AlertState.PendingApproval)
        {
            throw new RuleViolationException("AlertNotPending", $"The alert is {alert.State}: only an alert awaiting approval can be approved.");
        }
        var userId = Guid.Parse(staff.UserId);
        var now = time.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            throw new RuleViolationException("SecondFactorRequired", "Type the current code from your authenticator app to approve an alert.");
        }
        var check = await secondFactor.VerifyAsync(userId, request.Code, ct);
        if (check != SecondFactorResult.Ok)
        {
            AuthorAlertHandler.Audit(db, now, staff, alert, "ApprovalRefused", alert.State, check.ToString());
            await db.SaveChangesAsync(ct);
            throw check switch
            {
                SecondFactorResult.NotEnrolled => new RuleViolationException("SecondFactorRequired",
                    "Approving alerts needs two-factor authentication: turn it on at /staff/account/two-factor first."),
                SecondFactorResult.Reused => new RuleViolationException("SecondFactorReused", "That code was already used; wait for the next one."),
                SecondFactorResult.LockedOut => new RuleViolationException("SecondFactorLocked", "Too many wrong codes: two-factor authentication is locked for a while."),
                SecondFactorResult.Invalid => new RuleViolationException("SecondFactorInvalid", "The code is not the current one."),
                SecondFactorResult.Ok => new InvalidOperationException("unreachable"),
            };
        }

        var from = alert.State;
        alert.Issue(now, staff.UserId, staff.DisplayName);
        // CAP lists every earlier message of the chain in references, oldest first.
        var chain = await AlertChain.EarlierAsync(db.Set<Alert>(), alert, ct);
        var cap = AlertCap.Build(alert, now, [.. chain.Select(c => new CapReference(settings.Sender, c.Identifier, SeoulTime.WithOffset(c.IssuedAtUtc!.Value)))], settings,
            PublicAddress.Of(configuration));
        var problems = CapRules.Validate(cap);
        if (problems.Count > 0)
        {
            throw new RuleViolationException("CapInvalid", "The alert would not be a valid CAP message: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));
        }
        alert.CapDocument = CapXml.Write(cap);
        if (CapSchema.Check(alert.CapDocument) is { Count: > 0 } invalid)
        {
            throw new RuleViolationException("CapInvalid", "The alert would not be valid against the CAP 1.2 schema: " + string.Join("; ", invalid));
        }
        if (chain.Count > 0)
        {
            var previous = chain[^1];
            if (previous.SupersededById is not null)
            {
                throw new RuleViolationException("FollowsLatest", "The alert this one follows was already updated or cancelled by another message.");
            }
            previous.SupersededById = alert.Id;
            previous.Version++;
        }
        AuthorAlertHandler.Audit(db, now, staff, alert, "Issued", from, $"{alert.Status} {alert.MsgType} {alert.Identifier}");
        await db.SaveChangesAsync(ct);
        issuer.Poke();
        return AlertView.Of(alert);
    }

    public async Task<AlertView> RejectAsync(Guid id, RejectAlertRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.Roles.Contains(SotongRoles.AlertApprover))
        {
            throw new RuleViolationException("AlertApproverRole", "Only alert approvers reject alerts.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await AuthorAlertHandler.LoadAsync(db, id, ct);
        alert.CheckVersion(request.Version);
        var now = time.GetUtcNow().UtcDateTime;
        var from = alert.State;
        alert.Reject(request.Reason, now);
        AuthorAlertHandler.Audit(db, now, staff, alert, "Rejected", from, alert.RejectReason);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }
}

internal static class ApproveAlertEndpoints
{
    public static void Map(RouteGroupBuilder alerts)
    {
        alerts.MapPost("/{id:guid}/approve", async (Guid id, ApproveAlertRequest request, ClaimsPrincipal user, ApproveAlertHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ApproveAsync(id, request, StaffContext.From(user), ct)))
            .RequireAuthorization(SotongPolicies.AlertApproval)
            .WithName("ApproveAlert").WithSummary("Approves and issues an alert: a second person, with a current authenticator code.");
        alerts.MapPost("/{id:guid}/reject", async (Guid id, RejectAlertRequest request, ClaimsPrincipal user, ApproveAlertHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RejectAsync(id, request, StaffContext.From(user), ct)))
            .RequireAuthorization(SotongPolicies.AlertApproval)
            .WithName("RejectAlert").WithSummary("Returns an alert to its author with a reason.");
    }
}
