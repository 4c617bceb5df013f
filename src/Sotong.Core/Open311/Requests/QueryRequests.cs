using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Triage.Taxonomy;

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
        public CaseState? State { get; init; }
        public Guid? CaseDivisionId { get; init; }
        public string? TransferredToAgency { get; init; }
        public string? AnswerText { get; init; }
        public DateTime? DueAtUtc { get; init; }
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
    private static IQueryable<Row> Rows(SotongDbContext db)
    {
        var openCases = db.Set<Case>().Where(Case.OpenInQueries);
        return from r in db.Set<Open311Request>()
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
                   // Closed is "not open", by the case's own rule (a merged case that still held a message would be closed too).
                   Closed = c != null && !openCases.Any(o => o.Id == c.Id),
                   State = c == null ? null : c.State,
                   CaseDivisionId = c == null ? null : c.DivisionId,
                   TransferredToAgency = c == null ? null : c.TransferredToAgency,
                   AnswerText = c == null ? null : c.AnswerText,
                   DueAtUtc = c == null ? null : c.DueAtUtc,
               };
    }

    private static async Task<Open311Node> DocumentAsync(SotongDbContext db, IReadOnlyList<Row> rows, bool english, CancellationToken ct)
    {
        var serviceNames = await db.Set<TriageTopic>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => english ? t.NameEn : t.NameKo, StringComparer.Ordinal, ct);
        var caseIds = rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var events = caseIds.Count == 0 ? [] : await db.Set<CaseEvent>().AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && !Case.StaffOnlyNotes.Contains(e.Action))
            .Select(e => new { e.CaseId, e.Id, e.AtUtc, e.Action, e.Reason }).ToListAsync(ct);
        var byCase = events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList());
        var divisionIds = rows.Select(r => r.MessageDivisionId).Concat(rows.Select(r => r.CaseDivisionId)).OfType<Guid>().Distinct().ToList();
        var divisions = divisionIds.Count == 0 ? [] : await db.Departments.AsNoTracking().Where(d => divisionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Name(english), ct);

        var items = new List<Open311Node>(rows.Count);
        foreach (var r in rows)
        {
            var history = r.CaseId is { } id && byCase.TryGetValue(id, out var h) ? h : [];
            string? notes = null;
            if (r.CaseId is not null)
            {
                // The official answer once there is one; otherwise the latest reason the citizen was given (an
                // assignment's "reason" is the officer's name, which is not for the public).
                notes = r.State is CaseState.Answered or CaseState.Closed && r.AnswerText is not null
                    ? r.AnswerText
                    : history.LastOrDefault(e => e.Reason is not null && e.Action != "Assigned")?.Reason;
            }
            var agencyDivision = r.CaseDivisionId ?? r.MessageDivisionId;
            var agency = r.TransferredToAgency
                ?? (agencyDivision is { } division && divisions.TryGetValue(division, out var divisionName) ? divisionName : null);
            var updated = history.Count > 0 ? history.Max(e => e.AtUtc) : r.RequestedAtUtc;
            if (updated < r.RequestedAtUtc)
            {
                updated = r.RequestedAtUtc;
            }
            items.Add(new Open311Object("request",
            [
                new Open311Value("service_request_id", r.ReceiptNumber),
                new Open311Value("status", r.Closed ? "closed" : "open"),
                new Open311Value("status_notes", notes is null ? null : PersonalDataMasker.Mask(notes)),
                new Open311Value("service_name", serviceNames.GetValueOrDefault(r.ServiceCode) ?? r.ServiceCode),
                new Open311Value("service_code", r.ServiceCode),
                new Open311Value("description", PersonalDataMasker.Mask(r.Text)),
                new Open311Value("agency_responsible", agency),
                new Open311Value("service_notice", PostServiceRequestHandler.Notice(english)),
                new Open311Value("requested_datetime", W3cTime.Format(r.RequestedAtUtc)),
                new Open311Value("updated_datetime", W3cTime.Format(updated)),
                new Open311Value("expected_datetime", W3cTime.Format(r.DueAtUtc)),
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
