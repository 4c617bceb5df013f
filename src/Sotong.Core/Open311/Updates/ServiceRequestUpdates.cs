using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sotong.Core.Cases;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Open311.Formats;

namespace Sotong.Core.Open311.Updates;

/// <summary>The filters of GET servicerequestupdates.</summary>
public sealed record UpdatesQuery(IReadOnlyList<string> ServiceRequestIds, Open311Window Window);

/// <summary>
/// mySociety's <c>servicerequestupdates</c> extension (what FixMyStreet polls): one update per step of the case that
/// holds a GeoReport request (after a merge, the case it went into), in time order.
/// The status uses the extension's extra states; the description is the reason the citizen was given or the official
/// answer, masked; media_url is empty. The officer reminders and escalations are internal notes and are left out.
/// </summary>
public sealed class ServiceRequestUpdatesHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    private sealed class Step
    {
        public long EventId { get; init; }
        public DateTime AtUtc { get; init; }
        public required string Action { get; init; }
        public CaseState To { get; init; }
        public string? Reason { get; init; }
        public string? AnswerText { get; init; }
        public required string ReceiptNumber { get; init; }
    }

    public async Task<Open311Node> ListAsync(UpdatesQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (fromUtc, toUtc) = (query.Window.FromUtc, query.Window.ToUtc);
        var ids = query.ServiceRequestIds.Take(Open311Window.MaxResults).ToList();
        // A merge moves the merged case's messages to the case that carries on, so a request's steps are those of
        // the case holding it now; none is older than the request itself.
        var steps = await (from r in db.Set<Open311Request>()
                           join m in db.InboxMessages on r.MessageId equals m.Id
                           join cm in db.Set<CaseMessage>() on r.MessageId equals cm.MessageId
                           join c in db.Set<Case>() on cm.CaseId equals c.Id
                           join e in db.Set<CaseEvent>() on c.Id equals e.CaseId
                           where (ids.Count == 0 || ids.Contains(m.ReceiptNumber))
                                 && e.AtUtc >= fromUtc && e.AtUtc <= toUtc && e.AtUtc >= r.RequestedAtUtc
                                 && !Case.StaffOnlyNotes.Contains(e.Action)
                           orderby e.AtUtc, e.Id, m.ReceiptNumber
                           select new Step
                           {
                               EventId = e.Id, AtUtc = e.AtUtc, Action = e.Action, To = e.To, Reason = e.Reason, AnswerText = c.AnswerText,
                               ReceiptNumber = m.ReceiptNumber,
                           }).Take(Open311Window.MaxResults).ToListAsync(ct);

        return new Open311List("service_request_updates", [.. steps.Select(s => new Open311Object("request_update",
        [
            // An event can reach several requests (a case holds several messages): the pair is the update.
            new Open311Value("update_id", $"{s.ReceiptNumber}_{s.EventId}"),
            new Open311Value("service_request_id", s.ReceiptNumber),
            new Open311Value("status", Status(s)),
            new Open311Value("updated_datetime", W3cTime.Format(s.AtUtc)),
            new Open311Value("description", Description(s) is { } text ? PersonalDataMasker.Mask(text) : ""),
            new Open311Value("media_url", ""),
        ]))]);
    }

    /// <summary>The extension's states for each step of the complaint workflow.</summary>
    private static string Status(Step s) => s.To switch
    {
        CaseState.Received => "open",
        CaseState.Assigned => "investigating",
        CaseState.InProgress or CaseState.Extended => "in_progress",
        CaseState.Answered or CaseState.Closed => "closed",
        CaseState.Transferred => s.Action == "TransferredOut" ? "not_councils_responsibility" : "internal_referral",
        CaseState.Withdrawn => "no_further_action",
        CaseState.Merged => "duplicate",
    };

    /// <summary>
    /// What the citizen was told at this step: the answer when answered (the case's latest answer), the reason given
    /// otherwise; nothing for an assignment (its note is the officer's name).
    /// </summary>
    private static string? Description(Step s) => s.Action switch
    {
        "Answered" => s.AnswerText,
        "Assigned" => null,
        _ => s.Reason,
    };
}

internal static class ServiceRequestUpdatesEndpoint
{
    public static void Map(RouteGroupBuilder v2) =>
        v2.MapGet("/servicerequestupdates.{format}", async (string format, HttpRequest request, ServiceRequestUpdatesHandler handler, IOptions<Open311Options> options, TimeProvider time, CancellationToken ct) =>
            {
                var call = Open311Call.From(request, format, options.Value);
                var ids = Open311Call.ListArgument(request, "service_request_id");
                var query = new UpdatesQuery(ids, Open311Window.From(request, time.GetUtcNow().UtcDateTime));
                return new Open311Result(await handler.ListAsync(query, ct), call.Format);
            })
            .WithName("Open311ServiceRequestUpdates")
            .WithSummary("mySociety extension: status changes and official answers of GeoReport requests, by date range")
            .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json");
}
