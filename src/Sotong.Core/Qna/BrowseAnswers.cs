using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common;

namespace Sotong.Core.Qna;

public sealed record AnswerQuery(string? Search = null, Guid? DivisionId = null, int? Page = null, int? PageSize = null);

public sealed record PublicAnswer(Guid Id, string ReceiptNumber, string Question, string Answer, string DivisionNameKo, string DivisionNameEn,
    DateTime AskedAtUtc, DateTime AnsweredAtUtc, DateTime PublishedAtUtc);

/// <summary>The public answers portal reads only <see cref="PublishedAnswer"/>: masked text, nothing else.</summary>
public sealed class BrowseAnswersHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public async Task<Page<PublicAnswer>> ListAsync(AnswerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Page<PublicAnswer>.Normalize(query.Page, query.PageSize, defaultSize: 10, maxSize: 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = db.PublishedAnswers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            answers = answers.Where(a => a.MaskedQuestion.ToLower().Contains(term) || a.MaskedAnswer.ToLower().Contains(term));
        }
        if (query.DivisionId is { } division)
        {
            answers = answers.Where(a => a.DivisionId == division);
        }
        var total = await answers.CountAsync(ct);
        var items = await answers.OrderByDescending(a => a.PublishedAtUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new PublicAnswer(a.Id, a.ReceiptNumber, a.MaskedQuestion, a.MaskedAnswer, a.DivisionNameKo, a.DivisionNameEn,
                a.AskedAtUtc, a.AnsweredAtUtc, a.PublishedAtUtc))
            .ToListAsync(ct);
        return new Page<PublicAnswer>(items, page, size, total);
    }

    public async Task<PublicAnswer> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PublishedAnswers.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new PublicAnswer(a.Id, a.ReceiptNumber, a.MaskedQuestion, a.MaskedAnswer, a.DivisionNameKo, a.DivisionNameEn,
                a.AskedAtUtc, a.AnsweredAtUtc, a.PublishedAtUtc))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The answer");
    }
}

internal static class BrowseAnswersEndpoints
{
    public static void Map(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/answers", async (string? q, Guid? divisionId, int? page, int? pageSize, BrowseAnswersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new AnswerQuery(q, divisionId, page, pageSize), ct)))
            .WithName("ListPublishedAnswers")
            .WithSummary("Published questions and answers, newest first, paged");

        publicApi.MapGet("/answers/{id:guid}", async (Guid id, BrowseAnswersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetPublishedAnswer")
            .WithSummary("One published question and answer")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
