using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Inbox;

namespace Sotong.Core.Triage.Classify;

public sealed record ClassifyRequest(string? Text);

public sealed record ClassifiedDivision(Guid Id, string Code, string NameKo, string NameEn);

/// <summary>The classifier's answer for one text, with the reason for the division.</summary>
public sealed record ClassifyResponse(
    MessageIntent Kind,
    string Topic,
    ClassifiedDivision? Division,
    double Confidence,
    int ModelVersion,
    double KindConfidence,
    double TopicConfidence,
    double DivisionConfidence,
    DivisionSource DivisionSource,
    string? MatchedKeyword,
    string? District,
    bool NeedsReview);

public sealed class ClassifyHandler(TriageEngine engine, IDbContextFactory<SotongDbContext> dbFactory, IStringLocalizer<Text> text)
{
    public async Task<ClassifyResponse> ClassifyAsync(ClassifyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        new ValidationBuilder()
            .When(string.IsNullOrWhiteSpace(request.Text), "text", text["Validation.ClassifyText"])
            .When(request.Text is { Length: > InboxMessage.MaxTextLength }, "text", text["Validation.ClassifyText"])
            .ThrowIfAny();
        var snapshot = engine.Current ?? throw new RuleViolationException("ModelNotReady", text["Triage.Rule.ModelNotReady"]);
        var c = snapshot.Classify(request.Text!);
        ClassifiedDivision? division = null;
        if (c.DivisionId is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            division = await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => new ClassifiedDivision(d.Id, d.Code, d.NameKo, d.NameEn)).FirstOrDefaultAsync(ct);
        }
        return new ClassifyResponse(c.Kind, c.Topic, division, c.Confidence, c.ModelVersion, c.KindConfidence, c.TopicConfidence, c.DivisionConfidence,
            c.DivisionSource, c.MatchedKeyword, c.District, c.Confidence < snapshot.ConfidenceThreshold);
    }
}

internal static class ClassifyEndpoint
{
    public static void Map(RouteGroupBuilder triage) =>
        triage.MapPost("/classify", async (ClassifyRequest request, ClassifyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ClassifyAsync(request, ct)))
            .WithName("ClassifyText")
            .WithSummary("Classify a text as triage would: kind, topic, division, confidence, model version")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
