using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Triage.Decisions;

namespace Sotong.Core.Triage.Grouping;

/// <summary>
/// One answer for the whole group. <paramref name="Recipients"/> is the number of messages the officer was shown it
/// would go to (<see cref="GroupRecipients.Messages"/>) and confirmed: without it, or when the group has changed
/// since, nothing is sent.
/// </summary>
public sealed record GroupReplyRequest(string? Text, int? Recipients);

/// <summary>How many messages of one channel a reply to the group would go to.</summary>
public sealed record ChannelRecipients(InboxChannel Channel, int Messages);

/// <summary>
/// Who a reply to the group would reach now: the unanswered messages, the citizens behind them (one per contact; a
/// message without one counts as its own citizen), by channel, and the messages left out because they are answered.
/// </summary>
public sealed record GroupRecipients(int Messages, int Citizens, int AlreadyAnswered, IReadOnlyList<ChannelRecipients> Channels);

/// <summary>
/// One answer for a near-duplicate group: the same reply goes to every citizen in it, each on the channel they wrote
/// from (the pothole's fifty reporters all hear back). Messages already answered are left as they are. Because one
/// click can reach hundreds of people, the officer first sees how many (<see cref="RecipientsAsync"/>) and the send
/// carries that number back: a group that grew or was answered meanwhile is refused, not sent to.
/// </summary>
public sealed class GroupReplyHandler(IDbContextFactory<SotongDbContext> dbFactory, SendReplyHandler replies, TimeProvider time, IStringLocalizer<Text> text)
{
    public const int MaxGroup = 500;

    public async Task<GroupRecipients> RecipientsAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, members) = await MembersAsync(db, messageId, staff, ct);
        return Count(members);
    }

    public async Task<IReadOnlyList<ReplyDelivery>> ReplyAsync(Guid messageId, GroupReplyRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        AnswerText.Validated(request.Text, text);
        new ValidationBuilder().When(request.Recipients is null, "recipients", text["Validation.ConfirmRecipients"]).ThrowIfAny();
        List<Member> members;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            (var groupId, members) = await MembersAsync(db, messageId, staff, ct);
            var recipients = Count(members);
            if (recipients.Messages != request.Recipients)
            {
                throw new RuleViolationException("ConfirmGroupRecipients", text["Triage.Rule.ConfirmGroupRecipients", recipients.Messages, request.Recipients!.Value]);
            }
            if (recipients.Messages == 0)
            {
                throw new RuleViolationException("GroupAlreadyAnswered", text["Triage.Rule.GroupAlreadyAnswered"]);
            }
            db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(TriageDecision), groupId.ToString(), "GroupReplied",
                detail: $"{recipients.Messages} message(s), {recipients.Citizens} citizen(s)");
            await db.SaveChangesAsync(ct);
        }
        // Only the members counted and confirmed: a message arriving from now on is not sent to unseen.
        return await replies.SendToEachAsync([.. members.Select(m => m.Id)], request.Text!, staff, ct);
    }

    private sealed record Member(Guid Id, InboxChannel Channel, Guid? ContactId, MessageStatus Status);

    private static async Task<(Guid GroupId, List<Member> Members)> MembersAsync(SotongDbContext db, Guid messageId, StaffContext staff, CancellationToken ct)
    {
        var decision = await db.Set<TriageDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.MessageId == messageId, ct)
            ?? throw new NotFoundException("The message's group");
        var rows = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff)
            .Join(db.Set<TriageDecision>().Where(d => d.GroupId == decision.GroupId), m => m.Id, d => d.MessageId, (m, d) => m)
            .OrderBy(m => m.ReceivedAtUtc).Take(MaxGroup)
            .Select(m => new { m.Id, m.Channel, m.ContactId, m.Status }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw new NotFoundException("The message");
        }
        return (decision.GroupId, [.. rows.Select(r => new Member(r.Id, r.Channel, r.ContactId, r.Status))]);
    }

    private static GroupRecipients Count(List<Member> members)
    {
        // Only an unanswered message gets the group's answer (SendReplyHandler.SendToEachAsync leaves the others).
        var pending = members.Where(m => m.Status == MessageStatus.Received).ToList();
        var citizens = pending.Where(m => m.ContactId is not null).Select(m => m.ContactId).Distinct().Count() + pending.Count(m => m.ContactId is null);
        var channels = pending.GroupBy(m => m.Channel).Select(g => new ChannelRecipients(g.Key, g.Count())).OrderByDescending(c => c.Messages).ThenBy(c => c.Channel).ToList();
        return new GroupRecipients(pending.Count, citizens, members.Count - pending.Count, channels);
    }
}

internal static class GroupReplyEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/messages/{id:guid}/group/recipients", async (Guid id, ClaimsPrincipal user, GroupReplyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecipientsAsync(id, StaffContext.From(user), ct)))
            .WithName("GroupReplyRecipients")
            .WithSummary("How many citizens, on which channels, an answer to the message's near-duplicate group would reach now")
            .ProducesProblem(StatusCodes.Status404NotFound);

        triage.MapPost("/messages/{id:guid}/group/reply", async (Guid id, GroupReplyRequest request, ClaimsPrincipal user, GroupReplyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReplyAsync(id, request, StaffContext.From(user), ct)))
            .WithName("ReplyToGroup")
            .WithSummary("Send one answer to every citizen of the message's near-duplicate group, each on their own channel; " +
                "'recipients' must repeat the message count from group/recipients, or nothing is sent (409)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
