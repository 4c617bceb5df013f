using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sotong.Core.Common;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Taxonomy;

namespace Sotong.Core.Open311.Catalog;

/// <summary>One GeoReport service: a triage topic, with the words the routing table knows it by.</summary>
public sealed record Open311Service(string Code, string NameKo, string NameEn, bool IsActive, string Keywords, string? GroupKo, string? GroupEn)
{
    public string Name(bool english) => english ? NameEn : NameKo;

    public string Description(bool english) => english ? $"Requests and reports about {NameEn.ToLowerInvariant()}" : $"{NameKo} 분야의 민원·신고";

    public string? Group(bool english) => english ? GroupEn : GroupKo;
}

/// <summary>
/// Services are the city's triage topics: service_code is the topic key, service_name its Korean (or English) name,
/// type realtime (the receipt number comes back at once), metadata false (no extra fields), keywords the routing
/// table's keywords for the topic, group the bureau its requests go to by default.
/// </summary>
public sealed class Open311ServicesHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public const int MaxKeywords = 20;

    public async Task<IReadOnlyList<Open311Service>> CatalogAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var topics = await db.Set<TriageTopic>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Key).ToListAsync(ct);
        var rules = await db.Set<RoutingRule>().AsNoTracking()
            .Select(r => new { r.Topic, r.Keywords, r.District, r.DivisionId }).ToListAsync(ct);
        var rulesByTopic = rules.ToLookup(r => r.Topic, StringComparer.Ordinal);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.NameKo, d.NameEn }).ToDictionaryAsync(d => d.Id, ct);
        var services = new List<Open311Service>(topics.Count);
        foreach (var topic in topics)
        {
            var topicRules = rulesByTopic[topic.Key].ToList();
            var keywords = topicRules.SelectMany(r => r.Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxKeywords);
            // The topic's default route (no keywords, no district) says which bureau answers it; else its first rule.
            var route = topicRules.FirstOrDefault(r => r.Keywords.Length == 0 && r.District is null) ?? topicRules.FirstOrDefault();
            var division = route is not null && departments.TryGetValue(route.DivisionId, out var d) ? d : null;
            var bureau = division?.ParentId is { } parent && departments.TryGetValue(parent, out var p) ? p : division;
            services.Add(new Open311Service(topic.Key, topic.NameKo, topic.NameEn, topic.IsActive, string.Join(", ", keywords), bureau?.NameKo, bureau?.NameEn));
        }
        return services;
    }

    /// <summary>GET services: the active services, in the order staff sorted the topics.</summary>
    public async Task<Open311Node> ListAsync(bool english, CancellationToken ct)
    {
        var services = await CatalogAsync(ct);
        return new Open311List("services", [.. services.Where(s => s.IsActive).Select(s => new Open311Object("service",
        [
            new Open311Value("service_code", s.Code),
            new Open311Value("service_name", s.Name(english)),
            new Open311Value("description", s.Description(english)),
            new Open311Value("metadata", false),
            new Open311Value("type", "realtime"),
            new Open311Value("keywords", s.Keywords),
            new Open311Value("group", s.Group(english)),
        ]))]);
    }

    /// <summary>
    /// GET services/{code}: no service has extra fields (metadata false), so a known service's definition is its code
    /// with an empty attribute list; an unknown or retired one is the spec's 404.
    /// </summary>
    public async Task<Open311Node> DefinitionAsync(string serviceCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exists = await db.Set<TriageTopic>().AnyAsync(t => t.Key == serviceCode && t.IsActive, ct);
        if (!exists)
        {
            throw Open311Exception.NotFound($"service_code '{serviceCode}' was not found.");
        }
        return new Open311Object("service_definition", [new Open311Value("service_code", serviceCode), new Open311List("attributes", [])]);
    }
}

internal static class Open311ServiceEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/services.{format}", async (string format, HttpRequest request, Open311ServicesHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                return new Open311Result(await handler.ListAsync(call.English, ct), call.Format);
            })
            .WithName("Open311Services")
            .WithSummary("GeoReport v2: the services (triage topics) requests can be made for")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");

        v2.MapGet("/services/{serviceCode}.{format}", async (string serviceCode, string format, HttpRequest request, Open311ServicesHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                return new Open311Result(await handler.DefinitionAsync(serviceCode, ct), call.Format);
            })
            .WithName("Open311ServiceDefinition")
            .WithSummary("GeoReport v2: a service's definition (no service has extra attributes)")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");
    }
}
