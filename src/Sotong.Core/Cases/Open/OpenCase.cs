using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Cases.Deadlines;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Triage.Decisions;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Cases.Open;

/// <summary>Open a case from one or more messages (the same matter); the title defaults to the first message's start.</summary>
public sealed record OpenCaseRequest(IReadOnlyList<Guid>? MessageIds, ComplaintType? Type, string? Title);

/// <summary>Open a case from a message and every near-duplicate triage grouped with it (the same pothole from fifty people).</summary>
public sealed record OpenCaseFromGroupRequest(Guid MessageId, ComplaintType? Type, string? Title);

public sealed record OpenedCase(Guid Id, string ReceiptNumber, DateTime DueAtUtc, int Version);

public sealed class OpenCaseHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    CaseClock clock,
    TriageReviewHandler triage,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    /// <summary>The group's messages not yet in a case become one case; a message triage did not group stands alone.</summary>
    public async Task<OpenedCase> OpenFromGroupAsync(OpenCaseFromGroupRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var members = (await triage.GroupAsync(request.MessageId, staff, ct)).Select(m => m.MessageId).Append(request.MessageId).Distinct().ToList();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var taken = await db.Set<CaseMessage>().Where(cm => members.Contains(cm.MessageId) && cm.MessageId != request.MessageId).Select(cm => cm.MessageId).ToListAsync(ct);
            members = [.. members.Except(taken)];
        }
        return await OpenAsync(new OpenCaseRequest(members, request.Type, request.Title), staff, ct);
    }

    public const int MaxMessages = 500;

    public async Task<OpenedCase> OpenAsync(OpenCaseRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var ids = request.MessageIds?.Distinct().ToList() ?? [];
        new ValidationBuilder()
            .When(ids.Count == 0, "messageIds", text["Cases.ChooseMessages"])
            .When(ids.Count > MaxMessages, "messageIds", text["Cases.TooManyMessages", MaxMessages])
            .When(request.Type is null || !Enum.IsDefined(request.Type.Value), "type", text["Cases.ChooseType"])
            .When(request.Title is { Length: > 200 }, "title", text["Cases.TitleTooLong"])
            .ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Text, m.DivisionId, m.ReceivedAtUtc, m.Topic, m.ContactId }).ToListAsync(ct);
        if (messages.Count != ids.Count)
        {
            throw new NotFoundException("One of the messages");
        }
        var taken = await db.Set<CaseMessage>().Where(cm => ids.Contains(cm.MessageId)).Select(cm => cm.MessageId).ToListAsync(ct);
        new ValidationBuilder().When(taken.Count > 0, "messageIds", text["Cases.MessageTaken"]).ThrowIfAny();

        var first = messages.OrderBy(m => m.ReceivedAtUtc).First();
        var now = time.GetUtcNow().UtcDateTime;
        // The legal clock starts when the citizen's first message arrived, not when an officer opened the case.
        var deadlines = await clock.CurrentAsync(ct);
        var due = deadlines.Calendar.DueAt(first.ReceivedAtUtc, deadlines.Periods.For(request.Type!.Value));
        var title = string.IsNullOrWhiteSpace(request.Title) ? TitleFrom(first.Text) : request.Title.Trim();
        var c = Case.Open(NewReceiptNumber(first.ReceivedAtUtc), title, request.Type.Value, first.DivisionId, first.ReceivedAtUtc, due, staff.UserId, staff.DisplayName);
        c.Topic = first.Topic;
        (c.Repeats, c.Answers) = await RepeatsAsync(db, messages.Where(m => m.ContactId is not null).Select(m => m.ContactId!.Value).Distinct().ToList(), first.Topic, first.DivisionId, ct);
        db.Add(c);
        db.AddRange(messages.Select(m => new CaseMessage { CaseId = c.Id, MessageId = m.Id, AttachedAtUtc = now }));
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Case), c.Id.ToString(), "Opened", to: c.State.ToString(), detail: $"{messages.Count} message(s), {c.Type}");
        await db.SaveChangesAsync(ct);
        return new OpenedCase(c.Id, c.ReceiptNumber, c.DueAtUtc, c.Version);
    }

    /// <summary>
    /// How often the same citizens raised this matter before (their earlier cases on the same topic, or in the same
    /// division when triage gave no topic) and how often they were answered: the repeated-complaint rule counts both.
    /// </summary>
    internal static async Task<(int Repeats, int Answers)> RepeatsAsync(SotongDbContext db, IReadOnlyList<Guid> contacts, string? topic, Guid? divisionId, CancellationToken ct)
    {
        if (contacts.Count == 0)
        {
            return (1, 0);
        }
        var earlier = from cm in db.Set<CaseMessage>()
                      join m in db.InboxMessages on cm.MessageId equals m.Id
                      join c in db.Set<Case>() on cm.CaseId equals c.Id
                      where m.ContactId != null && contacts.Contains(m.ContactId.Value)
                            && c.State != CaseState.Merged && c.State != CaseState.Withdrawn
                            && (topic != null ? c.Topic == topic : c.DivisionId == divisionId)
                      select new { c.Id, c.Answers };
        var prior = await earlier.Distinct().ToListAsync(ct);
        return (1 + prior.Count, prior.Count(p => p.Answers > 0));
    }

    /// <summary>"C-20261123-48392017": the Seoul date of the first message and eight random digits.</summary>
    public static string NewReceiptNumber(DateTime receivedUtc) =>
        $"C-{SeoulTime.ToSeoul(receivedUtc).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}";

    /// <summary>A case's default title: the first message's start on one line, at most 60 characters.</summary>
    public static string TitleFrom(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return TextCut.Excerpt(line, 60);
    }
}

internal static class OpenCaseEndpoint
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapPost("/", async (OpenCaseRequest request, ClaimsPrincipal user, OpenCaseHandler handler, CancellationToken ct) =>
            {
                var opened = await handler.OpenAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
            })
            .WithName("OpenCase")
            .WithSummary("Open a case from one or more messages")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/from-group", async (OpenCaseFromGroupRequest request, ClaimsPrincipal user, OpenCaseHandler handler, CancellationToken ct) =>
            {
                var opened = await handler.OpenFromGroupAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
            })
            .WithName("OpenCaseFromGroup")
            .WithSummary("Open a case from a message and its near-duplicate group")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
