using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Common;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Qna.Publish;

namespace Sotong.Core.Inbox.Publish;

/// <summary>Exactly what the public will read, shown to the officer before they publish.</summary>
public sealed record PublishPreview(string MaskedQuestion, string MaskedAnswer, bool QuestionWasMasked, bool AnswerWasMasked, bool CitizenConsented);

public sealed record PublishMessageRequest(int Version);

public sealed class PublishMessageHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, InboxNotifier notifier)
{
    public async Task<PublishPreview> PreviewAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("The message");
        var (question, answer) = Publication.Preview(message.Text, message.AnswerText ?? string.Empty);
        return new PublishPreview(question, answer, question != message.Text, answer != (message.AnswerText ?? string.Empty), message.ConsentToPublish);
    }

    public async Task<Guid> PublishAsync(Guid id, PublishMessageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await AnswerMessageHandler.LoadForChangeAsync(db, id, request.Version, staff, ct);
        var division = message.DivisionId is null ? null : await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == message.DivisionId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var from = message.Status;
        message.Publish(now);
        var published = Publication.ForMessage(message.Id, new PublicationDraft(
            message.ReceiptNumber, message.Channel.ToString(), string.Empty, message.Text, message.AnswerText!, message.DivisionId,
            division?.NameKo ?? "시민소통", division?.NameEn ?? "Citizen Communication", message.Topic, Publication.Answered,
            message.ReceivedAtUtc, message.AnsweredAtUtc!.Value), now);
        db.PublishedAnswers.Add(published);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), id.ToString(), "Published", from.ToString(), message.Status.ToString());
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(id, message.DivisionId, "published"));
        return published.Id;
    }
}

/// <summary>The id of the new public answer.</summary>
public sealed record PublishResponse(Guid AnswerId, string Url);

internal static class PublishMessageEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapGet("/{id:guid}/publish-preview", async (Guid id, ClaimsPrincipal user, PublishMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewAsync(id, StaffContext.From(user), ct)))
            .WithName("PreviewPublication")
            .WithSummary("See the masked question and answer as the public would");

        inbox.MapPost("/{id:guid}/publish", async (Guid id, PublishMessageRequest request, ClaimsPrincipal user, PublishMessageHandler handler, CancellationToken ct) =>
            {
                var answerId = await handler.PublishAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.Ok(new PublishResponse(answerId, $"/answers/{answerId}"));
            })
            .WithName("PublishInboxMessage")
            .WithSummary("Publish the masked question and answer on the public answers portal")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
