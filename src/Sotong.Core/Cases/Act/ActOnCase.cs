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
using Sotong.Core.Cases.Notify;
using Sotong.Core.Cases.Publish;
using Sotong.Core.Qna.Publish;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Cases.Act;

/// <summary>
/// One step of a case's workflow. <paramref name="Version"/> is the version the officer loaded; the other fields are
/// what the step needs (a reason for transfers, extensions and withdrawals; the text of an answer; …).
/// </summary>
public sealed record CaseActionRequest(
    int Version,
    string? Reason = null,
    string? StaffId = null,
    Guid? DivisionId = null,
    string? Agency = null,
    string? Text = null,
    DateTime? NewDueAtUtc = null,
    bool CitizenConsented = false,
    Guid? TargetCaseId = null);

public sealed record CaseActionResult(Guid Id, string State, int Version, DateTime DueAtUtc)
{
    /// <summary>For an answer or an extension: what reached each citizen, one entry per attached message.</summary>
    public IReadOnlyList<ReplyDelivery>? Deliveries { get; init; }
}

public sealed class ActOnCaseHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    CaseNotices notices,
    IEnumerable<IRoutingCorrections> corrections,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    /// <summary>The steps, as they appear in the URL.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "assign", "start", "answer", "close", "close-repeated", "transfer", "transfer-out", "extend", "withdraw", "merge", "reopen",
    };

    public async Task<CaseActionResult> ActAsync(Guid id, string action, CaseActionRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!Actions.Contains(action))
        {
            throw new NotFoundException($"The step '{action}'");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadAsync(db, id, staff, ct);
        c.CheckVersion(request.Version);
        var from = c.State;
        var now = time.GetUtcNow().UtcDateTime;
        var (who, name) = (staff.UserId, staff.DisplayName);
        switch (action)
        {
            case "assign":
                var assignee = await AssigneeAsync(db, request.StaffId, c.DivisionId, ct);
                c.Assign(assignee.Id, assignee.Name, now, who, name);
                break;
            case "start":
                c.Start(now, who, name);
                break;
            case "answer":
                c.Answer(request.Text ?? "", now, who, name);
                break;
            case "close":
                c.Close(now, who, name);
                break;
            case "close-repeated":
                c.CloseAsRepeated(request.Reason ?? "", now, who, name);
                break;
            case "transfer":
                var division = request.DivisionId is { } d ? await db.Departments.AsNoTracking().AnyAsync(x => x.Id == d && x.Kind == Organization.DepartmentKind.Division, ct) : false;
                new ValidationBuilder().When(!division, "divisionId", text["Validation.DivisionUnknown"]).ThrowIfAny();
                c.TransferTo(request.DivisionId!.Value, request.Reason ?? "", now, who, name);
                await LearnFromTransferAsync(db, c, now, name, ct);
                break;
            case "transfer-out":
                c.TransferOut(request.Agency ?? "", request.Reason ?? "", now, who, name);
                break;
            case "extend":
                new ValidationBuilder().When(request.NewDueAtUtc is null, "newDueAtUtc", text["Cases.NewDueRequired"]).ThrowIfAny();
                c.Extend(DateTime.SpecifyKind(request.NewDueAtUtc!.Value.ToUniversalTime(), DateTimeKind.Utc), request.Reason ?? "", request.CitizenConsented, now, who, name);
                break;
            case "withdraw":
                c.Withdraw(request.Reason ?? "", now, who, name);
                break;
            case "merge":
                var target = request.TargetCaseId is { } t ? await LoadAsync(db, t, staff, ct) : throw new NotFoundException("The case to merge into");
                c.MergeInto(target, now, who, name);
                var moved = await db.Set<CaseMessage>().Where(m => m.CaseId == c.Id).ToListAsync(ct);
                // The messages go with the matter: the target answers every citizen of both.
                db.RemoveRange(moved);
                db.AddRange(moved.Select(m => new CaseMessage { CaseId = target.Id, MessageId = m.MessageId, AttachedAtUtc = now }));
                break;
            case "reopen":
                c.Reopen(request.Reason ?? "", now, who, name);
                break;
            default:
                throw new NotFoundException($"The step '{action}'");
        }
        if (c.PublishedAtUtc is not null)
        {
            // The portal follows a published case: a new answer replaces the old, a reopened case says so.
            await Publication.FollowCaseAsync(db, c.Id, PublishCaseHandler.StatusOf(c), action == "answer" ? c.AnswerText : null, c.AnsweredAtUtc, ct);
        }
        var reason = c.Events[^1].Reason;
        db.Audit(now, who, name, nameof(Case), c.Id.ToString(), c.Events[^1].Action, from.ToString(), c.State.ToString(), reason is null ? null : TextCut.Cut(reason, 1000));
        await db.SaveChangesAsync(ct);
        var result = new CaseActionResult(c.Id, c.State.ToString(), c.Version, c.DueAtUtc);
        return action switch
        {
            "answer" => result with { Deliveries = await notices.AnswerAsync(c, who, name, ct) },
            "extend" => result with { Deliveries = await notices.ExtendedAsync(c, reason ?? "", who, name, ct) },
            _ => result,
        };
    }

    /// <summary>Sending a case to another division says where each of its messages belongs: a labelled example each.</summary>
    private async Task LearnFromTransferAsync(SotongDbContext db, Case c, DateTime now, string staffName, CancellationToken ct)
    {
        var messages = await (from cm in db.Set<CaseMessage>()
                              join m in db.InboxMessages on cm.MessageId equals m.Id
                              where cm.CaseId == c.Id
                              select new { m.Id, m.Text }).ToListAsync(ct);
        var moved = messages.Select(m => new HandRouted(m.Id, m.Text, c.DivisionId!.Value)).ToList();
        foreach (var learner in corrections)
        {
            await learner.RecordAsync(db, moved, staffName, now, ct);
        }
    }

    /// <summary>A department officer works only on their division's cases; others do not exist for them.</summary>
    internal static async Task<Case> LoadAsync(SotongDbContext db, Guid id, StaffContext staff, CancellationToken ct)
    {
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !staff.MayActOn(c.DivisionId))
        {
            throw new NotFoundException("The case");
        }
        return c;
    }

    private async Task<(string Id, string Name)> AssigneeAsync(SotongDbContext db, string? staffId, Guid? divisionId, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(staffId) ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == staffId, ct);
        new ValidationBuilder().When(user is null, "staffId", text["Validation.StaffUnknown"]).ThrowIfAny();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user!.Id select r.Name).ToListAsync(ct);
        var cityWide = roles.Contains(SotongRoles.Administrator) || roles.Contains(SotongRoles.CommunicationsOfficer);
        if (!cityWide && (divisionId is null || user!.DivisionId != divisionId))
        {
            throw new RuleViolationException("AssigneeInDivision", "Give the case to an officer of its division.");
        }
        return (user!.Id, user.DisplayName);
    }
}

internal static class ActOnCaseEndpoints
{
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/{id:guid}/{action}", async (Guid id, string action, CaseActionRequest request, ClaimsPrincipal user, ActOnCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ActAsync(id, action, request, StaffContext.From(user), ct)))
            .WithName("ActOnCase")
            .WithSummary("Take one workflow step on a case (assign, start, answer, close, close-repeated, transfer, transfer-out, extend, withdraw, merge, reopen)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
