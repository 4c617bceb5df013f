using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Common;
using Sotong.Core.Common.Links;
using Sotong.Core.Common.Time;

namespace Sotong.Core.Alerts.Public;

/// <summary>
/// An issued alert as the public (and apps) see it: no staff names. Times are ISO 8601 with the +09:00 offset.
/// <paramref name="IsExercise"/> is true for exercise and test messages, which every surface marks.
/// </summary>
public sealed record PublicAlert(
    string Identifier, string Status, string MsgType, bool IsExercise, string HazardKey, string Category, string EventKo, string EventEn,
    string Urgency, string Severity, string Certainty, string HeadlineKo, string HeadlineEn, string DescriptionKo, string DescriptionEn,
    string InstructionKo, string InstructionEn, string AreaDescKo, string AreaDescEn, string Sent, string? Onset, string Expires,
    string CapUrl, string PageUrl, IReadOnlyList<string> References)
{
    public static PublicAlert Of(Alert a, string publicBase, IReadOnlyList<string>? references = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Identifier, a.Status.ToString(), a.MsgType.ToString(), a.IsExercise, a.HazardKey, a.Category.ToString(), a.EventKo, a.EventEn,
            a.Urgency.ToString(), a.Severity.ToString(), a.Certainty.ToString(), a.HeadlineKo, a.HeadlineEn, a.DescriptionKo, a.DescriptionEn,
            a.InstructionKo, a.InstructionEn, a.AreaDescKo, a.AreaDescEn, SeoulTime.Iso(a.IssuedAtUtc ?? a.CreatedAtUtc),
            a.OnsetAtUtc is { } onset ? SeoulTime.Iso(onset) : null, SeoulTime.Iso(a.ExpiresAtUtc),
            $"{publicBase}/alerts/{a.Identifier}.xml", $"{publicBase}/alerts/{a.Identifier}", references ?? []);
    }
}

/// <summary>The public's view of alerts: what is in force now, and each issued message by its identifier.</summary>
public sealed class CurrentAlertsHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Issued messages not yet expired and not followed by a later update or cancellation: the alerts in force, plus
    /// cancellations (so a reader of the feed learns an alert ended). Newest first.
    /// </summary>
    public async Task<IReadOnlyList<Alert>> CurrentAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<Alert>().AsNoTracking()
            .Where(a => a.State == AlertState.Issued && a.ExpiresAtUtc > now && a.SupersededById == null)
            .OrderByDescending(a => a.IssuedAtUtc).Take(50).ToListAsync(ct);
    }

    /// <summary>The alerts a banner shows: in force, and not cancellations.</summary>
    public async Task<IReadOnlyList<Alert>> BannerAsync(CancellationToken ct) =>
        [.. (await CurrentAsync(ct)).Where(a => a.MsgType != CapMsgType.Cancel)];

    public async Task<Alert?> FindIssuedAsync(string identifier, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Identifier == identifier && a.State == AlertState.Issued, ct);
    }
}

internal static class CurrentAlertsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/current", async (HttpRequest request, CurrentAlertsHandler handler, IConfiguration configuration, CancellationToken ct) =>
            {
                var publicBase = PublicAddress.Of(configuration, request);
                var current = await handler.CurrentAsync(ct);
                // An update or cancellation names what it follows, so an app knows which alert it replaces or withdraws.
                return TypedResults.Ok(new
                {
                    alerts = current.Select(a => PublicAlert.Of(a, publicBase,
                        a.CapDocument is { } cap && a.ReferencesId is not null ? [.. CapXml.Read(cap).References.Select(r => r.Identifier)] : null)).ToList(),
                });
            })
            .AllowAnonymous().WithTags("Alerts").WithName("CurrentAlerts")
            .WithSummary("The alerts in force now (and cancellations of them), newest first, for apps.");

        app.MapGet("/alerts/feed.atom", async (HttpRequest request, CurrentAlertsHandler handler, AlertSettings settings, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
            {
                var publicBase = PublicAddress.Of(configuration, request);
                var current = await handler.CurrentAsync(ct);
                var updated = current.Count > 0 ? SeoulTime.WithOffset(current.Max(a => a.IssuedAtUtc!.Value)) : SeoulTime.WithOffset(time.GetUtcNow().UtcDateTime);
                var feed = new AtomFeedInfo($"{publicBase}/alerts/feed.atom", $"{settings.SenderNameKo} 긴급 알림 · Emergency alerts", updated,
                    $"{publicBase}/alerts/feed.atom", settings.SenderNameKo);
                var entries = current.Select(a => new AlertAtomEntry($"{publicBase}/alerts/{a.Identifier}",
                    AlertTexts.Marker(a.Status) + a.HeadlineKo, SeoulTime.WithOffset(a.IssuedAtUtc!.Value), $"{a.AreaDescKo} · {a.InstructionKo}",
                    $"{publicBase}/alerts/{a.Identifier}.xml", $"{publicBase}/alerts/{a.Identifier}"));
                return Results.Text(AlertAtom.Write(feed, entries), "application/atom+xml; charset=utf-8", Encoding.UTF8);
            })
            .AllowAnonymous().WithTags("Alerts").WithName("AlertsAtom").WithSummary("An Atom index of the alerts in force, linking to each CAP document.");

        app.MapGet("/alerts/{identifier}.xml", async (string identifier, CurrentAlertsHandler handler, CancellationToken ct) =>
                await handler.FindIssuedAsync(identifier, ct) is { CapDocument: { } cap }
                    ? Results.Text(cap, CapAlert.MediaType + "; charset=utf-8", Encoding.UTF8)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No issued alert has this identifier."))
            .AllowAnonymous().WithTags("Alerts").WithName("AlertCap").WithSummary("One issued message as CAP 1.2 XML, exactly as it was issued.");
    }
}
