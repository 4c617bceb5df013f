using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Training;

namespace Sotong.Core.Triage;

/// <summary>What classification runs on at this moment: the live model, the routing table, the thresholds.</summary>
public sealed record TriageSnapshot(TextClassifierModel Model, int ModelVersion, RoutingTable Table, double ConfidenceThreshold, double ModelDivisionThreshold, bool PreferLearned = false)
{
    public Classification Classify(string text) => Classifier.Classify(Model, ModelVersion, Table, text, ModelDivisionThreshold, PreferLearned);
}

/// <summary>
/// Holds the live triage snapshot for this node and swaps it when the model is promoted or the routing table or
/// settings change. Classification itself is the pure <see cref="Classifier.Classify"/> over the snapshot.
/// </summary>
public sealed partial class TriageEngine(IDbContextFactory<SotongDbContext> dbFactory, ILogger<TriageEngine> logger) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile TriageSnapshot? _current;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Null until the first model is live (the starter model trains on first start).</summary>
    public TriageSnapshot? Current => _current;

    /// <summary>Completes when a model is live.</summary>
    public Task WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var active = await db.Set<TriageModelVersion>().AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Id, m.Number }).FirstOrDefaultAsync(ct);
            if (active is null)
            {
                return;
            }
            var model = _current?.Model;
            var owned = false;
            if (_current?.ModelVersion != active.Number)
            {
                var bytes = await db.Set<TriageModelVersion>().Where(m => m.Id == active.Id).Select(m => m.Bytes).SingleAsync(ct);
                try
                {
                    model = TextClassifierModel.Load(bytes!);
                }
                catch (InvalidDataException e)
                {
                    // An older model format: the training service trains its successor; until then this node keeps
                    // what it has (or waits, on a fresh start).
                    LogUnreadable(logger, e, active.Number);
                    return;
                }
                owned = true;
            }
            var rules = await db.Set<RoutingRule>().AsNoTracking().ToListAsync(ct);
            var settings = await db.Set<TriageSettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new TriageSettings();
            var previous = _current;
            _current = new TriageSnapshot(model!, active.Number, new RoutingTable([.. rules.Select(RouteRule.From)]), settings.ConfidenceThreshold, settings.ModelDivisionThreshold, settings.PreferLearnedDivision);
            if (owned && previous is not null)
            {
                // In-flight classifications hold the old snapshot; give them a moment before the engines go.
                _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => previous.Model.Dispose(), TaskScheduler.Default);
            }
            _ready.TrySetResult();
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose()
    {
        _current?.Model.Dispose();
        _reload.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Triage model {Number} is live but cannot be read by this version; classifying waits for its successor")]
    private static partial void LogUnreadable(ILogger logger, Exception e, int number);
}
