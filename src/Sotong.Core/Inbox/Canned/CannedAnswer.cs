using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Inbox.Canned;

/// <summary>A ready answer a division reuses ("the 472 bus timetable", "how to report a pothole").</summary>
public sealed class CannedAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DivisionId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class CannedAnswerConfiguration : IEntityTypeConfiguration<CannedAnswer>
{
    public void Configure(EntityTypeBuilder<CannedAnswer> b)
    {
        b.ToTable("inbox_canned_answer");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(100);
        b.Property(c => c.Text).HasMaxLength(InboxMessage.MaxTextLength);
        b.HasIndex(c => new { c.DivisionId, c.Title }).IsUnique();
    }
}

public sealed record CannedAnswerView(Guid Id, Guid DivisionId, string Title, string Text);

public sealed record CreateCannedAnswerRequest(Guid DivisionId, string? Title, string? Text);

public sealed class CannedAnswersHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<CannedAnswerView>> ForDivisionAsync(Guid? divisionId, CancellationToken ct)
    {
        if (divisionId is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CannedAnswers.AsNoTracking().Where(c => c.DivisionId == divisionId).OrderBy(c => c.Title)
            .Select(c => new CannedAnswerView(c.Id, c.DivisionId, c.Title, c.Text)).ToListAsync(ct);
    }

    /// <summary>Officers keep their own division's answers; city-wide staff any division's.</summary>
    public async Task<CannedAnswerView> CreateAsync(CreateCannedAnswerRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.MayActOn(request.DivisionId))
        {
            throw new NotFoundException("The division");
        }
        var title = request.Title?.Trim() ?? "";
        var body = request.Text?.Trim() ?? "";
        new ValidationBuilder()
            .When(title.Length == 0 || title.Length > 100, "title", text["Validation.CannedTitle"])
            .When(body.Length == 0, "text", text["Validation.AnswerRequired"])
            .When(body.Length > InboxMessage.MaxTextLength, "text", text["Validation.TextTooLong", InboxMessage.MaxTextLength, body.Length])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var canned = new CannedAnswer { DivisionId = request.DivisionId, Title = title, Text = body, CreatedAtUtc = now };
        db.CannedAnswers.Add(canned);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(CannedAnswer), canned.Id.ToString(), "Created", detail: title);
        await db.SaveChangesAsync(ct);
        return new CannedAnswerView(canned.Id, canned.DivisionId, canned.Title, canned.Text);
    }
}

internal static class CannedAnswerEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapGet("/canned-answers", async (Guid divisionId, ClaimsPrincipal user, CannedAnswersHandler handler, CancellationToken ct) =>
                StaffContext.From(user).MayActOn(divisionId) ? Results.Ok(await handler.ForDivisionAsync(divisionId, ct)) : Results.NotFound())
            .WithName("ListCannedAnswers")
            .WithSummary("A division's canned answers");
        inbox.MapPost("/canned-answers", async (CreateCannedAnswerRequest request, ClaimsPrincipal user, CannedAnswersHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CreateAsync(request, StaffContext.From(user), ct)))
            .WithName("CreateCannedAnswer")
            .WithSummary("Add a canned answer to a division")
            .ProducesValidationProblem();
    }
}
