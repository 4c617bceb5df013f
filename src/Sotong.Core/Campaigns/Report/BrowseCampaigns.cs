using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Campaigns.Compose;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Common;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Texts;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.OptOut;

namespace Sotong.Core.Campaigns.Report;

public sealed record CampaignQuery(CampaignState? State = null, int? Page = null, int? PageSize = null);

public sealed record CampaignListItem(Guid Id, string Title, CampaignKind Kind, CampaignState State, string AuthorName, DateTime CreatedAtUtc,
    DateTime? ScheduledForUtc, DateTime? StartedAtUtc, int? AudienceSize, bool Urgent);

/// <summary>A segment in words: the interests and dongs by name, the rest as chosen.</summary>
public sealed record SegmentView(IReadOnlyList<ChoiceItem> Interests, InterestMatch InterestMatch, IReadOnlyList<SubscriberGender> Genders,
    IReadOnlyList<AgeBand> AgeBands, IReadOnlyList<ChoiceItem> Dongs);

public sealed record CampaignEventView(DateTime AtUtc, string Action, string? From, string? To, string ActorName, string? Detail);

/// <summary>A campaign for the officers who may see it, with its size as the carrier counts it and its history.</summary>
public sealed record CampaignDetail(Guid Id, string Title, string Text, CampaignKind Kind, IReadOnlyList<string> Options, int? CorrectOption,
    SegmentView Segment, string Sender, bool Urgent, int ReplyWindowHours, CampaignState State, string AuthorId, string AuthorName, DateTime CreatedAtUtc,
    int Version, MessageSize Size, IReadOnlyList<CampaignEventView> History)
{
    public DateTime? ScheduledForUtc { get; init; }
    public DateTime? RequestedAtUtc { get; init; }
    public string? ApproverName { get; init; }
    public DateTime? ApprovedAtUtc { get; init; }
    public string? ReturnReason { get; init; }
    public Guid? BatchId { get; init; }
    public DateTime? StartedAtUtc { get; init; }
    public DateTime? SendsFromUtc { get; init; }
    public DateTime? ReplyUntilUtc { get; init; }
    public int? AudienceSize { get; init; }
    public DateTime? SentAtUtc { get; init; }
    public DateTime? CancelledAtUtc { get; init; }
    public string? CancelReason { get; init; }

    /// <summary>Before it starts: when quiet hours would hold it until, if they would (null when it would go at once).</summary>
    public DateTime? HeldUntilUtc { get; init; }
    public bool RequireApproval { get; init; }
}

/// <summary>Sending as it stands: the outbox's counters, with rate and time left.</summary>
public sealed record SendProgress(int Total, int Submitted, int Delivered, int Undelivered, int Failed, int Cancelled, int Remaining, double Percent,
    double? RatePerSecond, double? SecondsLeft);

public sealed record OptionCount(int Number, string Text, int Count, bool IsCorrect);

/// <summary>A participation campaign's entries: one counted per subscriber (their first valid one).</summary>
public sealed record CampaignTally(int Counted, int Superseded, int Unrecognised, IReadOnlyList<OptionCount> Options, int? CorrectCount);

/// <summary>What the live panel refreshes every second or so.</summary>
public sealed record CampaignLiveView(CampaignState State, int? AudienceSize, DateTime? SendsFromUtc, DateTime? ReplyUntilUtc, SendProgress? Progress, int Replies,
    CampaignTally? Tally);

public sealed record FailureReason(string Outcome, int? ErrorCode, string? Error, int Count);

/// <summary>After (or while) sending: the counters, failures grouped by reason, replies, and opt-outs it caused.</summary>
public sealed record CampaignReport(SendProgress? Progress, IReadOnlyList<FailureReason> Failures, int Replies, int OptOuts, CampaignTally? Tally);

public sealed record CampaignReplyView(Guid Id, Guid MessageId, string ReceiptNumber, string Excerpt, DateTime ReceivedAtUtc, EntryStatus Entry, int? Option,
    string Subscriber);

public sealed class BrowseCampaignsHandler(IDbContextFactory<SotongDbContext> dbFactory, Outbox outbox, CampaignPolicy policy, TimeProvider time)
{
    private const int MaxFailureReasons = 20;
    private const int OptOutChunk = 500;

    /// <summary>Newest first, within the officer's division unless they see all.</summary>
    public async Task<Page<CampaignListItem>> ListAsync(CampaignQuery query, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(staff);
        var (page, size) = Page<CampaignListItem>.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = CampaignAccess.Scoped(db.Set<Campaign>().AsNoTracking(), staff);
        if (query.State is { } state)
        {
            campaigns = campaigns.Where(c => c.State == state);
        }
        var total = await campaigns.CountAsync(ct);
        var items = await campaigns.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size)
            .Select(c => new CampaignListItem(c.Id, c.Title, c.Kind, c.State, c.AuthorName, c.CreatedAtUtc, c.ScheduledForUtc, c.StartedAtUtc, c.AudienceSize, c.Urgent))
            .ToListAsync(ct);
        return new Page<CampaignListItem>(items, page, size, total);
    }

    public async Task<CampaignDetail> GetAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        var key = c.Id.ToString();
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == CampaignAccess.EntityType && a.EntityId == key)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new CampaignEventView(a.AtUtc, a.Action, a.FromState, a.ToState, a.ActorName, a.Detail)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? held = null;
        if (c.State is CampaignState.Draft or CampaignState.PendingApproval or CampaignState.Approved or CampaignState.Scheduled)
        {
            var at = c.ScheduledForUtc is { } s && s > now ? s : now;
            var from = policy.QuietHours.EarliestSendUtc(at, c.Urgent);
            held = from > at ? from : null;
        }
        return new CampaignDetail(c.Id, c.Title, c.Text, c.Kind, c.Options, c.CorrectOption, await DescribeAsync(db, c.Segment, ct), c.Sender, c.Urgent,
            c.ReplyWindowHours, c.State, c.AuthorId, c.AuthorName, c.CreatedAtUtc, c.Version, MessageSizes.Measure(c.Text), history)
        {
            ScheduledForUtc = c.ScheduledForUtc, RequestedAtUtc = c.RequestedAtUtc, ApproverName = c.ApproverName, ApprovedAtUtc = c.ApprovedAtUtc,
            ReturnReason = c.ReturnReason, BatchId = c.BatchId, StartedAtUtc = c.StartedAtUtc, SendsFromUtc = c.SendsFromUtc, ReplyUntilUtc = c.ReplyUntilUtc,
            AudienceSize = c.AudienceSize, SentAtUtc = c.SentAtUtc, CancelledAtUtc = c.CancelledAtUtc, CancelReason = c.CancelReason, HeldUntilUtc = held,
            RequireApproval = policy.RequireApproval,
        };
    }

    /// <summary>The live panel's numbers: cheap enough to read every second (one batch row, reply counts).</summary>
    public async Task<CampaignLiveView> LiveAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadReadOnlyAsync(db, id, staff, ct);
        var progress = c.BatchId is { } batch ? Progress(await outbox.ProgressAsync(batch, ct)) : null;
        var replies = await db.Set<CampaignReply>().CountAsync(r => r.CampaignId == id, ct);
        return new CampaignLiveView(c.State, c.AudienceSize, c.SendsFromUtc, c.ReplyUntilUtc, progress, replies, c.IsParticipation ? await TallyAsync(db, c, ct) : null);
    }

    public async Task<CampaignReport> ReportAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadReadOnlyAsync(db, id, staff, ct);
        var replies = await db.Set<CampaignReply>().CountAsync(r => r.CampaignId == id, ct);
        var tally = c.IsParticipation ? await TallyAsync(db, c, ct) : null;
        if (c.BatchId is not { } batch)
        {
            return new CampaignReport(null, [], replies, 0, tally);
        }
        var progress = Progress(await outbox.ProgressAsync(batch, ct));
        var failures = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.BatchId == batch && (m.State == OutboxState.Failed || m.State == OutboxState.Undelivered))
            .GroupBy(m => new { m.State, m.ErrorCode, m.Error })
            .Select(g => new { g.Key.State, g.Key.ErrorCode, g.Key.Error, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(MaxFailureReasons).ToListAsync(ct);
        return new CampaignReport(progress, [.. failures.Select(f => new FailureReason(f.State.ToString(), f.ErrorCode, f.Error, f.Count))], replies,
            await OptOutsAsync(db, c, ct), tally);
    }

    /// <summary>Replies, newest first, with the inbox message each one is (masked) and the subscriber's last four digits.</summary>
    public async Task<Page<CampaignReplyView>> RepliesAsync(Guid id, int? pageNumber, StaffContext staff, CancellationToken ct, int? pageSize = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (page, size) = Page<CampaignReplyView>.Normalize(pageNumber, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadReadOnlyAsync(db, id, staff, ct);
        var replies = db.Set<CampaignReply>().AsNoTracking().Where(r => r.CampaignId == id);
        var total = await replies.CountAsync(ct);
        var rows = await (from r in replies
                          join m in db.InboxMessages on r.MessageId equals m.Id
                          join s in db.Set<Subscriber>() on r.SubscriberId equals s.Id into subscribers
                          from s in subscribers.DefaultIfEmpty()
                          orderby r.ReceivedAtUtc descending, r.Id descending
                          select new { r.Id, r.MessageId, m.ReceiptNumber, m.Text, r.ReceivedAtUtc, r.Entry, r.Option, Last4 = s == null ? null : s.PhoneLast4 })
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<CampaignReplyView>([.. rows.Select(r => new CampaignReplyView(r.Id, r.MessageId, r.ReceiptNumber, TextCut.Cut(PersonalDataMasker.Mask(r.Text), 140),
            r.ReceivedAtUtc, r.Entry, r.Option, r.Last4 is null ? "—" : SubscriberRules.MaskedPhone(r.Last4)))], page, size, total);
    }

    /// <summary>The campaign a reply message belongs to, for the inbox message's page (null when it is not a campaign reply).</summary>
    public async Task<(Guid CampaignId, string Title)?> CampaignOfMessageAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from r in db.Set<CampaignReply>()
                           join c in CampaignAccess.Scoped(db.Set<Campaign>().AsNoTracking(), staff) on r.CampaignId equals c.Id
                           where r.MessageId == messageId
                           select new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Id, found.Title);
    }

    /// <summary>
    /// The tally: each subscriber's first valid entry (by arrival) counts once, whatever the stored status says, so two
    /// entries stored in one intake batch still count once.
    /// </summary>
    internal static async Task<CampaignTally> TallyAsync(SotongDbContext db, Campaign c, CancellationToken ct)
    {
        var entries = await db.Set<CampaignReply>().AsNoTracking()
            .Where(r => r.CampaignId == c.Id && (r.Entry == EntryStatus.Counted || r.Entry == EntryStatus.Superseded || r.Entry == EntryStatus.Unrecognised))
            .Select(r => new { r.Id, r.SubscriberId, r.ReceivedAtUtc, r.Entry, r.Option }).ToListAsync(ct);
        var counted = FirstValid(entries.Where(e => e.Entry is EntryStatus.Counted or EntryStatus.Superseded)
            .Select(e => (e.Id, e.SubscriberId, e.ReceivedAtUtc, e.Option))).ToList();
        var valid = entries.Count(e => e.Entry is EntryStatus.Counted or EntryStatus.Superseded);
        var options = c.Options;
        var perOption = options.Select((text, i) => new OptionCount(i + 1, text, counted.Count(e => e.Option == i + 1), c.CorrectOption == i + 1)).ToList();
        int? correct = c.Kind == CampaignKind.Quiz ? counted.Count(e => e.Option == c.CorrectOption) : null;
        return new CampaignTally(counted.Count, valid - counted.Count, entries.Count(e => e.Entry == EntryStatus.Unrecognised), perOption, correct);
    }

    /// <summary>Each subscriber's first valid entry, by arrival then id.</summary>
    internal static IEnumerable<(Guid Id, Guid SubscriberId, DateTime ReceivedAtUtc, int? Option)> FirstValid(
        IEnumerable<(Guid Id, Guid SubscriberId, DateTime ReceivedAtUtc, int? Option)> valid) =>
        valid.GroupBy(e => e.SubscriberId).Select(g => g.OrderBy(e => e.ReceivedAtUtc).ThenBy(e => e.Id).First());

    /// <summary>
    /// Subscribers who received the campaign and withdrew by SMS keyword within its reply window. The withdrawn are few,
    /// so they are read first and matched to the campaign through their idempotency keys (a unique index).
    /// </summary>
    private static async Task<int> OptOutsAsync(SotongDbContext db, Campaign c, CancellationToken ct)
    {
        if (c.SendsFromUtc is not { } from || c.ReplyUntilUtc is not { } until || c.BatchId is not { } batch)
        {
            return 0;
        }
        var withdrawn = await db.Set<Subscriber>().AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Withdrawn && s.WithdrawnVia == OptOutBySms.Via && s.WithdrawnAtUtc >= from && s.WithdrawnAtUtc <= until)
            .Select(s => s.Id).ToListAsync(ct);
        var count = 0;
        foreach (var chunk in withdrawn.Chunk(OptOutChunk))
        {
            var keys = chunk.Select(s => CampaignStarter.KeyFor(c.Id, s)).ToList();
            count += await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => keys.Contains(m.IdempotencyKey) && m.BatchId == batch
                && (m.State == OutboxState.Submitted || m.State == OutboxState.Delivered), ct);
        }
        return count;
    }

    private static async Task<Campaign> LoadReadOnlyAsync(SotongDbContext db, Guid id, StaffContext staff, CancellationToken ct)
    {
        var c = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !staff.MayActOn(c.DivisionId))
        {
            throw new Common.Errors.NotFoundException("The campaign");
        }
        return c;
    }

    private static SendProgress? Progress(OutboxProgress? p)
    {
        if (p is null)
        {
            return null;
        }
        var done = p.Total - p.Remaining;
        return new SendProgress(p.Total, p.Submitted, p.Delivered, p.Undelivered, p.Failed, p.Cancelled, p.Remaining,
            p.Total == 0 ? 100 : Math.Round(100.0 * done / p.Total, 1), p.Rate, p.TimeLeft?.TotalSeconds);
    }

    private static async Task<SegmentView> DescribeAsync(SotongDbContext db, SubscriberSegment segment, CancellationToken ct)
    {
        var interests = segment.InterestMask == 0 ? [] : (await db.Set<SubscriberInterest>().AsNoTracking().ToListAsync(ct))
            .Where(i => (segment.InterestMask & i.Mask) != 0).OrderBy(i => i.SortOrder).ThenBy(i => i.Bit).Select(i => new ChoiceItem(i.Code, i.NameKo, i.NameEn)).ToList();
        var codes = segment.DongCodes ?? [];
        var dongs = codes.Count == 0 ? [] : await db.Set<SubscriberDong>().AsNoTracking().Where(d => codes.Contains(d.Code)).OrderBy(d => d.SortOrder)
            .Select(d => new ChoiceItem(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
        return new SegmentView(interests, segment.InterestMatch, segment.Genders ?? [], segment.AgeBands ?? [], dongs);
    }
}

internal static class BrowseCampaignsEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        campaigns.MapGet("/", async ([AsParameters] CampaignQuery query, ClaimsPrincipal user, BrowseCampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(query, StaffContext.From(user), ct)))
            .WithName("ListCampaigns")
            .WithSummary("Campaigns the officer may see, newest first, by state");

        campaigns.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, BrowseCampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, StaffContext.From(user), ct)))
            .WithName("GetCampaign")
            .WithSummary("A campaign with its size, segment, state, times and history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapGet("/{id:guid}/live", async (Guid id, ClaimsPrincipal user, BrowseCampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.LiveAsync(id, StaffContext.From(user), ct)))
            .WithName("GetCampaignProgress")
            .WithSummary("Sending progress (submitted, delivered, failed, rate, time left), reply count and the live tally")
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapGet("/{id:guid}/report", async (Guid id, ClaimsPrincipal user, BrowseCampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReportAsync(id, StaffContext.From(user), ct)))
            .WithName("GetCampaignReport")
            .WithSummary("The report: counters, failures grouped by reason, replies, opt-outs it caused, tally")
            .ProducesProblem(StatusCodes.Status404NotFound);

        campaigns.MapGet("/{id:guid}/replies", async (Guid id, int? page, ClaimsPrincipal user, BrowseCampaignsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RepliesAsync(id, page, StaffContext.From(user), ct)))
            .WithName("ListCampaignReplies")
            .WithSummary("Replies to the campaign, newest first, each with its inbox message")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
