using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sotong.Core.Common;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Taxonomy;
using Sotong.Core.Common.Links;

namespace Sotong.Core.Open311.Discovery;

/// <summary>
/// The service discovery file (<c>/open311/discovery.xml|json</c>): who to contact, how to get a key, and the one
/// GeoReport v2 endpoint with its formats. The changeset moves when the services change (a topic edited, a routing
/// rule's keywords changed), which is what the spec tells clients to re-read cached service lists on.
/// </summary>
public sealed class ServiceDiscoveryHandler(IDbContextFactory<SotongDbContext> dbFactory, IOptions<Open311Options> options, IConfiguration configuration)
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>Before any topic or rule was ever edited.</summary>
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<Open311Node> DiscoverAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Every edit of a topic or a routing rule is audited, a deletion too (a deleted rule leaves no row to date).
        var edited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(TriageTopic) || a.EntityType == nameof(RoutingRule))
            .MaxAsync(a => (DateTime?)a.AtUtc, ct);
        var rulesEdited = await db.Set<RoutingRule>().AsNoTracking().MaxAsync(r => (DateTime?)r.UpdatedAtUtc, ct);
        var changed = new[] { edited, rulesEdited, Origin }.Max()!.Value;
        // A W3C date-time with Seoul's offset, as every other Open311 time.
        var changeset = W3cTime.Format(changed);
        var o = options.Value;
        var baseUrl = PublicAddress.Of(configuration, request);
        return new Open311Object("discovery",
        [
            new Open311Value("changeset", changeset),
            new Open311Value("contact", o.Contact),
            new Open311Value("key_service", o.KeyService),
            new Open311List("endpoints",
            [
                new Open311Object("endpoint",
                [
                    new Open311Value("specification", Specification),
                    new Open311Value("url", $"{baseUrl}/open311/v2"),
                    new Open311Value("changeset", changeset),
                    new Open311Value("type", o.EndpointType),
                    new Open311List("formats", [new Open311Value("format", "text/xml"), new Open311Value("format", "application/json")]),
                ]),
            ]),
        ]);
    }
}

internal static class ServiceDiscoveryEndpoint
{
    public static void Map(RouteGroupBuilder open311) =>
        open311.MapGet("/discovery.{format}", async (string format, HttpRequest request, ServiceDiscoveryHandler handler, IOptions<Open311Options> options, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                return new Open311Result(await handler.DiscoverAsync(request, ct), call.Format);
            })
            .WithName("Open311Discovery")
            .WithSummary("Open311 service discovery (XML or JSON)")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");
}
