using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Campaigns.Report;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Texts;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Campaigns.Participation;

public sealed record DrawRequest(int Winners);

public sealed record WinnerView(int Rank, Guid EntryId, string Subscriber, int? Option, string? EntryText, DateTime ReceivedAtUtc);

/// <summary>A recorded draw, with everything needed to recompute it; winners are shown masked.</summary>
public sealed record DrawView(Guid Id, string Seed, int WinnerCount, int EligibleCount, string EligibleHash, DateTime DrawnAtUtc, string DrawnByName,
    IReadOnlyList<WinnerView> Winners);

/// <summary>
/// The re-check: <paramref name="WinnersMatch"/> — the recorded seed and list give the recorded winners;
/// <paramref name="ListIntact"/> — the recorded list still hashes to the recorded hash; <paramref name="EntriesUnchanged"/> —
/// the entries as they are now make the same list.
/// </summary>
public sealed record DrawCheck(bool WinnersMatch, bool ListIntact, bool EntriesUnchanged, string RecordedHash, string CurrentHash, int RecordedCount, int CurrentCount)
{
    public bool Matches => WinnersMatch && ListIntact && EntriesUnchanged;
}

/// <summary>
/// Draws the winners of a participation campaign once its entries have closed: among each subscriber's first valid
/// entry (a quiz: the correct ones), with a fresh 256-bit seed, by <see cref="WinnerDraw"/>; and re-checks a draw.
/// </summary>
public sealed class DrawWinnersHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    public const int MaxWinners = 1000;

    public async Task<DrawView> DrawAsync(Guid id, DrawRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        new ValidationBuilder().When(request.Winners is < 1 or > MaxWinners, "winners", text["Campaigns.Validation.Winners", MaxWinners]).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        var now = time.GetUtcNow().UtcDateTime;
        Require(c.IsParticipation, "DrawParticipationCampaigns", "Only a quiz, contest or poll has winners.");
        Require(c.ReplyUntilUtc is { } until && until <= now, "DrawAfterEntriesClose", "Winners are drawn after the reply window has closed, when the entries are final.");
        Require(!await db.Set<CampaignDraw>().AnyAsync(d => d.CampaignId == id, ct), "DrawOnce", "This campaign's winners have already been drawn.");
        var eligible = await EligibleAsync(db, c, ct);
        Require(eligible.Count > 0, "DrawNeedsEntries", "There are no eligible entries to draw from.");

        var seed = WinnerDraw.NewSeed();
        var winners = WinnerDraw.Winners(seed, eligible, request.Winners);
        var draw = new CampaignDraw
        {
            CampaignId = c.Id,
            Seed = Convert.ToHexStringLower(seed),
            WinnerCount = request.Winners,
            EligibleCount = eligible.Count,
            EligibleIds = WinnerDraw.ListText(eligible),
            EligibleHash = WinnerDraw.ListHash(eligible),
            WinnerIds = string.Join('\n', winners.Select(w => w.ToString("N"))),
            DrawnAtUtc = now,
            DrawnById = staff.UserId,
            DrawnByName = staff.DisplayName,
        };
        db.Add(draw);
        CampaignAccess.Audit(db, now, staff.UserId, staff.DisplayName, c, "WinnersDrawn", c.State,
            $"{winners.Count} of {eligible.Count} eligible; seed {draw.Seed}; list SHA-256 {draw.EligibleHash}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RuleViolationException("DrawOnce", "This campaign's winners have already been drawn.");
        }
        return await ViewAsync(db, draw, ct);
    }

    /// <summary>The recorded draw, or null when there is none yet.</summary>
    public async Task<DrawView?> GetAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CampaignAccess.LoadAsync(db, id, staff, ct);
        var draw = await db.Set<CampaignDraw>().AsNoTracking().FirstOrDefaultAsync(d => d.CampaignId == id, ct);
        return draw is null ? null : await ViewAsync(db, draw, ct);
    }

    /// <summary>Recomputes the draw from what was recorded, and the eligible list from the entries as they are now.</summary>
    public async Task<DrawCheck> CheckAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        var draw = await db.Set<CampaignDraw>().AsNoTracking().FirstOrDefaultAsync(d => d.CampaignId == id, ct)
            ?? throw new NotFoundException("The campaign's draw");
        return Check(draw, await EligibleAsync(db, c, ct));
    }

    /// <summary>The re-check as a pure function of the recorded draw and the current eligible list.</summary>
    public static DrawCheck Check(CampaignDraw draw, IReadOnlyList<Guid> currentEligible)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var recorded = WinnerDraw.ParseList(draw.EligibleIds);
        var recordedWinners = draw.WinnerIds.Length == 0 ? [] : draw.WinnerIds.Split('\n').Select(Guid.Parse).ToList();
        var recomputed = WinnerDraw.Winners(Convert.FromHexString(draw.Seed), recorded, draw.WinnerCount);
        var current = WinnerDraw.Canonical(currentEligible);
        var currentHash = WinnerDraw.ListHash(current);
        return new DrawCheck(recomputed.SequenceEqual(recordedWinners), WinnerDraw.ListHash(recorded) == draw.EligibleHash, currentHash == draw.EligibleHash,
            draw.EligibleHash, currentHash, recorded.Count, current.Count);
    }

    /// <summary>Each subscriber's first valid entry; in a quiz, only those with the correct option. In the draw's fixed order.</summary>
    internal static async Task<IReadOnlyList<Guid>> EligibleAsync(SotongDbContext db, Campaign c, CancellationToken ct)
    {
        var valid = await db.Set<CampaignReply>().AsNoTracking()
            .Where(r => r.CampaignId == c.Id && (r.Entry == EntryStatus.Counted || r.Entry == EntryStatus.Superseded))
            .Select(r => new { r.Id, r.SubscriberId, r.ReceivedAtUtc, r.Option }).ToListAsync(ct);
        var first = BrowseCampaignsHandler.FirstValid(valid.Select(v => (v.Id, v.SubscriberId, v.ReceivedAtUtc, v.Option)));
        if (c.Kind == CampaignKind.Quiz)
        {
            first = first.Where(e => e.Option == c.CorrectOption);
        }
        return WinnerDraw.Canonical(first.Select(e => e.Id));
    }

    private static async Task<DrawView> ViewAsync(SotongDbContext db, CampaignDraw draw, CancellationToken ct)
    {
        var ids = draw.WinnerIds.Length == 0 ? [] : draw.WinnerIds.Split('\n').Select(Guid.Parse).ToList();
        var rows = await (from r in db.Set<CampaignReply>().AsNoTracking()
                          join s in db.Set<Subscriber>() on r.SubscriberId equals s.Id into subscribers
                          from s in subscribers.DefaultIfEmpty()
                          where ids.Contains(r.Id)
                          select new { r.Id, r.Option, r.EntryText, r.ReceivedAtUtc, Last4 = s == null ? null : s.PhoneLast4 }).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        var winners = ids.Select((id, i) => byId.TryGetValue(id, out var r)
                ? new WinnerView(i + 1, id, r.Last4 is null ? "—" : SubscriberRules.MaskedPhone(r.Last4), r.Option,
                    r.EntryText is null ? null : TextCut.Cut(PersonalDataMasker.Mask(r.EntryText), 140), r.ReceivedAtUtc)
                : new WinnerView(i + 1, id, "—", null, null, default))
            .ToList();
        return new DrawView(draw.Id, draw.Seed, draw.WinnerCount, draw.EligibleCount, draw.EligibleHash, draw.DrawnAtUtc, draw.DrawnByName, winners);
    }

    private static void Require(bool condition, string rule, string message)
    {
        if (!condition)
        {
            throw new RuleViolationException(rule, message);
        }
    }
}

internal static class DrawWinnersEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/{id:guid}/draw", async (Guid id, DrawRequest request, ClaimsPrincipal user, DrawWinnersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DrawAsync(id, request, StaffContext.From(user), ct)))
            .WithName("DrawCampaignWinners")
            .WithSummary("Draw the winners among the eligible entries with a recorded 256-bit seed (once, after the reply window)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        campaigns.MapGet("/{id:guid}/draw", async Task<Results<Ok<DrawView>, NotFound>> (Guid id, ClaimsPrincipal user, DrawWinnersHandler handler, CancellationToken ct) =>
                await handler.GetAsync(id, StaffContext.From(user), ct) is { } draw ? TypedResults.Ok(draw) : TypedResults.NotFound())
            .WithName("GetCampaignDraw")
            .WithSummary("The recorded draw: seed, eligible count and list hash, winners (masked)");

        campaigns.MapGet("/{id:guid}/draw/check", async (Guid id, ClaimsPrincipal user, DrawWinnersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CheckAsync(id, StaffContext.From(user), ct)))
            .WithName("CheckCampaignDraw")
            .WithSummary("Recompute the draw from its seed and list, and the list from the entries now; say whether all match")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
