using System.Security.Claims;
using System.Text.Json;
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

namespace Sotong.Core.Triage.Training;

public sealed record ModelSummary(Guid Id, int Number, ModelState State, TrainingTrigger Trigger, int Percent, string Phase, bool IsActive,
    DateTime CreatedAtUtc, DateTime? FinishedAtUtc, int TrainCount, int TestCount, double? KindMacroF1, double? TopicMacroF1,
    double? DivisionAccuracy, double? RoutingAccuracy, string? Error, string? RequestedByName, DateTime? PromotedAtUtc, string? PromotedByName)
{
    /// <summary><see cref="Phase"/> (a stable key) in the reader's language.</summary>
    public string PhaseName { get; init; } = Phase;
}

public sealed record ModelDetail(ModelSummary Summary, ModelMetrics? Metrics);

public sealed record SettingsView(double ConfidenceThreshold, double ModelDivisionThreshold, double SpikeRatio, int SpikeMinimum, int Version, bool PreferLearnedDivision = false);

public sealed record SettingsRequest(double? ConfidenceThreshold, double? ModelDivisionThreshold, double? SpikeRatio, int? SpikeMinimum, int Version, bool? PreferLearnedDivision = null);

public sealed record ExampleCounts(int Imported, int Corrections, int HeldOut, int Corpus);

public sealed class ModelsHandler(IDbContextFactory<SotongDbContext> dbFactory, TrainingService training, TriageEngine engine, TimeProvider time, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await Summaries(db.Set<TriageModelVersion>().AsNoTracking().OrderByDescending(m => m.Number)).Take(50).ToListAsync(ct);
        return [.. list.Select(Named)];
    }

    private ModelSummary Named(ModelSummary m) => m with { PhaseName = TrainingPhases.Name(text, m.Phase) };

    private async Task<ModelSummary> SummaryAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summary = await Summaries(db.Set<TriageModelVersion>().AsNoTracking().Where(m => m.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The model");
        return Named(summary);
    }

    private static IQueryable<ModelSummary> Summaries(IQueryable<TriageModelVersion> models) =>
        models.Select(m => new ModelSummary(m.Id, m.Number, m.State, m.Trigger, m.Percent, m.Phase,
            m.IsActive, m.CreatedAtUtc, m.FinishedAtUtc, m.TrainCount, m.TestCount, m.KindMacroF1, m.TopicMacroF1, m.DivisionAccuracy, m.RoutingAccuracy,
            m.Error, m.RequestedByName, m.PromotedAtUtc, m.PromotedByName));

    public async Task<ModelDetail> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summary = await SummaryAsync(id, ct);
        var json = await db.Set<TriageModelVersion>().Where(m => m.Id == id).Select(m => m.MetricsJson).SingleAsync(ct);
        return new ModelDetail(summary, json is null ? null : JsonSerializer.Deserialize<ModelMetrics>(json));
    }

    public async Task<ExampleCounts> ExamplesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bySource = await db.Set<TrainingExample>().GroupBy(e => e.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var heldOut = await db.Set<TrainingExample>().CountAsync(e => e.IsTest, ct);
        return new ExampleCounts(bySource.FirstOrDefault(s => s.Key == ExampleSource.Import)?.Count ?? 0, bySource.FirstOrDefault(s => s.Key == ExampleSource.Correction)?.Count ?? 0,
            heldOut, StarterCorpus.All.Count);
    }

    public async Task<ModelSummary> TrainAsync(StaffContext staff, CancellationToken ct)
    {
        var model = await training.QueueAsync(TrainingTrigger.Manual, staff.DisplayName, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(TriageModelVersion), model.Id.ToString(), "TrainingRequested", detail: $"v{model.Number}");
        await db.SaveChangesAsync(ct);
        return await SummaryAsync(model.Id, ct);
    }

    /// <summary>Makes a ready model the live one (promote a new one, or roll back to an earlier one).</summary>
    public async Task<ModelSummary> PromoteAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.Set<TriageModelVersion>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("The model");
        model.EnsurePromotable(text);
        var live = await db.Set<TriageModelVersion>().Where(m => m.IsActive).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var m in live)
        {
            m.IsActive = false;
            m.Version++;
        }
        model.IsActive = true;
        model.PromotedAtUtc = now;
        model.PromotedByName = staff.DisplayName;
        model.Version++;
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(TriageModelVersion), id.ToString(), "Promoted",
            string.Join(",", live.Select(m => "v" + m.Number)), "v" + model.Number);
        await db.SaveChangesAsync(ct);
        await engine.ReloadAsync(CancellationToken.None);
        return await SummaryAsync(id, ct);
    }

    public async Task<SettingsView> SettingsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<TriageSettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new TriageSettings();
        return new SettingsView(s.ConfidenceThreshold, s.ModelDivisionThreshold, s.SpikeRatio, s.SpikeMinimum, s.Version, s.PreferLearnedDivision);
    }

    public async Task<SettingsView> SaveSettingsAsync(SettingsRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        new ValidationBuilder()
            .When(request.ConfidenceThreshold is not (>= 0 and <= 1), "confidenceThreshold", text["Validation.Probability"])
            .When(request.ModelDivisionThreshold is not (>= 0 and <= 1), "modelDivisionThreshold", text["Validation.Probability"])
            .When(request.SpikeRatio is not (>= 1.5 and <= 100), "spikeRatio", text["Validation.SpikeRatio"])
            .When(request.SpikeMinimum is not (>= 3 and <= 100_000), "spikeMinimum", text["Validation.SpikeMinimum"])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<TriageSettings>().SingleOrDefaultAsync(ct);
        if (s is null)
        {
            s = new TriageSettings();
            db.Add(s);
        }
        else if (s.Version != request.Version)
        {
            throw new DbUpdateConcurrencyException("The settings changed since they were loaded.");
        }
        var before = $"{s.ConfidenceThreshold}|{s.ModelDivisionThreshold}|{s.SpikeRatio}|{s.SpikeMinimum}|{s.PreferLearnedDivision}";
        s.ConfidenceThreshold = request.ConfidenceThreshold!.Value;
        s.ModelDivisionThreshold = request.ModelDivisionThreshold!.Value;
        s.SpikeRatio = request.SpikeRatio!.Value;
        s.SpikeMinimum = request.SpikeMinimum!.Value;
        s.PreferLearnedDivision = request.PreferLearnedDivision ?? s.PreferLearnedDivision;
        s.Version++;
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(TriageSettings), "1", "Changed", before, $"{s.ConfidenceThreshold}|{s.ModelDivisionThreshold}|{s.SpikeRatio}|{s.SpikeMinimum}|{s.PreferLearnedDivision}");
        await db.SaveChangesAsync(ct);
        await engine.ReloadAsync(CancellationToken.None);
        return new SettingsView(s.ConfidenceThreshold, s.ModelDivisionThreshold, s.SpikeRatio, s.SpikeMinimum, s.Version, s.PreferLearnedDivision);
    }
}

internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/models", async (ModelsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("TriageModels")
            .WithSummary("Model versions with their state, training progress and held-out metrics");
        triage.MapGet("/models/{id:guid}", async (Guid id, ModelsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("TriageModel")
            .WithSummary("One model's metrics: macro-F1 per head, per-label F1, confusion matrices")
            .ProducesProblem(StatusCodes.Status404NotFound);
        triage.MapPost("/models", async (ClaimsPrincipal user, ModelsHandler handler, CancellationToken ct) =>
            {
                var model = await handler.TrainAsync(StaffContext.From(user), ct);
                return TypedResults.Accepted($"/api/v1/triage/models/{model.Id}", model);
            })
            .WithName("TrainTriageModel")
            .WithSummary("Train a new model from the corpus, imports and corrections (in the background)")
            .RequireAuthorization(SotongPolicies.Administration);
        triage.MapPost("/models/{id:guid}/promote", async (Guid id, ClaimsPrincipal user, ModelsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.PromoteAsync(id, StaffContext.From(user), ct)))
            .WithName("PromoteTriageModel")
            .WithSummary("Make a ready model live (also how to roll back)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        triage.MapGet("/settings", async (ModelsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.SettingsAsync(ct)))
            .WithName("TriageSettings");
        triage.MapPut("/settings", async (SettingsRequest request, ClaimsPrincipal user, ModelsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveSettingsAsync(request, StaffContext.From(user), ct)))
            .WithName("SaveTriageSettings")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
