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
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Routing;

public sealed record RoutingRuleView(Guid Id, string Topic, IReadOnlyList<string> Keywords, string? District, Guid DivisionId, string DivisionCode,
    string DivisionNameKo, string DivisionNameEn, string? Note, DateTime UpdatedAtUtc, string? UpdatedByName, int Version);

/// <summary>A new or changed rule; <paramref name="Version"/> is ignored when creating.</summary>
public sealed record RoutingRuleRequest(string? Topic, IReadOnlyList<string>? Keywords, string? District, Guid? DivisionId, string? Note, int Version = 0);

public sealed class RoutingTableHandler(IDbContextFactory<SotongDbContext> dbFactory, TriageEngine engine, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<RoutingRuleView>> ListAsync(string? topic, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = db.Set<RoutingRule>().AsNoTracking().Include(r => r.Division).AsQueryable();
        if (!string.IsNullOrEmpty(topic))
        {
            rules = rules.Where(r => r.Topic == topic);
        }
        var list = await rules.ToListAsync(ct);
        return [.. list.OrderBy(r => r.Topic, StringComparer.Ordinal).ThenBy(r => RouteRule.From(r).Specificity).ThenBy(r => r.Keywords, StringComparer.Ordinal).Select(View)];
    }

    public async Task<RoutingRuleView> CreateAsync(RoutingRuleRequest request, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, request, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var rule = new RoutingRule { Topic = request.Topic!, UpdatedAtUtc = now };
        Apply(rule, request, staff);
        db.Add(rule);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(RoutingRule), rule.Id.ToString(), "Created", to: Describe(rule));
        await db.SaveChangesAsync(ct);
        await engine.ReloadAsync(CancellationToken.None);
        return View(await db.Set<RoutingRule>().AsNoTracking().Include(r => r.Division).SingleAsync(r => r.Id == rule.Id, ct));
    }

    public async Task<RoutingRuleView> UpdateAsync(Guid id, RoutingRuleRequest request, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, request, ct);
        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The routing rule");
        if (rule.Version != request.Version)
        {
            throw new DbUpdateConcurrencyException("The rule changed since it was loaded.");
        }
        var before = Describe(rule);
        rule.Topic = request.Topic!;
        Apply(rule, request, staff);
        rule.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        rule.Version++;
        db.Audit(rule.UpdatedAtUtc, staff.UserId, staff.DisplayName, nameof(RoutingRule), id.ToString(), "Changed", before, Describe(rule));
        await db.SaveChangesAsync(ct);
        await engine.ReloadAsync(CancellationToken.None);
        return View(await db.Set<RoutingRule>().AsNoTracking().Include(r => r.Division).SingleAsync(r => r.Id == id, ct));
    }

    public async Task DeleteAsync(Guid id, int version, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("The routing rule");
        if (rule.Version != version)
        {
            throw new DbUpdateConcurrencyException("The rule changed since it was loaded.");
        }
        db.Remove(rule);
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(RoutingRule), id.ToString(), "Deleted", Describe(rule));
        await db.SaveChangesAsync(ct);
        await engine.ReloadAsync(CancellationToken.None);
    }

    private async Task ValidateAsync(SotongDbContext db, RoutingRuleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topicKnown = request.Topic is not null && await db.Set<Taxonomy.TriageTopic>().AnyAsync(t => t.Key == request.Topic, ct);
        var divisionKnown = request.DivisionId is { } d && await db.Departments.AnyAsync(x => x.Id == d && x.Kind == Organization.DepartmentKind.Division, ct);
        var given = request.Keywords ?? [];
        var keywordsValid = given.All(k => k is not null && k.Trim().Length <= RoutingRule.MaxKeywordLength && !k.Contains(',', StringComparison.Ordinal));
        var keywords = keywordsValid ? RoutingRule.JoinKeywords(given) : "";
        new ValidationBuilder()
            .When(!topicKnown, "topic", text["Validation.TriageTopic"])
            .When(!divisionKnown, "divisionId", text["Validation.DivisionUnknown"])
            .When(!keywordsValid || keywords.Length > RoutingRule.MaxKeywordsLength, "keywords", text["Validation.RoutingKeywords"])
            .When(request.District is not null && !Districts.All.Contains(request.District), "district", text["Validation.RoutingDistrict"])
            .When(request.Note is { Length: > RoutingRule.MaxNoteLength }, "note", text["Validation.RoutingNote"])
            .ThrowIfAny();
    }

    private static void Apply(RoutingRule rule, RoutingRuleRequest request, StaffContext staff)
    {
        rule.Keywords = RoutingRule.JoinKeywords(request.Keywords ?? []);
        rule.District = string.IsNullOrWhiteSpace(request.District) ? null : request.District;
        rule.DivisionId = request.DivisionId!.Value;
        rule.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        rule.UpdatedByName = staff.DisplayName;
    }

    private static string Describe(RoutingRule r) => $"{r.Topic}|{r.Keywords}|{r.District}|{r.DivisionId}";

    private static RoutingRuleView View(RoutingRule r) => new(r.Id, r.Topic, r.KeywordList(), r.District, r.DivisionId, r.Division?.Code ?? "",
        r.Division?.NameKo ?? "", r.Division?.NameEn ?? "", r.Note, r.UpdatedAtUtc, r.UpdatedByName, r.Version);
}

internal static class RoutingTableEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/routing", async (string? topic, RoutingTableHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(topic, ct)))
            .WithName("RoutingTable")
            .WithSummary("The routing table (topic + keywords + district → division)");

        triage.MapPost("/routing", async (RoutingRuleRequest request, ClaimsPrincipal user, RoutingTableHandler handler, CancellationToken ct) =>
            {
                var view = await handler.CreateAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/triage/routing/{view.Id}", view);
            })
            .WithName("CreateRoutingRule")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesValidationProblem();

        triage.MapPut("/routing/{id:guid}", async (Guid id, RoutingRuleRequest request, ClaimsPrincipal user, RoutingTableHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(id, request, StaffContext.From(user), ct)))
            .WithName("UpdateRoutingRule")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        triage.MapDelete("/routing/{id:guid}", async (Guid id, int version, ClaimsPrincipal user, RoutingTableHandler handler, CancellationToken ct) =>
            {
                await handler.DeleteAsync(id, version, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteRoutingRule")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
