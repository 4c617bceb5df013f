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
using Sotong.Core.Qna.Publish;

namespace Sotong.Core.Cases.Citizen;

/// <summary>The citizen's view of their case through the link in every answer and notice: no account, just the key.</summary>
public sealed record CitizenCaseView(
    string ReceiptNumber, string Title, CaseState State, string Question, DateTime ReceivedAtUtc, DateTime DueAtUtc,
    string? Answer, DateTime? AnsweredAtUtc, int? Rating, bool MayRate, bool MayAskMore, bool PublishConsent, bool IsPublished);

public sealed record RateAnswerRequest(int? Rating);

public sealed record AskMoreRequest(string? Reason);

public sealed record PublishConsentRequest(bool Consent);

public sealed class CitizenCaseHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    public const string CitizenActor = "citizen";

    public async Task<CitizenCaseView> GetAsync(string token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, c) = await FindAsync(db, token, ct);
        var question = await db.InboxMessages.AsNoTracking().Where(m => m.Id == link.MessageId).Select(m => m.Text).FirstAsync(ct);
        // The page is reached by a link that may be forwarded: the citizen's own personal data is masked there too.
        return new CitizenCaseView(c.ReceiptNumber, PersonalDataMasker.Mask(c.Title), c.State, PersonalDataMasker.Mask(question), c.ReceivedAtUtc, c.DueAtUtc,
            c.AnswerText, c.AnsweredAtUtc, link.Rating, MayRate(c), MayAskMore(c), link.PublishConsentAtUtc is not null, c.PublishedAtUtc is not null);
    }

    public async Task RateAsync(string token, RateAnswerRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        new ValidationBuilder().When(request.Rating is not (>= 1 and <= 5), "rating", text["Cases.RatingRange"]).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, c) = await FindAsync(db, token, ct);
        if (!MayRate(c))
        {
            throw new RuleViolationException("RateAnAnswer", "There is no answer to rate yet.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var before = link.Rating;
        link.Rating = request.Rating;
        link.RatedAtUtc = now;
        db.Audit(now, CitizenActor, "Citizen", nameof(Case), c.Id.ToString(), "Rated", before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Rating!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The citizen is not satisfied: the case goes back to its officer with the citizen's words as the reason.</summary>
    public async Task AskMoreAsync(string token, AskMoreRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        new ValidationBuilder()
            .When(string.IsNullOrWhiteSpace(request.Reason), "reason", text["Cases.AskMoreReasonRequired"])
            .When(request.Reason is { Length: > Case.MaxReasonLength }, "reason", text["Cases.ReasonTooLong", Case.MaxReasonLength])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, c) = await FindAsync(db, token, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var from = c.State;
        c.Reopen("추가 답변 요청: " + request.Reason!.Trim(), now, CitizenActor, "Citizen");
        db.Audit(now, CitizenActor, "Citizen", nameof(Case), c.Id.ToString(), "AdditionalAnswerRequested", from.ToString(), c.State.ToString());
        if (c.PublishedAtUtc is not null)
        {
            await Publication.FollowCaseAsync(db, c.Id, Publication.Reopened, null, null, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task ConsentAsync(string token, PublishConsentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (link, c) = await FindAsync(db, token, ct);
        var now = time.GetUtcNow().UtcDateTime;
        link.PublishConsentAtUtc = request.Consent ? now : null;
        if (!request.Consent && c.PublishedAtUtc is not null)
        {
            // Withdrawing consent takes the case off the portal at once; the history says why.
            const string reason = "시민 공개 동의 철회 / consent withdrawn";
            await Publication.UnpublishCaseAsync(db, c.Id, reason, now, ct);
            c.NotePublication(false, reason, now, CitizenActor, "Citizen");
        }
        db.Audit(now, CitizenActor, "Citizen", nameof(Case), c.Id.ToString(), request.Consent ? "PublishConsentGiven" : "PublishConsentWithdrawn");
        await db.SaveChangesAsync(ct);
    }

    private static bool MayRate(Case c) => c.AnswerText is not null && c.State is CaseState.Answered or CaseState.Closed;

    private static bool MayAskMore(Case c) => c.State is CaseState.Answered or CaseState.Closed;

    private static async Task<(CaseMessage Link, Case Case)> FindAsync(SotongDbContext db, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length != CaseMessage.TokenLength)
        {
            throw new NotFoundException("The case");
        }
        var link = await db.Set<CaseMessage>().FirstOrDefaultAsync(m => m.CitizenToken == token, ct) ?? throw new NotFoundException("The case");
        var c = await db.Set<Case>().FirstAsync(x => x.Id == link.CaseId, ct);
        // A merged case answers through the case it was merged into.
        while (c is { State: CaseState.Merged, MergedIntoId: { } target })
        {
            c = await db.Set<Case>().FirstAsync(x => x.Id == target, ct);
        }
        return (link, c);
    }
}

internal static class CitizenCaseEndpoints
{
    public static void Map(RouteGroupBuilder mine)
    {
        mine.MapGet("/{token}", async (string token, CitizenCaseHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(token, ct)))
            .WithName("GetMyCase").WithSummary("The citizen's case, its answer and what they may do next (from the link they were sent)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPost("/{token}/rating", async (string token, RateAnswerRequest request, CitizenCaseHandler handler, CancellationToken ct) =>
            {
                await handler.RateAsync(token, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RateMyAnswer").WithSummary("Rate the answer, 1 to 5").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/{token}/more", async (string token, AskMoreRequest request, CitizenCaseHandler handler, CancellationToken ct) =>
            {
                await handler.AskMoreAsync(token, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("AskForMore").WithSummary("Ask for an additional answer; the case reopens").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/{token}/consent", async (string token, PublishConsentRequest request, CitizenCaseHandler handler, CancellationToken ct) =>
            {
                await handler.ConsentAsync(token, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("ConsentToPublish").WithSummary("Agree (or no longer agree) that the masked question and answer be published");
    }
}
