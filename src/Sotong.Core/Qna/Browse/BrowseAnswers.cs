using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Paging;

namespace Sotong.Core.Qna.Browse;

public enum AnswerSort
{
    Newest,
    MostRecommended,
    FastestAnswered,
}

/// <summary>The portal's list: a search, filters by topic, division, status and period (Seoul dates), and a sort.</summary>
public sealed record AnswerQuery(
    string? Search = null, Guid? DivisionId = null, int? Page = null, int? PageSize = null, string? Topic = null, string? Status = null,
    DateOnly? From = null, DateOnly? To = null, AnswerSort Sort = AnswerSort.Newest);

public sealed record PublicAnswer(Guid Id, string ReceiptNumber, string Title, string Question, string Answer, Guid? DivisionId, string DivisionNameKo, string DivisionNameEn,
    string? Topic, string Status, DateTime AskedAtUtc, DateTime AnsweredAtUtc, int MinutesToAnswer, DateTime PublishedAtUtc, int Recommendations, int Comments);

/// <summary>The public answers portal reads only <see cref="PublishedAnswer"/>: masked text, nothing else.</summary>
public sealed class BrowseAnswersHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    /// <summary>Counting stops here: "10,000+" is all a reader needs, and an exact count of a million rows is not free.</summary>
    public const int CountCap = 10_000;

    public const int MaxSearchLength = 100;

    public async Task<Page<PublicAnswer>> ListAsync(AnswerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Page<PublicAnswer>.Normalize(query.Page, query.PageSize, defaultSize: 10, maxSize: 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = Filter(db, query);
        // One row past the cap says "more than"; the page itself never scans further than it shows.
        var total = await answers.Take(CountCap + 1).CountAsync(ct);
        var sorted = query.Sort switch
        {
            AnswerSort.MostRecommended => answers.OrderByDescending(a => a.Recommendations).ThenByDescending(a => a.PublishedAtUtc),
            AnswerSort.FastestAnswered => answers.OrderBy(a => a.MinutesToAnswer).ThenByDescending(a => a.PublishedAtUtc),
            _ => answers.OrderByDescending(a => a.PublishedAtUtc).ThenBy(a => a.Id),
        };
        var items = await Project(sorted.Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<PublicAnswer>(items, page, size, total);
    }

    public async Task<PublicAnswer> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.PublishedAnswers.AsNoTracking().Where(a => a.Id == id && a.IsPublished)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The answer");
    }

    /// <summary>The newest published answers of a topic or a division, for the Atom feeds.</summary>
    public async Task<IReadOnlyList<PublicAnswer>> LatestAsync(string? topic, Guid? divisionId, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(Filter(db, new AnswerQuery(Topic: topic, DivisionId: divisionId)).OrderByDescending(a => a.PublishedAtUtc).Take(count)).ToListAsync(ct);
    }

    private static IQueryable<PublishedAnswer> Filter(SotongDbContext db, AnswerQuery query)
    {
        var answers = db.PublishedAnswers.AsNoTracking().Where(a => a.IsPublished);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            answers = Search(db, answers, query.Search.Trim().ToLowerInvariant());
        }
        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            answers = answers.Where(a => a.Topic == query.Topic);
        }
        if (query.DivisionId is { } division)
        {
            answers = answers.Where(a => a.DivisionId == division);
        }
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            answers = answers.Where(a => a.Status == query.Status);
        }
        if (query.From is { } from)
        {
            var fromUtc = Common.Time.SeoulTime.StartOfDayUtc(from);
            answers = answers.Where(a => a.PublishedAtUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = Common.Time.SeoulTime.StartOfDayUtc(to.AddDays(1));
            answers = answers.Where(a => a.PublishedAtUtc < toUtc);
        }
        return answers;
    }

    /// <summary>
    /// Partial-word search for Korean without a morphological analyser: a trigram index answers "contains" on both
    /// providers (pg_trgm's GIN index serves LIKE on PostgreSQL; an FTS5 trigram table on SQLite). Terms under three
    /// characters cannot use a trigram index and fall back to a scan.
    /// </summary>
    private static IQueryable<PublishedAnswer> Search(SotongDbContext db, IQueryable<PublishedAnswer> answers, string term)
    {
        if (term.Length > MaxSearchLength)
        {
            term = term[..MaxSearchLength];
        }
        var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        if (db.Database.IsSqlite() && term.Length >= 3)
        {
            var ids = db.Database.SqlQuery<Guid>($"SELECT \"AnswerId\" AS \"Value\" FROM qna_answer_search WHERE \"SearchText\" LIKE {pattern} ESCAPE '\\'");
            return answers.Where(a => ids.Contains(a.Id));
        }
        return answers.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
    }

    private static IQueryable<PublicAnswer> Project(IQueryable<PublishedAnswer> answers) =>
        answers.Select(a => new PublicAnswer(a.Id, a.ReceiptNumber, a.Title, a.MaskedQuestion, a.MaskedAnswer, a.DivisionId, a.DivisionNameKo, a.DivisionNameEn,
            a.Topic, a.Status, a.AskedAtUtc, a.AnsweredAtUtc, a.MinutesToAnswer, a.PublishedAtUtc, a.Recommendations, a.VisibleComments));
}

internal static class BrowseAnswersEndpoints
{
    public static void Map(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/answers", async ([AsParameters] AnswerListParameters p, BrowseAnswersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new AnswerQuery(p.Q, p.DivisionId, p.Page, p.PageSize, p.Topic, p.Status, p.From, p.To, p.Sort ?? AnswerSort.Newest), ct)))
            .WithName("ListPublishedAnswers")
            .WithSummary("Published questions and answers: search, filter by topic, division, status and period, sort, page");

        publicApi.MapGet("/answers/{id:guid}", async (Guid id, BrowseAnswersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetPublishedAnswer")
            .WithSummary("One published question and answer")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record AnswerListParameters(string? Q, Guid? DivisionId, int? Page, int? PageSize, string? Topic, string? Status, DateOnly? From, DateOnly? To, AnswerSort? Sort);
}
