using System.Security.Claims;
using System.Text.RegularExpressions;
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

namespace Sotong.Core.Triage.Taxonomy;

public sealed record TopicView(string Key, string NameKo, string NameEn, int SortOrder, bool IsActive);

public sealed record TopicRequest(string? Key, string? NameKo, string? NameEn, int? SortOrder, bool? IsActive);

public sealed partial class TopicsHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<TopicView>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TriageTopic>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Key)
            .Select(t => new TopicView(t.Key, t.NameKo, t.NameEn, t.SortOrder, t.IsActive)).ToListAsync(ct);
    }

    /// <summary>Adds a topic or renames one; the key never changes (the model and the routing table use it).</summary>
    public async Task<TopicView> SaveAsync(TopicRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        new ValidationBuilder()
            .When(request.Key is null || !KeyPattern().IsMatch(request.Key), "key", text["Validation.TopicKey"])
            .When(string.IsNullOrWhiteSpace(request.NameKo) || request.NameKo.Length > TriageTopic.MaxNameLength, "nameKo", text["Validation.TopicName"])
            .When(string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > TriageTopic.MaxNameLength, "nameEn", text["Validation.TopicName"])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var topic = await db.Set<TriageTopic>().FirstOrDefaultAsync(t => t.Key == request.Key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (topic is null)
        {
            topic = new TriageTopic { Key = request.Key!, NameKo = "", NameEn = "", SortOrder = await db.Set<TriageTopic>().MaxAsync(t => (int?)t.SortOrder, ct) + 1 ?? 1 };
            db.Add(topic);
            db.Audit(now, staff.UserId, staff.DisplayName, nameof(TriageTopic), topic.Key, "Created");
        }
        var before = $"{topic.NameKo}|{topic.NameEn}|{topic.IsActive}";
        topic.NameKo = request.NameKo!.Trim();
        topic.NameEn = request.NameEn!.Trim();
        topic.SortOrder = request.SortOrder ?? topic.SortOrder;
        topic.IsActive = request.IsActive ?? topic.IsActive;
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(TriageTopic), topic.Key, "Changed", before, $"{topic.NameKo}|{topic.NameEn}|{topic.IsActive}");
        await db.SaveChangesAsync(ct);
        return new TopicView(topic.Key, topic.NameKo, topic.NameEn, topic.SortOrder, topic.IsActive);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex KeyPattern();
}

internal static class TopicEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/topics", async (TopicsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("TriageTopics")
            .WithSummary("The topics messages are sorted by, with Korean and English names");

        triage.MapPut("/topics", async (TopicRequest request, ClaimsPrincipal user, TopicsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveAsync(request, StaffContext.From(user), ct)))
            .WithName("SaveTriageTopic")
            .WithSummary("Add a topic or rename / retire one (administrators)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesValidationProblem();
    }
}
