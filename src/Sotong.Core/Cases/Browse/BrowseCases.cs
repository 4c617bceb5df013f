using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases.Act;
using Sotong.Core.Cases.Deadlines;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Cases.Browse;

public sealed record CaseQuery(CaseState? State = null, bool Mine = false, bool OverdueOnly = false, int? Page = null, int? PageSize = null);

public sealed record CaseListItem(Guid Id, string ReceiptNumber, string Title, string Type, string State, Guid? DivisionId, string? AssignedToName,
    DateTime ReceivedAtUtc, DateTime DueAtUtc, bool IsOpen, bool Overdue, string DueKo, string DueEn, int Version);

public sealed record CaseMessageView(Guid MessageId, string ReceiptNumber, string Channel, string Text, DateTime ReceivedAtUtc);

public sealed record CaseEventView(DateTime AtUtc, string Action, string From, string To, string ActorName, string? Reason);

/// <summary>A case for its officer. Message texts are masked unless the officer asked to see them whole (which is audited).</summary>
public sealed record CaseDetail(CaseListItem Summary, int Extensions, string? AnswerText, DateTime? AnsweredAtUtc, string? TransferredToAgency, Guid? MergedIntoId,
    IReadOnlyList<CaseMessageView> Messages, IReadOnlyList<CaseEventView> History)
{
    public int Repeats { get; init; }
    public int Answers { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
    public bool Unmasked { get; init; }
}

/// <summary>The case a message belongs to, as the message's page links to it.</summary>
public sealed record CaseOfMessage(Guid Id, string ReceiptNumber, string State);

public sealed class BrowseCasesHandler(IDbContextFactory<SotongDbContext> dbFactory, CaseClock clock, TimeProvider time)
{
    /// <summary>Open cases first, the most overdue on top; then the finished ones, newest first.</summary>
    public async Task<Page<CaseListItem>> ListAsync(CaseQuery query, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(staff);
        var (page, size) = Page<CaseListItem>.Normalize(query.Page, query.PageSize);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = Scoped(db.Set<Case>().AsNoTracking(), staff);
        if (query.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }
        if (query.Mine)
        {
            cases = cases.Where(c => c.AssignedToId == staff.UserId);
        }
        // Two runs, each read in index order so a division with tens of thousands of cases never sorts them all:
        // open cases by due time (the most overdue on top), then the finished ones, newest first.
        var open = cases.Where(Case.OpenInQueries);
        if (query.OverdueOnly)
        {
            open = open.Where(c => c.DueAtUtc < now);
        }
        var finished = cases.Where(Case.FinishedInQueries);
        var openCount = await open.CountAsync(ct);
        // Every case in scope, counted from an index; the finished ones are that less the open ones.
        var total = query.OverdueOnly ? openCount : await cases.CountAsync(ct);
        var skip = (page - 1) * size;
        var rows = skip < openCount
            ? await open.OrderBy(c => c.DueAtUtc).ThenBy(c => c.Id).Skip(skip).Take(size).ToListAsync(ct)
            : [];
        if (rows.Count < size && !query.OverdueOnly)
        {
            rows.AddRange(await finished.OrderByDescending(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
                .Skip(Math.Max(0, skip - openCount)).Take(size - rows.Count).ToListAsync(ct));
        }
        var calendar = (await clock.CurrentAsync(ct)).Calendar;
        return new Page<CaseListItem>([.. rows.Select(c => Item(c, now, calendar))], page, size, total);
    }

    public async Task<CaseDetail> GetAsync(Guid id, StaffContext staff, CancellationToken ct, bool unmasked = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await ActOnCaseHandler.LoadAsync(db, id, staff, ct);
        await db.Entry(c).Collection(x => x.Events).LoadAsync(ct);
        var messages = await (from cm in db.Set<CaseMessage>()
                              join m in db.InboxMessages on cm.MessageId equals m.Id
                              where cm.CaseId == id
                              orderby m.ReceivedAtUtc
                              select new { m.Id, m.ReceiptNumber, m.Channel, m.Text, m.ReceivedAtUtc }).ToListAsync(ct);
        var calendar = (await clock.CurrentAsync(ct)).Calendar;
        var now = time.GetUtcNow().UtcDateTime;
        if (unmasked)
        {
            // Seeing a citizen's personal data whole is a deliberate act, and on the record.
            db.Audit(now, staff.UserId, staff.DisplayName, nameof(Case), c.Id.ToString(), "ViewedPersonalData", detail: $"{messages.Count} message(s)");
            await db.SaveChangesAsync(ct);
        }
        return new CaseDetail(Item(c, now, calendar), c.Extensions, c.AnswerText, c.AnsweredAtUtc, c.TransferredToAgency, c.MergedIntoId,
            [.. messages.Select(m => new CaseMessageView(m.Id, m.ReceiptNumber, m.Channel.ToString(), unmasked ? m.Text : PersonalDataMasker.Mask(m.Text), m.ReceivedAtUtc))],
            [.. c.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new CaseEventView(e.AtUtc, e.Action, e.From.ToString(), e.To.ToString(), e.ActorName, e.Reason))])
        {
            Repeats = c.Repeats, Answers = c.Answers, PublishedAtUtc = c.PublishedAtUtc, Unmasked = unmasked,
        };
    }

    /// <summary>The case holding the message, if the officer may see it; null when the message is in no case (or in one they may not see).</summary>
    public async Task<CaseOfMessage?> CaseOfMessageAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from cm in db.Set<CaseMessage>()
                      join c in Scoped(db.Set<Case>().AsNoTracking(), staff) on cm.CaseId equals c.Id
                      where cm.MessageId == messageId
                      select new CaseOfMessage(c.Id, c.ReceiptNumber, c.State.ToString())).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<Case> Scoped(IQueryable<Case> cases, StaffContext staff) =>
        staff.SeesAllDivisions ? cases : cases.Where(c => c.DivisionId != null && c.DivisionId == staff.DivisionId);

    private static CaseListItem Item(Case c, DateTime now, WorkingCalendar calendar)
    {
        var label = c.IsOpen ? DueLabel.For(now, c.DueAtUtc, calendar) : null;
        return new CaseListItem(c.Id, c.ReceiptNumber, c.Title, c.Type.ToString(), c.State.ToString(), c.DivisionId, c.AssignedToName, c.ReceivedAtUtc,
            c.DueAtUtc, c.IsOpen, label?.Overdue ?? false, label?.Korean ?? "", label?.English ?? "", c.Version);
    }
}

internal static class BrowseCasesEndpoints
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/", async ([AsParameters] CaseQuery query, ClaimsPrincipal user, BrowseCasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(query, StaffContext.From(user), ct)))
            .WithName("ListCases")
            .WithSummary("Cases the officer may see: open ones first, the most overdue on top");

        cases.MapGet("/{id:guid}", async (Guid id, bool? unmasked, ClaimsPrincipal user, BrowseCasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, StaffContext.From(user), ct, unmasked == true)))
            .WithName("GetCase")
            .WithSummary("A case with its messages (masked; ?unmasked=true shows them whole and is audited) and history")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
