using Microsoft.EntityFrameworkCore;
using Sotong.Core.Alerts;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Common;
using Sotong.Core.Common.Paging;

namespace Sotong.Web.Alerts;

/// <summary>Another message of a chain, as a link on a public alert page.</summary>
internal sealed record AlertChainLink(string Identifier, CapMsgType MsgType, DateTime? IssuedAtUtc);

/// <summary>
/// One issued message with the messages around it: those it follows (oldest first, as CAP's <c>references</c> lists
/// them) and the one that updated or cancelled it, if any.
/// </summary>
internal sealed record AlertPageView(Alert Alert, IReadOnlyList<AlertChainLink> References, AlertChainLink? SupersededBy);

/// <summary>
/// What the public alert pages read: a message by its identifier with its chain, and the archive a page at a time.
/// Only issued messages exist for the public; drafts, pending and rejected ones are never found here.
/// </summary>
internal sealed class AlertPagesHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public const int ArchivePageSize = 20;

    public async Task<AlertPageView?> FindAsync(string identifier, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issued = db.Set<Alert>().AsNoTracking().Where(a => a.State == AlertState.Issued);
        var alert = await issued.FirstOrDefaultAsync(a => a.Identifier == identifier, ct);
        if (alert is null)
        {
            return null;
        }
        // The same walk the approval wrote into CAP's references, over issued messages only.
        var references = (await AlertChain.EarlierAsync(issued, alert, ct)).Select(a => new AlertChainLink(a.Identifier, a.MsgType, a.IssuedAtUtc)).ToList();
        var superseded = alert.SupersededById is { } by
            ? await issued.Where(a => a.Id == by).Select(a => new AlertChainLink(a.Identifier, a.MsgType, a.IssuedAtUtc)).FirstOrDefaultAsync(ct)
            : null;
        return new AlertPageView(alert, references, superseded);
    }

    /// <summary>Every issued message, newest first.</summary>
    public async Task<Page<Alert>> ArchiveAsync(int? page, CancellationToken ct)
    {
        var (number, size) = Page<Alert>.Normalize(page, ArchivePageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issued = db.Set<Alert>().AsNoTracking().Where(a => a.State == AlertState.Issued);
        var total = await issued.CountAsync(ct);
        var items = await issued.OrderByDescending(a => a.IssuedAtUtc).ThenByDescending(a => a.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<Alert>(items, number, size, total);
    }
}
