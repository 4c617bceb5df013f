using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Texts;

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
public sealed class BrowseAnswersHandler(IDbContextFactory<SotongDbContext> dbFactory, IStringLocalizer<Text> text)
{
    /// <summary>Counting stops here: "10,000+" is all a reader needs, and an exact count of a million rows is not free.</summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// A search counts at most this many ("100+ answers", ten pages): each counted match is read to confirm it, and a
    /// common word (주차) matches tens of thousands of answers in a large city.
    /// </summary>
    public const int SearchCountCap = 100;

    public const int MaxSearchLength = 100;

    /// <summary>One character matches nearly everything and no index can serve it.</summary>
    public const int MinSearchLength = 2;

    /// <summary>How far the list counts for this search (the page shows "N+" beyond it).</summary>
    public static int CapFor(string? search) => string.IsNullOrWhiteSpace(search) ? CountCap : SearchCountCap;

    public async Task<Page<PublicAnswer>> ListAsync(AnswerQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (page, size) = Page<PublicAnswer>.Normalize(query.Page, query.PageSize, defaultSize: 10, maxSize: 50);
        new ValidationBuilder()
            .When(query.Search is { } q && !string.IsNullOrWhiteSpace(q) && q.Trim().EnumerateRunes().Count() < MinSearchLength, "q", text["Answers.SearchTooShort", MinSearchLength])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cap = CapFor(query.Search);
        if (query.Sort == AnswerSort.Newest && SearchTerm(query.Search) is { } term && db.Database.IsNpgsql())
        {
            // A common word (주차: tens of thousands of answers in a large city) is cheaper to find by reading the
            // newest answers in order than by fetching every indexed match to sort them. The window is bounded, so a
            // rare word costs at most that read before the index answers it.
            var recent = Filter(db, query, RecentWindow(db, term));
            var fromWindow = await Project(recent.OrderByDescending(a => a.PublishedAtUtc).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
            if (fromWindow.Count == size)
            {
                var inWindow = await recent.Take(cap + 1).CountAsync(ct);
                var count = inWindow > cap ? inWindow : await Filter(db, query).Take(cap + 1).CountAsync(ct);
                return new Page<PublicAnswer>(fromWindow, page, size, count);
            }
        }
        var answers = Filter(db, query);
        // One row past the cap says "more than"; the page itself never scans further than it shows.
        var total = await answers.Take(cap + 1).CountAsync(ct);
        var sorted = query.Sort switch
        {
            AnswerSort.MostRecommended => answers.OrderByDescending(a => a.Recommendations).ThenByDescending(a => a.PublishedAtUtc),
            AnswerSort.FastestAnswered => answers.OrderBy(a => a.MinutesToAnswer).ThenByDescending(a => a.PublishedAtUtc),
            _ => answers.OrderByDescending(a => a.PublishedAtUtc).ThenBy(a => a.Id),
        };
        var items = await Project(sorted.Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<PublicAnswer>(items, page, size, total);
    }

    /// <summary>How many of the newest published answers a common word's search reads before it asks the index.</summary>
    public const int RecentWindowRows = 5_000;

    private static IQueryable<PublishedAnswer> RecentWindow(SotongDbContext db, string term)
    {
        var pattern = LikePattern(term);
        return db.PublishedAnswers.FromSql($"SELECT * FROM (SELECT * FROM qna_published_answer WHERE \"IsPublished\" ORDER BY \"PublishedAtUtc\" DESC LIMIT {RecentWindowRows}) AS recent")
            .AsNoTracking().Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
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

    private static IQueryable<PublishedAnswer> Filter(SotongDbContext db, AnswerQuery query, IQueryable<PublishedAnswer>? searched = null)
    {
        var term = SearchTerm(query.Search);
        var answers = searched ?? (term is null ? db.PublishedAnswers.AsNoTracking().Where(a => a.IsPublished) : Search(db, term));
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

    /// <summary>The search as it is matched (trimmed, lower case, at most <see cref="MaxSearchLength"/>), or null for no search.</summary>
    private static string? SearchTerm(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }
        var term = TextCut.Cut(search.Trim().ToLowerInvariant(), MaxSearchLength);
        // The feeds pass no search; the list refused a short one before it got here.
        return term.EnumerateRunes().Count() < MinSearchLength ? null : term;
    }

    /// <summary>
    /// Partial-word search for Korean without a morphological analyser. PostgreSQL: a GIN index over the text's
    /// character bigrams (<c>qna_bigrams</c>, migration PortalBigrams) finds the answers holding every bigram of the
    /// term, so two-character words (주차, 버스) are indexed too, and LIKE confirms the exact substring on those few.
    /// SQLite: an FTS5 trigram table for terms of three characters or more, a scan for two.
    /// </summary>
    private static IQueryable<PublishedAnswer> Search(SotongDbContext db, string term)
    {
        var pattern = LikePattern(term);
        IQueryable<PublishedAnswer> answers;
        if (db.Database.IsNpgsql())
        {
            var bigrams = BigramQuery(term);
            answers = db.PublishedAnswers.FromSql($"SELECT * FROM qna_published_answer WHERE \"IsPublished\" AND qna_bigrams(\"SearchText\") @@ {bigrams}::tsquery");
        }
        else if (term.Length >= 3)
        {
            var ids = db.Database.SqlQuery<Guid>($"SELECT \"AnswerId\" AS \"Value\" FROM qna_answer_search WHERE \"SearchText\" LIKE {pattern} ESCAPE '\\'");
            answers = db.PublishedAnswers.Where(a => ids.Contains(a.Id));
        }
        else
        {
            answers = db.PublishedAnswers;
        }
        return answers.AsNoTracking().Where(a => a.IsPublished).Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
    }

    private static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// Every two-character window of the term, as a tsquery that wants all of them: <c>'불법' &amp; '법주' &amp; '주차'</c>.
    /// The lexemes are quoted as tsquery input wants (a quote doubled, a backslash escaped), so any character is safe.
    /// </summary>
    internal static string BigramQuery(string term)
    {
        // Windows of code points, as the database's qna_bigrams counts characters (an emoji is one, not two halves).
        var runes = term.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Length; i++)
        {
            grams.Add(runes[i] + runes[i + 1]);
        }
        return string.Join(" & ", grams.Select(g => "'" + g.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));
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
