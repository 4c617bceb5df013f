using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Triage.Decisions;

namespace Sotong.Core.Triage.Grouping;

public sealed record GroupReplyRequest(string? Text);

/// <summary>
/// One answer for a near-duplicate group: the same reply goes to every citizen in it, each on the channel they wrote
/// from (the pothole's fifty reporters all hear back). Messages already answered are left as they are.
/// </summary>
public sealed class GroupReplyHandler(IDbContextFactory<SotongDbContext> dbFactory, SendReplyHandler replies, IStringLocalizer<Text> text)
{
    public const int MaxGroup = 500;

    public async Task<IReadOnlyList<ReplyDelivery>> ReplyAsync(Guid messageId, GroupReplyRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        AnswerText.Validated(request.Text, text);
        List<Guid> members;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var decision = await db.Set<TriageDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.MessageId == messageId, ct)
                ?? throw new NotFoundException("The message's group");
            members = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff)
                .Join(db.Set<TriageDecision>().Where(d => d.GroupId == decision.GroupId), m => m.Id, d => d.MessageId, (m, d) => m)
                .OrderBy(m => m.ReceivedAtUtc).Take(MaxGroup).Select(m => m.Id).ToListAsync(ct);
        }
        if (members.Count == 0)
        {
            throw new NotFoundException("The message");
        }
        return await replies.SendToEachAsync(members, request.Text!, staff, ct);
    }
}

internal static class GroupReplyEndpoints
{
    public static void Map(RouteGroupBuilder triage) =>
        triage.MapPost("/messages/{id:guid}/group/reply", async (Guid id, GroupReplyRequest request, ClaimsPrincipal user, GroupReplyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReplyAsync(id, request, StaffContext.From(user), ct)))
            .WithName("ReplyToGroup")
            .WithSummary("Send one answer to every citizen of the message's near-duplicate group, each on their own channel")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
