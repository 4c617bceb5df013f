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
using Sotong.Core.Qna.Recommend;

namespace Sotong.Core.Qna.Comments;

public sealed record PostCommentRequest(string? Nickname, string? Text);

public sealed record CommentView(Guid Id, string Nickname, string Text, DateTime PostedAtUtc);

/// <summary>Visible: shown at once. Held: a moderator looks first (the reason says why).</summary>
public sealed record PostedComment(Guid Id, CommentState State, string? Reason);

public sealed record ReportCommentRequest(string? Reason);

public sealed record ModerationItem(Guid Id, Guid AnswerId, string Nickname, string Text, CommentState State, string? Reason, int Reports, DateTime PostedAtUtc, int Version);

public sealed record ModerateCommentRequest(int Version, string? Reason);

/// <summary>
/// Comments on published answers: masked, filtered (Korean profanity and spam), reported by readers, hidden by
/// moderators with a reason. A comment is never deleted; hiding it keeps it for the record.
/// </summary>
public sealed class CommentOnAnswerHandler(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector, TimeProvider time, IStringLocalizer<Text> text)
{
    /// <summary>Reports that take a comment off the page until a moderator looks.</summary>
    public const int ReportsToHold = 3;
    public const int CommentsPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public async Task<Page<CommentView>> ListAsync(Guid answerId, int? page, CancellationToken ct)
    {
        var (number, size) = Page<CommentView>.Normalize(page, 20, defaultSize: 20, maxSize: 50);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Set<AnswerComment>().AsNoTracking().Where(c => c.AnswerId == answerId && c.State == CommentState.Visible);
        var total = await visible.CountAsync(ct);
        var items = await visible.OrderBy(c => c.PostedAtUtc).Skip((number - 1) * size).Take(size)
            .Select(c => new CommentView(c.Id, c.Nickname, c.Text, c.PostedAtUtc)).ToListAsync(ct);
        return new Page<CommentView>(items, number, size, total);
    }

    public async Task<PostedComment> PostAsync(Guid answerId, PostCommentRequest request, string browserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Text?.Trim() ?? string.Empty;
        var nickname = string.IsNullOrWhiteSpace(request.Nickname) ? "시민" : request.Nickname.Trim();
        var check = CommentFilter.Check(body);
        new ValidationBuilder()
            .When(nickname.Length > AnswerComment.MaxNicknameLength, "nickname", text["Comments.NicknameTooLong", AnswerComment.MaxNicknameLength])
            .When(CommentFilter.Check(nickname).Verdict == CommentVerdict.Reject, "nickname", text["Comments.NicknameRejected"])
            .When(check.Verdict == CommentVerdict.Reject, "text", check.Reason switch
            {
                "empty" => text["Comments.Empty"],
                "too-long" => text["Comments.TooLong", AnswerComment.MaxTextLength],
                _ => text["Comments.Rejected"],
            })
            .ThrowIfAny();
        var author = await protector.LookupHashAsync($"qna-author:{browserId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.PublishedAnswers.AnyAsync(a => a.Id == answerId && a.IsPublished, ct))
        {
            throw new NotFoundException("The answer");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Window;
        if (await db.Set<AnswerComment>().CountAsync(c => c.AuthorHash == author && c.PostedAtUtc > since, ct) >= CommentsPerWindow)
        {
            throw new RateLimitedException(Window);
        }
        var comment = new AnswerComment
        {
            AnswerId = answerId, Nickname = PersonalDataMasker.Mask(nickname), Text = PersonalDataMasker.Mask(body), PostedAtUtc = now, AuthorHash = author,
            State = check.Verdict == CommentVerdict.Hold ? CommentState.Held : CommentState.Visible,
            ModerationReason = check.Verdict == CommentVerdict.Hold ? $"filter: {check.Reason}" : null,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        if (comment.State == CommentState.Visible)
        {
            await CountAsync(db, answerId, +1, ct);
        }
        return new PostedComment(comment.Id, comment.State, comment.ModerationReason);
    }

    public async Task ReportAsync(Guid commentId, ReportCommentRequest request, string browserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "unspecified" : request.Reason.Trim();
        new ValidationBuilder().When(reason.Length > 200, "reason", text["Cases.ReasonTooLong", 200]).ThrowIfAny();
        var reporter = await protector.LookupHashAsync($"qna-report:{commentId:N}:{browserId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Set<AnswerComment>().FirstOrDefaultAsync(c => c.Id == commentId && c.State != CommentState.Hidden, ct)
            ?? throw new NotFoundException("The comment");
        if (await db.Set<CommentReport>().AnyAsync(r => r.CommentId == commentId && r.ReporterHash == reporter, ct))
        {
            return;
        }
        db.Add(new CommentReport { CommentId = commentId, ReporterHash = reporter, Reason = PersonalDataMasker.Mask(reason), AtUtc = time.GetUtcNow().UtcDateTime });
        comment.Reports++;
        var heldNow = comment.State == CommentState.Visible && comment.Reports >= ReportsToHold;
        if (heldNow)
        {
            comment.State = CommentState.Held;
            comment.ModerationReason = $"reports: {comment.Reports}";
        }
        await db.SaveChangesAsync(ct);
        if (heldNow)
        {
            await CountAsync(db, comment.AnswerId, -1, ct);
        }
    }

    /// <summary>The moderators' queue: held comments and reported ones, most reported first.</summary>
    public async Task<IReadOnlyList<ModerationItem>> QueueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AnswerComment>().AsNoTracking().Where(c => c.State == CommentState.Held || (c.State == CommentState.Visible && c.Reports > 0))
            .OrderByDescending(c => c.State == CommentState.Held).ThenByDescending(c => c.Reports).ThenBy(c => c.PostedAtUtc).Take(200)
            .Select(c => new ModerationItem(c.Id, c.AnswerId, c.Nickname, c.Text, c.State, c.ModerationReason, c.Reports, c.PostedAtUtc, c.Version))
            .ToListAsync(ct);
    }

    public Task HideAsync(Guid commentId, ModerateCommentRequest request, StaffContext staff, CancellationToken ct) =>
        ModerateAsync(commentId, request, staff, CommentState.Hidden, requireReason: true, ct);

    public Task RestoreAsync(Guid commentId, ModerateCommentRequest request, StaffContext staff, CancellationToken ct) =>
        ModerateAsync(commentId, request, staff, CommentState.Visible, requireReason: false, ct);

    private async Task ModerateAsync(Guid commentId, ModerateCommentRequest request, StaffContext staff, CommentState to, bool requireReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        new ValidationBuilder()
            .When(requireReason && string.IsNullOrWhiteSpace(request.Reason), "reason", text["Comments.HideReasonRequired"])
            .When(request.Reason is { Length: > 300 }, "reason", text["Cases.ReasonTooLong", 300])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Set<AnswerComment>().FirstOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new NotFoundException("The comment");
        if (comment.Version != request.Version)
        {
            throw new DbUpdateConcurrencyException("Another moderator changed this comment meanwhile; reload and try again.");
        }
        var from = comment.State;
        var now = time.GetUtcNow().UtcDateTime;
        comment.State = to;
        comment.ModerationReason = request.Reason?.Trim() ?? comment.ModerationReason;
        comment.ModeratedBy = staff.DisplayName;
        comment.ModeratedAtUtc = now;
        comment.Version++;
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(AnswerComment), comment.Id.ToString(), to == CommentState.Hidden ? "CommentHidden" : "CommentRestored",
            from.ToString(), to.ToString(), comment.ModerationReason);
        await db.SaveChangesAsync(ct);
        var delta = (to == CommentState.Visible ? 1 : 0) - (from == CommentState.Visible ? 1 : 0);
        if (delta != 0)
        {
            await CountAsync(db, comment.AnswerId, delta, ct);
        }
    }

    private static Task<int> CountAsync(SotongDbContext db, Guid answerId, int delta, CancellationToken ct) =>
        db.PublishedAnswers.Where(a => a.Id == answerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.VisibleComments, a => a.VisibleComments + delta), ct);
}

internal static class CommentEndpoints
{
    public static void Map(RouteGroupBuilder publicApi, RouteGroupBuilder moderation)
    {
        publicApi.MapGet("/answers/{id:guid}/comments", async (Guid id, int? page, CommentOnAnswerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(id, page, ct)))
            .WithName("ListComments").WithSummary("Visible comments on a published answer, oldest first");
        publicApi.MapPost("/answers/{id:guid}/comments", async (Guid id, PostCommentRequest request, HttpContext http, CommentOnAnswerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PostAsync(id, request, PortalBrowser.IdOf(http), ct)))
            .WithName("PostComment").WithSummary("Comment on a published answer (filtered; some comments wait for a moderator)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        publicApi.MapPost("/comments/{id:guid}/report", async (Guid id, ReportCommentRequest request, HttpContext http, CommentOnAnswerHandler handler, CancellationToken ct) =>
            {
                await handler.ReportAsync(id, request, PortalBrowser.IdOf(http), ct);
                return TypedResults.NoContent();
            })
            .WithName("ReportComment").WithSummary("Report a comment to the moderators (once per browser)");

        moderation.MapGet("/comments", async (CommentOnAnswerHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.QueueAsync(ct)))
            .WithName("ModerationQueue").WithSummary("Held and reported comments");
        moderation.MapPost("/comments/{id:guid}/hide", async (Guid id, ModerateCommentRequest request, ClaimsPrincipal user, CommentOnAnswerHandler handler, CancellationToken ct) =>
            {
                await handler.HideAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("HideComment").WithSummary("Hide a comment, with the reason").ProducesValidationProblem();
        moderation.MapPost("/comments/{id:guid}/restore", async (Guid id, ModerateCommentRequest request, ClaimsPrincipal user, CommentOnAnswerHandler handler, CancellationToken ct) =>
            {
                await handler.RestoreAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("RestoreComment").WithSummary("Show a held or hidden comment again");
    }
}
