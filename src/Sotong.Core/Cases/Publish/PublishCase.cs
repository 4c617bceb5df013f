using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Cases.Act;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Qna.Publish;

namespace Sotong.Core.Cases.Publish;

/// <summary>Exactly what the public would read, and whether the citizen whose words are shown agreed.</summary>
public sealed record CasePublishPreview(string Title, string Question, string Answer, bool CitizenConsented, bool IsPublished);

public sealed record UnpublishCaseRequest(string? Reason);

public sealed record PublishedCase(Guid AnswerId, string Url);

/// <summary>
/// Publication on the answers portal needs both the citizen's consent (given when they wrote, or later from their link)
/// and an officer's choice. Unpublishing takes it off the portal and keeps every record of it.
/// </summary>
public sealed class PublishCaseHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<CasePublishPreview> PreviewAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await ActOnCaseHandler.LoadAsync(db, id, staff, ct);
        var (question, consented) = await QuestionAsync(db, c.Id, ct);
        var (maskedQuestion, maskedAnswer) = Publication.Preview(question, c.AnswerText ?? string.Empty);
        return new CasePublishPreview(Publication.Preview(c.Title, string.Empty).Question, maskedQuestion, maskedAnswer, consented, c.PublishedAtUtc is not null);
    }

    public async Task<PublishedCase> PublishAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await ActOnCaseHandler.LoadAsync(db, id, staff, ct);
        if (c.AnswerText is null || c.State is not (CaseState.Answered or CaseState.Closed))
        {
            throw new RuleViolationException("PublishAnsweredCases", "Only an answered case can be published.");
        }
        var (question, consented) = await QuestionAsync(db, c.Id, ct);
        if (!consented)
        {
            throw new RuleViolationException("CitizenConsentToPublish", "The citizen has not agreed to publication; ask them (their link has the choice).");
        }
        var division = c.DivisionId is null ? null : await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == c.DivisionId, ct);
        var channel = await (from cm in db.Set<CaseMessage>() join m in db.InboxMessages on cm.MessageId equals m.Id
                             where cm.CaseId == c.Id orderby m.ReceivedAtUtc select m.Channel).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var answer = await Publication.PublishCaseAsync(db, c.Id, new PublicationDraft(
            c.ReceiptNumber, channel.ToString(), c.Title, question, c.AnswerText, c.DivisionId,
            division?.NameKo ?? "시민소통", division?.NameEn ?? "Citizen Communication", c.Topic, StatusOf(c), c.ReceivedAtUtc, c.AnsweredAtUtc!.Value), now, ct);
        c.NotePublication(true, null, now, staff.UserId, staff.DisplayName);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Case), c.Id.ToString(), "Published", detail: answer.Id.ToString());
        await db.SaveChangesAsync(ct);
        return new PublishedCase(answer.Id, $"/answers/{answer.Id}");
    }

    public async Task UnpublishAsync(Guid id, UnpublishCaseRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        new ValidationBuilder()
            .When(string.IsNullOrWhiteSpace(request.Reason), "reason", text["Cases.UnpublishReasonRequired"])
            .When(request.Reason is { Length: > 500 }, "reason", text["Cases.ReasonTooLong", 500])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await ActOnCaseHandler.LoadAsync(db, id, staff, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (!await Publication.UnpublishCaseAsync(db, c.Id, request.Reason!.Trim(), now, ct))
        {
            throw new RuleViolationException("UnpublishPublishedCases", "This case is not on the portal.");
        }
        c.NotePublication(false, request.Reason.Trim(), now, staff.UserId, staff.DisplayName);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Case), c.Id.ToString(), "Unpublished", detail: request.Reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the portal shows for the case's state.</summary>
    public static string StatusOf(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.State switch
        {
            CaseState.Closed => Publication.Closed,
            CaseState.Answered => Publication.Answered,
            _ => Publication.Reopened,
        };
    }

    /// <summary>The question shown is the first citizen's message; it is their consent that counts.</summary>
    private static async Task<(string Question, bool Consented)> QuestionAsync(SotongDbContext db, Guid caseId, CancellationToken ct)
    {
        var first = await (from cm in db.Set<CaseMessage>() join m in db.InboxMessages on cm.MessageId equals m.Id
                           where cm.CaseId == caseId orderby m.ReceivedAtUtc
                           select new { m.Text, m.ConsentToPublish, cm.PublishConsentAtUtc }).FirstAsync(ct);
        return (first.Text, first.ConsentToPublish || first.PublishConsentAtUtc != null);
    }
}

internal static class PublishCaseEndpoints
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}/publish-preview", async (Guid id, ClaimsPrincipal user, PublishCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewAsync(id, StaffContext.From(user), ct)))
            .WithName("PreviewCasePublication").WithSummary("The masked question and answer as the public would read them, and the citizen's consent");
        cases.MapPost("/{id:guid}/publish", async (Guid id, ClaimsPrincipal user, PublishCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PublishAsync(id, StaffContext.From(user), ct)))
            .WithName("PublishCase").WithSummary("Publish the answered case on the public answers portal (needs the citizen's consent)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:guid}/unpublish", async (Guid id, UnpublishCaseRequest request, ClaimsPrincipal user, PublishCaseHandler handler, CancellationToken ct) =>
            {
                await handler.UnpublishAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnpublishCase").WithSummary("Take the case off the portal, with the reason; its history stays")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }
}
