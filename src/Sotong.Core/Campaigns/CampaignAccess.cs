using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Campaigns;

/// <summary>Who sees which campaign (as for cases: department officers their division's, city-wide staff all) and how changes are audited.</summary>
internal static class CampaignAccess
{
    public const string EntityType = nameof(Campaign);
    public const string SystemActorId = "sotong";
    public const string SystemActorName = "Sotong";

    public static IQueryable<Campaign> Scoped(IQueryable<Campaign> campaigns, StaffContext staff) =>
        staff.SeesAllDivisions ? campaigns : campaigns.Where(c => c.DivisionId != null && c.DivisionId == staff.DivisionId);

    /// <summary>The campaign, tracked; one the officer may not see does not exist for them.</summary>
    public static async Task<Campaign> LoadAsync(SotongDbContext db, Guid id, StaffContext staff, CancellationToken ct)
    {
        var c = await db.Set<Campaign>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !staff.MayActOn(c.DivisionId))
        {
            throw new NotFoundException("The campaign");
        }
        return c;
    }

    public static void Audit(SotongDbContext db, DateTime nowUtc, string actorId, string actorName, Campaign c, string action, CampaignState? from, string? detail = null) =>
        db.Audit(nowUtc, actorId, actorName, EntityType, c.Id.ToString(), action, from?.ToString(), c.State.ToString(),
            detail is null ? null : Common.Texts.TextCut.Cut(detail, 1000));
}
