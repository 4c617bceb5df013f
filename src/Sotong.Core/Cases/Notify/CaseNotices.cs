using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Common;
using Sotong.Core.Common.Time;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Common.Links;

namespace Sotong.Core.Cases.Notify;

/// <summary>
/// What a case says to its citizens, each on the channel they wrote from and each with their own link (read the answer,
/// rate it, ask for more, agree to publication): the answer, an extension with its reason and new date, the 30-day
/// progress notice. Citizens are written to in Korean, the language of the city's notices.
/// </summary>
public sealed class CaseNotices(IDbContextFactory<SotongDbContext> dbFactory, SendReplyHandler replies, IConfiguration configuration)
{
    public Task<IReadOnlyList<ReplyDelivery>> AnswerAsync(Case c, string actorId, string actorName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        return SendAsync(c, $"answer:{c.Answers}", answers: true, link => $"{c.AnswerText}\n\n[{c.ReceiptNumber}] {link}", actorId, actorName, ct);
    }

    public Task<IReadOnlyList<ReplyDelivery>> ExtendedAsync(Case c, string reason, string actorId, string actorName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var due = SeoulTime.ToSeoul(c.DueAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return SendAsync(c, $"extend:{c.Extensions}", answers: false,
            link => $"[{c.ReceiptNumber}] 민원 처리기간이 {due}까지 연장되었습니다. 사유: {reason}\n{link}", actorId, actorName, ct);
    }

    public Task<IReadOnlyList<ReplyDelivery>> ProgressAsync(Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var due = SeoulTime.ToSeoul(c.DueAtUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return SendAsync(c, "progress", answers: false,
            link => $"[{c.ReceiptNumber}] 접수하신 민원을 처리하고 있습니다. 처리 예정일: {due}. 진행 상황은 아래 주소에서 보실 수 있습니다.\n{link}",
            Case.SystemActor, "Sotong", ct);
    }

    /// <summary>The citizen's page for their case; absolute when the public address is configured (SMS needs it).</summary>
    public string LinkFor(string token) => $"{PublicAddress.Of(configuration)}/my-case/{token}";

    private async Task<IReadOnlyList<ReplyDelivery>> SendAsync(Case c, string purpose, bool answers, Func<string, string> textFor, string actorId, string actorName, CancellationToken ct)
    {
        List<CaseMessage> citizens;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            citizens = await db.Set<CaseMessage>().AsNoTracking().Where(cm => cm.CaseId == c.Id).ToListAsync(ct);
        }
        var notices = citizens.Select(cm => new CitizenNotice(cm.MessageId, textFor(LinkFor(cm.CitizenToken)), $"case:{c.Id:N}:{purpose}:{cm.MessageId:N}", answers)).ToList();
        return await replies.NotifyEachAsync(notices, actorId, actorName, ct);
    }
}
