using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Triage.Decisions;
using Sotong.Core.Triage.Grouping;

namespace Sotong.Core.Cases.Open;

/// <summary>
/// A near-duplicate arriving after a case was opened from its group joins that case while it is open, with its
/// sender, so the case's answer reaches them too. Runs in the transaction that stores the triage decisions.
/// </summary>
/// <remarks>
/// A group's case is found by the group's id, which is its first message's id: a case opened from the group holds
/// that message (a unique-index probe, cheap even while a flood of one text brings thousands of copies a minute).
/// Only when that message is in a finished case (it had a case of its own before the others came) are the group's
/// other messages looked through for an open case.
/// </remarks>
public sealed class GroupArrivalsJoinCases : IGroupArrivals
{
    public const string Actor = "triage";

    public async Task JoinedAsync(SotongDbContext db, IReadOnlyList<GroupArrival> arrivals, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(arrivals);
        var groups = arrivals.Select(a => a.GroupId).Distinct().ToList();
        var firsts = await (from cm in db.Set<CaseMessage>()
                            join c in db.Set<Case>().AsNoTracking() on cm.CaseId equals c.Id
                            where groups.Contains(cm.MessageId)
                            select new { Group = cm.MessageId, Case = c }).ToListAsync(ct);
        var caseOf = firsts.Where(f => f.Case.IsOpen).ToDictionary(f => f.Group, f => f.Case);
        var elsewhere = firsts.Where(f => !f.Case.IsOpen).Select(f => f.Group).ToList();
        if (elsewhere.Count > 0)
        {
            var open = db.Set<Case>().AsNoTracking().Where(Case.OpenInQueries);
            var others = await (from d in db.Set<TriageDecision>()
                                join cm in db.Set<CaseMessage>() on d.MessageId equals cm.MessageId
                                join c in open on cm.CaseId equals c.Id
                                where elsewhere.Contains(d.GroupId)
                                select new { d.GroupId, Case = c, cm.AttachedAtUtc }).ToListAsync(ct);
            foreach (var g in others.GroupBy(o => o.GroupId))
            {
                caseOf[g.Key] = g.OrderByDescending(o => o.AttachedAtUtc).First().Case;
            }
        }
        var joining = arrivals.Where(a => caseOf.ContainsKey(a.GroupId)).ToList();
        if (joining.Count == 0)
        {
            return;
        }
        // Announced twice, or put in a case by hand before triage got to it: a message is in one case at most.
        var ids = joining.Select(a => a.MessageId).ToList();
        var taken = (await db.Set<CaseMessage>().Where(cm => ids.Contains(cm.MessageId)).Select(cm => cm.MessageId).ToListAsync(ct)).ToHashSet();
        foreach (var a in joining.Where(a => !taken.Contains(a.MessageId)))
        {
            var c = caseOf[a.GroupId];
            db.Add(new CaseMessage { CaseId = c.Id, MessageId = a.MessageId, AttachedAtUtc = nowUtc });
            db.Audit(nowUtc, Actor, "Sotong triage", nameof(Case), c.Id.ToString(), "MessageJoined", to: a.MessageId.ToString(), detail: "near-duplicate of the case's group");
        }
        await db.SaveChangesAsync(ct);
    }
}
