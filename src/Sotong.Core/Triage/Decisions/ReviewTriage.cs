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
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Training;

namespace Sotong.Core.Triage.Decisions;

/// <summary>Why a message went where it went, in the words shown to officers.</summary>
public sealed record TriageView(
    Guid MessageId,
    MessageIntent Kind,
    double KindConfidence,
    string Topic,
    double TopicConfidence,
    string? District,
    Guid? DivisionId,
    string? DivisionNameKo,
    string? DivisionNameEn,
    double DivisionConfidence,
    DivisionSource DivisionSource,
    Guid? RuleId,
    string? MatchedKeyword,
    double Confidence,
    int ModelVersion,
    TriageState State,
    Guid GroupId,
    int GroupSize,
    string? ReviewedByName,
    DateTime? ReviewedAtUtc,
    int Version);

/// <summary>A message waiting for a person, with what the model suggests.</summary>
public sealed record QueueItem(Guid MessageId, string ReceiptNumber, InboxChannel Channel, string Text, DateTime ReceivedAtUtc, int MessageVersion, TriageView Suggestion);

/// <summary>An officer's correction (or confirmation): <paramref name="Version"/> is the decision's version they saw.</summary>
public sealed record ReviewTriageRequest(MessageIntent? Kind, string? Topic, Guid? DivisionId, int Version);

public sealed record GroupMember(Guid MessageId, string ReceiptNumber, InboxChannel Channel, string Text, DateTime ReceivedAtUtc, MessageStatus Status);

public sealed class TriageReviewHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, InboxNotifier notifier, IStringLocalizer<Text> text)
{
    public async Task<Page<QueueItem>> QueueAsync(int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Page<QueueItem>.Normalize(page, size);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = db.Set<TriageDecision>().AsNoTracking().Where(d => d.State == TriageState.NeedsReview);
        var total = await waiting.CountAsync(ct);
        var rows = await waiting.OrderBy(d => d.ReceivedAtUtc).Skip((p - 1) * s).Take(s)
            .Join(db.InboxMessages, d => d.MessageId, m => m.Id, (d, m) => new { d, m.ReceiptNumber, m.Channel, m.Text, m.ReceivedAtUtc, m.Version })
            .ToListAsync(ct);
        var views = await ViewsAsync(db, [.. rows.Select(r => r.d)], ct);
        return new Page<QueueItem>([.. rows.Select(r => new QueueItem(r.d.MessageId, r.ReceiptNumber, r.Channel, r.Text, r.ReceivedAtUtc, r.Version, views[r.d.MessageId]))], p, s, total);
    }

    /// <summary>The decision on one message, or null while it is still waiting for the classifier.</summary>
    public async Task<TriageView?> ForMessageAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).AnyAsync(m => m.Id == messageId, ct))
        {
            throw new NotFoundException("The message");
        }
        var decision = await db.Set<TriageDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.MessageId == messageId, ct);
        return decision is null ? null : (await ViewsAsync(db, [decision], ct))[messageId];
    }

    /// <summary>The other messages of the same near-duplicate group (the same pothole from fifty people).</summary>
    public async Task<IReadOnlyList<GroupMember>> GroupAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Set<TriageDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.MessageId == messageId, ct);
        if (decision is null)
        {
            return [];
        }
        return await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff)
            .Join(db.Set<TriageDecision>().Where(d => d.GroupId == decision.GroupId), m => m.Id, d => d.MessageId, (m, d) => m)
            .OrderBy(m => m.ReceivedAtUtc)
            .Select(m => new GroupMember(m.Id, m.ReceiptNumber, m.Channel, m.Text, m.ReceivedAtUtc, m.Status))
            .Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// Corrects (or confirms) kind, topic and division: the message is relabelled and rerouted, the decision marked
    /// reviewed, and the officer's labels stored as a training example for the next model.
    /// </summary>
    public async Task<TriageView> ReviewAsync(Guid messageId, ReviewTriageRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var topicKnown = request.Topic is not null && await db.Set<Taxonomy.TriageTopic>().AnyAsync(t => t.Key == request.Topic && t.IsActive, ct);
        var divisionKnown = request.DivisionId is null || await db.Departments.AnyAsync(d => d.Id == request.DivisionId && d.Kind == Organization.DepartmentKind.Division, ct);
        new ValidationBuilder()
            .When(request.Kind is not { } k || !Enum.IsDefined(k), "kind", text["Validation.TriageKind"])
            .When(!topicKnown, "topic", text["Validation.TriageTopic"])
            .When(!divisionKnown, "divisionId", text["Validation.DivisionUnknown"])
            .ThrowIfAny();

        var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages, staff).FirstOrDefaultAsync(m => m.Id == messageId, ct)
            ?? throw new NotFoundException("The message");
        if (!staff.SeesAllDivisions && request.DivisionId != message.DivisionId)
        {
            throw new RuleViolationException("CommunicationsRoutes", text["Triage.Rule.CommunicationsRoutes"]);
        }
        var decision = await db.Set<TriageDecision>().FirstOrDefaultAsync(d => d.MessageId == messageId, ct)
            ?? throw new RuleViolationException("NotTriagedYet", text["Triage.Rule.NotTriagedYet"]);
        if (decision.Version != request.Version)
        {
            throw new DbUpdateConcurrencyException("The triage decision changed since it was loaded.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var before = $"{decision.Intent}/{decision.Topic}/{message.DivisionId}";
        decision.Review(request.Kind!.Value, request.Topic!, request.DivisionId, staff.UserId, staff.DisplayName, now);
        message.Label(decision.Intent, decision.Topic);
        if (request.DivisionId is { } division && message.DivisionId != division)
        {
            var from = message.DivisionId?.ToString();
            message.RouteTo(division);
            db.Audit(now, staff.UserId, staff.DisplayName, nameof(InboxMessage), messageId.ToString(), "Routed", from, division.ToString(), "triage review");
        }
        // The latest person's labels update an earlier correction of the same message (no contradicting examples).
        await CorrectionExamples.StoreAsync(db, [new CorrectionLabel(message.Id, message.Text, decision.Intent, decision.Topic, decision.DivisionId, DivisionOnly: false)],
            staff.DisplayName, now, ct);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(TriageDecision), messageId.ToString(), "Reviewed", before, $"{decision.Intent}/{decision.Topic}/{decision.DivisionId}");
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new InboxChange(messageId, message.DivisionId, "triaged"));
        return (await ViewsAsync(db, [decision], ct))[messageId];
    }

    private static async Task<Dictionary<Guid, TriageView>> ViewsAsync(SotongDbContext db, List<TriageDecision> decisions, CancellationToken ct)
    {
        var divisionIds = decisions.Where(d => d.DivisionId is not null).Select(d => d.DivisionId!.Value).Distinct().ToList();
        // The message's own division is the truth (an officer may have routed it by hand since triage decided).
        var messageIds = decisions.Select(d => d.MessageId).ToList();
        var actual = await db.InboxMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.DivisionId }).ToDictionaryAsync(m => m.Id, m => m.DivisionId, ct);
        divisionIds.AddRange(actual.Values.Where(v => v is not null).Select(v => v!.Value));
        var names = await db.Departments.AsNoTracking().Where(d => divisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.NameKo, d.NameEn), ct);
        var groups = decisions.Select(d => d.GroupId).Distinct().ToList();
        var sizes = await db.Set<TriageDecision>().AsNoTracking().Where(d => groups.Contains(d.GroupId)).GroupBy(d => d.GroupId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return decisions.ToDictionary(d => d.MessageId, d =>
        {
            var current = actual.TryGetValue(d.MessageId, out var a) && (a is not null || d.State != TriageState.NeedsReview) ? a : d.DivisionId;
            var movedByHand = current != d.DivisionId;
            var name = current is { } id && names.TryGetValue(id, out var n) ? n : ((string?)null, (string?)null);
            return new TriageView(d.MessageId, d.Intent, d.IntentConfidence, d.Topic, d.TopicConfidence, d.District, current, name.Item1, name.Item2,
                d.DivisionConfidence, movedByHand ? DivisionSource.Officer : d.DivisionSource, movedByHand ? null : d.RuleId, movedByHand ? null : d.MatchedKeyword,
                d.Confidence, d.ModelVersion, d.State, d.GroupId, sizes.GetValueOrDefault(d.GroupId, 1), d.ReviewedByName, d.ReviewedAtUtc, d.Version);
        });
    }
}

internal static class ReviewTriageEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/queue", async (int? page, int? pageSize, TriageReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.QueueAsync(page, pageSize, ct)))
            .WithName("TriageQueue")
            .WithSummary("Messages waiting for a person (below the confidence threshold)")
            .RequireAuthorization(SotongPolicies.CityWide);

        triage.MapGet("/messages/{id:guid}", async Task<IResult> (Guid id, ClaimsPrincipal user, TriageReviewHandler handler, CancellationToken ct) =>
                await handler.ForMessageAsync(id, StaffContext.From(user), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NoContent())
            .WithName("TriageDecision")
            .WithSummary("How triage decided a message (204 while it is still being classified)")
            .Produces<TriageView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        triage.MapGet("/messages/{id:guid}/group", async (Guid id, ClaimsPrincipal user, TriageReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GroupAsync(id, StaffContext.From(user), ct)))
            .WithName("TriageGroup")
            .WithSummary("The message's near-duplicates (same issue, other senders)");

        triage.MapPost("/messages/{id:guid}/review", async (Guid id, ReviewTriageRequest request, ClaimsPrincipal user, TriageReviewHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReviewAsync(id, request, StaffContext.From(user), ct)))
            .WithName("ReviewTriage")
            .WithSummary("Correct or confirm kind, topic and division; the correction becomes a training example")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
