using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Open311.Updates;
using Sotong.Core.Open311.Catalog;

namespace Sotong.Core.Open311.Requests;

/// <summary>The filters of GET requests; lists are comma-separated in the query string.</summary>
public sealed record RequestQuery(IReadOnlyList<string> ServiceRequestIds, IReadOnlyList<string> ServiceCodes, bool? Closed, Open311Window Window);

/// <summary>
/// GET requests, requests/{id} and tokens/{token}. A request's status, notes, agency and dates come from the case
/// its message is in: "closed" once the case is answered, closed, withdrawn or transferred out to another agency (a
/// merged request is in the case it was merged into); "open" before that, and while no case holds it. Only GeoReport
/// requests are listed, never the inbox's other messages, and every text is masked.
/// </summary>
public sealed class Open311RequestsHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    /// <summary>A request as the list query reads it (a class with setters: EF filters and sorts on its members).</summary>
    private sealed class Row
    {
        public required string ReceiptNumber { get; init; }
        public required string Text { get; init; }
        public Guid? MessageDivisionId { get; init; }
        public required string ServiceCode { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public string? AddressString { get; init; }
        public string? AddressId { get; init; }
        public string? MediaUrl { get; init; }
        public DateTime RequestedAtUtc { get; init; }
        public Guid? CaseId { get; init; }
        public bool Closed { get; init; }
    }

    public async Task<Open311Node> QueryAsync(RequestQuery query, bool english, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Rows(db);
        if (query.ServiceRequestIds.Count > 0)
        {
            // "This overrides all other arguments."
            var ids = query.ServiceRequestIds.Take(Open311Window.MaxResults).ToList();
            rows = rows.Where(r => ids.Contains(r.ReceiptNumber));
        }
        else
        {
            var (fromUtc, toUtc) = (query.Window.FromUtc, query.Window.ToUtc);
            rows = rows.Where(r => r.RequestedAtUtc >= fromUtc && r.RequestedAtUtc <= toUtc);
            if (query.ServiceCodes.Count > 0)
            {
                var codes = query.ServiceCodes.ToList();
                rows = rows.Where(r => codes.Contains(r.ServiceCode));
            }
            if (query.Closed is { } closed)
            {
                rows = rows.Where(r => r.Closed == closed);
            }
        }
        var page = await rows.OrderByDescending(r => r.RequestedAtUtc).ThenBy(r => r.ReceiptNumber).Take(Open311Window.MaxResults).ToListAsync(ct);
        return await DocumentAsync(db, page, english, ct);
    }

    /// <summary>GET requests/{id}: a one-element list, or 404.</summary>
    public async Task<Open311Node> ByIdAsync(string serviceRequestId, bool english, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db).Where(r => r.ReceiptNumber == serviceRequestId).ToListAsync(ct);
        if (row.Count == 0)
        {
            throw Open311Exception.NotFound($"service_request_id '{serviceRequestId}' was not found.");
        }
        return await DocumentAsync(db, row, english, ct);
    }

    /// <summary>GET tokens/{token}: the request id the token stands for, or 404.</summary>
    public async Task<Open311Node> ByTokenAsync(string token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await (from r in db.Set<Open311Request>()
                             join m in db.InboxMessages on r.MessageId equals m.Id
                             where r.Token == token
                             select m.ReceiptNumber).FirstOrDefaultAsync(ct)
            ?? throw Open311Exception.NotFound($"token '{token}' was not found.");
        return new Open311List("service_requests",
            [new Open311Object("request", [new Open311Value("service_request_id", receipt), new Open311Value("token", token)])]);
    }

    /// <summary>
    /// Every GeoReport request with its message and the case that holds it. A merge moves the merged case's messages
    /// to the case that carries on, so a merged request simply follows that case from then on.
    /// </summary>
    private static IQueryable<Row> Rows(SotongDbContext db) =>
        from r in db.Set<Open311Request>()
        join m in db.InboxMessages on r.MessageId equals m.Id
        join cm in db.Set<CaseMessage>() on r.MessageId equals cm.MessageId into cms
        from cm in cms.DefaultIfEmpty()
        join c in db.Set<Case>() on cm.CaseId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        select new Row
        {
            ReceiptNumber = m.ReceiptNumber,
            Text = m.Text,
            MessageDivisionId = m.DivisionId,
            ServiceCode = r.ServiceCode,
            Latitude = r.Latitude,
            Longitude = r.Longitude,
            AddressString = r.AddressString,
            AddressId = r.AddressId,
            MediaUrl = r.MediaUrl,
            RequestedAtUtc = r.RequestedAtUtc,
            CaseId = c == null ? null : c.Id,
            // Case.IsOpen as a query: closed is "not open" (a merged case that still held a message would be closed too).
            Closed = c != null
                && (c.State == CaseState.Answered || c.State == CaseState.Closed || c.State == CaseState.Withdrawn || c.State == CaseState.Merged
                    || (c.State == CaseState.Transferred && c.TransferredToAgency != null)),
        };

    private sealed record CaseFacts(Guid Id, CaseState State, Guid? DivisionId, string? TransferredToAgency, string? AnswerText, DateTime DueAtUtc);

    private static async Task<Open311Node> DocumentAsync(SotongDbContext db, IReadOnlyList<Row> rows, bool english, CancellationToken ct)
    {
        var services = (await Open311ServicesHandler.CatalogAsync(db, ct)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var caseIds = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var cases = caseIds.Count == 0 ? [] : await db.Set<Case>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new CaseFacts(c.Id, c.State, c.DivisionId, c.TransferredToAgency, c.AnswerText, c.DueAtUtc)).ToDictionaryAsync(c => c.Id, ct);
        var internalNotes = ServiceRequestUpdatesHandler.InternalActions;
        var events = caseIds.Count == 0 ? [] : await db.Set<CaseEvent>().AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && !internalNotes.Contains(e.Action))
            .Select(e => new { e.CaseId, e.Id, e.AtUtc, e.Action, e.Reason }).ToListAsync(ct);
        var byCase = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList());
        var divisionIds = rows.Select(r => r.MessageDivisionId).Concat(cases.Values.Select(c => c.DivisionId)).OfType<Guid>().Distinct().ToList();
        var divisions = divisionIds.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => divisionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name(english), ct);

        var items = new List<Open311Node>(rows.Count);
        foreach (var r in rows)
        {
            var c = r.CaseId is { } id && cases.TryGetValue(id, out var found) ? found : null;
            var history = c is not null && byCase.TryGetValue(c.Id, out var h) ? h : [];
            string? notes = null;
            if (c is not null)
            {
                // The official answer once there is one; otherwise the latest reason the citizen was given (an
                // assignment's "reason" is the officer's name, which is not for the public).
                notes = c.State is CaseState.Answered or CaseState.Closed && c.AnswerText is not null
                    ? c.AnswerText
                    : history.LastOrDefault(e => e.Reason is not null && e.Action != "Assigned")?.Reason;
            }
            var agencyDivision = c?.DivisionId ?? r.MessageDivisionId;
            var agency = c?.TransferredToAgency
                ?? (agencyDivision is { } division && divisions.TryGetValue(division, out var divisionName) ? divisionName : null);
            var updated = history.Count > 0 ? history.Max(e => e.AtUtc) : r.RequestedAtUtc;
            if (updated < r.RequestedAtUtc)
            {
                updated = r.RequestedAtUtc;
            }
            var service = services.GetValueOrDefault(r.ServiceCode);
            items.Add(new Open311Object("request",
            [
                new Open311Value("service_request_id", r.ReceiptNumber),
                new Open311Value("status", r.Closed ? "closed" : "open"),
                new Open311Value("status_notes", notes is null ? null : PersonalDataMasker.Mask(notes)),
                new Open311Value("service_name", service?.Name(english) ?? r.ServiceCode),
                new Open311Value("service_code", r.ServiceCode),
                new Open311Value("description", PersonalDataMasker.Mask(r.Text)),
                new Open311Value("agency_responsible", agency),
                new Open311Value("service_notice", PostServiceRequestHandler.Notice(english)),
                new Open311Value("requested_datetime", W3cTime.Format(r.RequestedAtUtc)),
                new Open311Value("updated_datetime", W3cTime.Format(updated)),
                new Open311Value("expected_datetime", W3cTime.Format(c?.DueAtUtc)),
                new Open311Value("address", r.AddressString is null ? null : PersonalDataMasker.Mask(r.AddressString)),
                new Open311Value("address_id", r.AddressId),
                new Open311Value("zipcode", null),
                new Open311Value("lat", r.Latitude),
                new Open311Value("long", r.Longitude),
                new Open311Value("media_url", r.MediaUrl),
            ]));
        }
        return new Open311List("service_requests", items);
    }
}
