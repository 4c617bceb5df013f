using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Triage.Training;

/// <summary>
/// Trains models in the background, one at a time, and writes their progress and metrics onto their row as it goes.
/// On a database with no model yet it trains the starter model from the shipped corpus and makes it live; every later
/// model waits for an administrator to promote it.
/// </summary>
public sealed partial class TrainingService(IDbContextFactory<SotongDbContext> dbFactory, TriageEngine engine, TimeProvider time, ILogger<TrainingService> logger, bool trainStarter = true)
    : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    /// <summary>Creates a queued model row and starts training it.</summary>
    public async Task<TriageModelVersion> QueueAsync(TrainingTrigger trigger, string? requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await NewRowAsync(db, trigger, requestedBy, ct);
        await _queue.Writer.WriteAsync(model.Id, ct);
        return model;
    }

    /// <summary>Trains a queued model now, on the caller's task (the command line, where no host runs).</summary>
    public Task TrainNowAsync(Guid id, CancellationToken ct) => TrainAsync(id, ct);

    /// <summary>Creates a queued model row without starting it (for <see cref="TrainNowAsync"/>).</summary>
    public async Task<TriageModelVersion> CreateAsync(TrainingTrigger trigger, string? requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NewRowAsync(db, trigger, requestedBy, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartUpAsync(stoppingToken);
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await TrainAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database blip while recording a training must not stop the host; the row says where it got to.
                    LogFailed(logger, e, 0);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task StartUpAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Training that a stop interrupted starts again.
        var unfinished = await db.Set<TriageModelVersion>().Where(m => m.State == ModelState.Queued || m.State == ModelState.Training).OrderBy(m => m.Number).ToListAsync(ct);
        if (trainStarter && !await db.Set<TriageModelVersion>().AnyAsync(ct))
        {
            unfinished.Add(await NewRowAsync(db, TrainingTrigger.Starter, "Sotong", ct));
        }
        else if (unfinished.Count == 0 && await UnreadableLiveAsync(db, ct) is { } old)
        {
            // The live model was trained by an earlier Sotong whose model format this one does not read: train its
            // successor from the same examples now; it goes live by itself when ready (TrainAsync).
            LogRetrainingOldFormat(logger, old.Number);
            unfinished.Add(await NewRowAsync(db, old.Trigger == TrainingTrigger.Starter ? TrainingTrigger.Starter : TrainingTrigger.Manual, "Sotong", ct));
        }
        foreach (var m in unfinished)
        {
            await _queue.Writer.WriteAsync(m.Id, ct);
        }
        await engine.ReloadAsync(ct);
    }

    private async Task<TriageModelVersion> NewRowAsync(SotongDbContext db, TrainingTrigger trigger, string? requestedBy, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = (await db.Set<TriageModelVersion>().MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;
            var model = new TriageModelVersion { Number = next, State = ModelState.Queued, Trigger = trigger, RequestedByName = requestedBy, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
            db.Add(model);
            try
            {
                await db.SaveChangesAsync(ct);
                return model;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node took the number; take the next one.
                db.Entry(model).State = EntityState.Detached;
            }
        }
    }

    private async Task TrainAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.Set<TriageModelVersion>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (model is null || model.State is ModelState.Ready or ModelState.Failed)
        {
            return;
        }
        model.State = ModelState.Training;
        model.Phase = TrainingPhases.Loading;
        model.Percent = 1;
        await db.SaveChangesAsync(ct);
        var number = model.Number;
        LogTraining(logger, number, model.Trigger);
        var progress = new ProgressWriter(dbFactory, id, number, logger);
        LogPhase(logger, number, model.Phase, model.Percent);
        try
        {
            TrainedModel trained;
            List<LabelledText> cityExamples = [];
            if (model.Trigger == TrainingTrigger.Starter)
            {
                trained = await StarterCorpus.StarterModelAsync();
            }
            else
            {
                var stored = await db.Set<TrainingExample>().AsNoTracking().ToListAsync(ct);
                cityExamples = [.. stored.Select(e => new LabelledText(e.Text, e.Intent?.ToString(), e.Topic, e.DivisionId?.ToString(), e.IsTest))];
                var examples = StarterCorpus.Examples().Concat(cityExamples).ToList();
                trained = await Task.Run(() => ModelTrainer.Train(examples, progress, ct), ct);
            }
            var metrics = trained.Metrics;
            var routingCases = cityExamples.Where(e => e.IsTest && e.Division is not null).ToList();
            if (routingCases.Count > 0)
            {
                progress.Report(new TrainingStep(95, TrainingPhases.Routing));
                // Routing as the app would do it with this model: the live rules, then the model's division head.
                using var candidate = TextClassifierModel.Load(trained.Bytes);
                var snapshot = engine.Current;
                var table = snapshot?.Table ?? await LoadTableAsync(db, ct);
                var threshold = snapshot?.ModelDivisionThreshold ?? new TriageSettings().ModelDivisionThreshold;
                var preferLearned = snapshot?.PreferLearned ?? false;
                var right = routingCases.Count(e => Classifier.Classify(candidate, number, table, e.Text, threshold, preferLearned).DivisionId?.ToString() == e.Division);
                metrics = metrics with { RoutingAccuracy = Math.Round((double)right / routingCases.Count, 4), RoutingTestCount = routingCases.Count };
            }
            // Every phase is on the row before it says done (the writes run in order, off the training thread).
            await progress.FlushAsync(ct);
            await db.Entry(model).ReloadAsync(ct);
            model.Bytes = trained.Bytes;
            model.State = ModelState.Ready;
            model.Percent = 100;
            model.Phase = TrainingPhases.Done;
            model.TrainCount = metrics.TrainCount;
            model.TestCount = metrics.TestCount;
            model.KindMacroF1 = metrics.Kind?.MacroF1;
            model.TopicMacroF1 = metrics.Topic?.MacroF1;
            model.DivisionAccuracy = metrics.Division?.Accuracy;
            model.RoutingAccuracy = metrics.RoutingAccuracy;
            model.MetricsJson = JsonSerializer.Serialize(metrics);
            model.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            var unreadableLive = await UnreadableLiveAsync(db, ct);
            if (unreadableLive is not null || !await db.Set<TriageModelVersion>().AnyAsync(m => m.IsActive, ct))
            {
                // The first model a city has goes live by itself, and so does the successor of a live model in an
                // older format; after that a person decides.
                model.IsActive = true;
                model.PromotedAtUtc = model.FinishedAtUtc;
                model.PromotedByName = "Sotong";
                if (unreadableLive is not null)
                {
                    // One SaveChanges: the old model steps down in the same transaction the new one goes live in.
                    var old = await db.Set<TriageModelVersion>().SingleAsync(m => m.Id == unreadableLive.Id, ct);
                    old.IsActive = false;
                    old.Version++;
                    db.Audit(model.FinishedAtUtc.Value, "sotong", "Sotong", nameof(TriageModelVersion), model.Id.ToString(), "Promoted",
                        "v" + old.Number, "v" + model.Number, detail: "replaces a model of an older format");
                }
            }
            await db.SaveChangesAsync(ct);
            LogPhase(logger, number, TrainingPhases.Done, 100);
            LogTrained(logger, number, metrics.Kind?.MacroF1 ?? 0, metrics.Topic?.MacroF1 ?? 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, number);
            await progress.FlushAsync(ct);
            await db.Entry(model).ReloadAsync(ct);
            model.State = ModelState.Failed;
            model.Phase = TrainingPhases.Failed;
            model.Error = TextCut.Cut(e.Message, 2000);
            model.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return;
        }
        // Outside the try: a failed reload must not mark a stored, promoted model as failed.
        await engine.ReloadAsync(ct);
    }

    private sealed record LiveModel(Guid Id, int Number, TrainingTrigger Trigger);

    /// <summary>The live model when this version of Sotong cannot read its bytes (an older model format), else null.</summary>
    private static async Task<LiveModel?> UnreadableLiveAsync(SotongDbContext db, CancellationToken ct)
    {
        var live = await db.Set<TriageModelVersion>().AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Id, m.Number, m.Trigger, m.Bytes }).FirstOrDefaultAsync(ct);
        return live is null || TriageModelFile.IsReadable(live.Bytes) ? null : new LiveModel(live.Id, live.Number, live.Trigger);
    }

    private static async Task<Routing.RoutingTable> LoadTableAsync(SotongDbContext db, CancellationToken ct) =>
        new([.. (await db.Set<Routing.RoutingRule>().AsNoTracking().ToListAsync(ct)).Select(Routing.RouteRule.From)]);

    /// <summary>
    /// Writes each phase onto the model row, in order, and logs it (from the training thread; the last write is awaited).
    /// A failed write is logged and does not stop training: the next phase or the final state overwrites it.
    /// </summary>
    private sealed class ProgressWriter(IDbContextFactory<SotongDbContext> dbFactory, Guid id, int number, ILogger logger) : IProgress<TrainingStep>
    {
        private Task _last = Task.CompletedTask;

        public void Report(TrainingStep value)
        {
            LogPhase(logger, number, value.Phase, value.Percent);
            _last = _last.ContinueWith(_ => WriteAsync(value), TaskScheduler.Default).Unwrap();
        }

        public Task FlushAsync(CancellationToken ct) => _last.WaitAsync(ct);

        private async Task WriteAsync(TrainingStep step)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                await db.Set<TriageModelVersion>().Where(m => m.Id == id && m.State == ModelState.Training)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Percent, step.Percent).SetProperty(m => m.Phase, step.Phase));
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogProgressFailed(logger, e, number);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training triage model {Number} ({Trigger})")]
    private static partial void LogTraining(ILogger logger, int number, TrainingTrigger trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage model {Number}: {Phase} ({Percent} %)")]
    private static partial void LogPhase(ILogger logger, int number, string phase, int percent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write training progress of triage model {Number}")]
    private static partial void LogProgressFailed(ILogger logger, Exception e, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage model {Number} trained: kind macro-F1 {Kind}, topic macro-F1 {Topic}")]
    private static partial void LogTrained(ILogger logger, int number, double kind, double topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live triage model {Number} was trained by an earlier version of Sotong in a format this one does not read; training its successor, which goes live when ready")]
    private static partial void LogRetrainingOldFormat(ILogger logger, int number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training triage model {Number} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, int number);
}
