using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Qna.Recommend;

public sealed record RecommendResult(int Recommendations, bool Counted);

/// <summary>
/// 추천: one per browser, counted without storing who. The browser carries a random id in a cookie; the server keeps
/// only a keyed hash of (answer, id), which tells a repeat from a first time and nothing else.
/// </summary>
public sealed class RecommendAnswerHandler(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<RecommendResult> RecommendAsync(Guid answerId, string browserId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(browserId);
        var hash = await protector.LookupHashAsync($"qna-recommend:{answerId:N}:{browserId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.PublishedAnswers.AnyAsync(a => a.Id == answerId && a.IsPublished, ct))
        {
            throw new NotFoundException("The answer");
        }
        var counted = false;
        if (!await db.Set<AnswerRecommendation>().AnyAsync(r => r.AnswerId == answerId && r.VoterHash == hash, ct))
        {
            db.Add(new AnswerRecommendation { AnswerId = answerId, VoterHash = hash, AtUtc = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
                counted = true;
                // One statement, so two browsers at once both count.
                await db.PublishedAnswers.Where(a => a.Id == answerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Recommendations, a => a.Recommendations + 1), ct);
            }
            catch (DbUpdateException)
            {
                // The same browser twice at once: the key said no.
            }
        }
        var count = await db.PublishedAnswers.Where(a => a.Id == answerId).Select(a => a.Recommendations).FirstAsync(ct);
        return new RecommendResult(count, counted);
    }
}

/// <summary>The anonymous browser id the portal's recommend and comment features rely on.</summary>
public static class PortalBrowser
{
    public const string CookieName = "sotong_bid";

    public static string IdOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies.TryGetValue(CookieName, out var id) && id is { Length: 32 } && id.All(char.IsAsciiHexDigit))
        {
            return id;
        }
        id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return id;
    }
}

internal static class RecommendAnswerEndpoints
{
    public static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/answers/{id:guid}/recommend", async (Guid id, HttpContext http, RecommendAnswerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecommendAsync(id, PortalBrowser.IdOf(http), ct)))
            .WithName("RecommendAnswer")
            .WithSummary("Recommend an answer (once per browser; nothing about who is kept)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
