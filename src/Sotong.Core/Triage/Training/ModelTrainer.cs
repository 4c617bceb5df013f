using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Training;

/// <summary>One labelled text: every label is optional except that an example teaches at least one head.</summary>
public sealed record LabelledText(string Text, string? Kind, string? Topic, string? Division, bool IsTest);

/// <summary>How far training is; <paramref name="Phase"/> is one of <see cref="TrainingPhases"/>. 100 % is written by whoever stores the model.</summary>
public sealed record TrainingStep(int Percent, string Phase);

/// <summary>How one head did on the held-out examples: macro-F1, accuracy and the confusion matrix (rows = truth).</summary>
public sealed record HeadMetrics(string[] Labels, int[][] Confusion, double MacroF1, double Accuracy, int TestCount, double[] F1PerLabel)
{
    /// <summary>
    /// The most frequent mistakes (off-diagonal cells), most first: what a matrix of many labels (a city's divisions)
    /// says that a reader can take in. Ties keep the matrix's order.
    /// </summary>
    public IReadOnlyList<LabelConfusion> TopConfusions(int count)
    {
        var cells = new List<(int Row, int Column, int Count)>();
        for (var r = 0; r < Confusion.Length; r++)
        {
            for (var c = 0; c < Confusion[r].Length; c++)
            {
                if (r != c && Confusion[r][c] > 0)
                {
                    cells.Add((r, c, Confusion[r][c]));
                }
            }
        }
        return [.. cells.OrderByDescending(x => x.Count).ThenBy(x => x.Row).ThenBy(x => x.Column).Take(count)
            .Select(x => new LabelConfusion(Labels[x.Row], Labels[x.Column], x.Count))];
    }
}

/// <summary>Held-out examples labelled <paramref name="Truth"/> that the model called <paramref name="Predicted"/>.</summary>
public sealed record LabelConfusion(string Truth, string Predicted, int Count);

public sealed record ModelMetrics(int TrainCount, int TestCount, HeadMetrics? Kind, HeadMetrics? Topic, HeadMetrics? Division)
{
    /// <summary>Routing (rules + model) on the held-out examples that carry a division; set by the training service.</summary>
    public double? RoutingAccuracy { get; init; }
    public int RoutingTestCount { get; init; }
}

public sealed record TrainedModel(byte[] Bytes, ModelMetrics Metrics);

/// <summary>
/// Trains the triage model: TF-IDF-weighted character 1–3-grams (Korean without a morphological analyser) and word
/// 1–2-grams (English) over the normalised text (<see cref="NgramFeaturizer"/>), then one maximum-entropy head per label
/// trained with ML.NET's SDCA. Deterministic for the same
/// examples (fixed seed, one thread), so the shipped starter model is reproducible.
/// </summary>
public static class ModelTrainer
{
    /// <summary>A division head is trained only when the city's examples name at least this many divisions.</summary>
    public const int MinDivisionExamples = 50;

    public static TrainedModel Train(IReadOnlyList<LabelledText> examples, IProgress<TrainingStep>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var train = examples.Where(e => !e.IsTest).Select(ToInput).Where(e => e.Text.Length > 0).ToList();
        var test = examples.Where(e => e.IsTest).ToList();
        if (train.Count(e => e.Kind.Length > 0) < 12 || train.Count(e => e.Topic.Length > 0) < 12)
        {
            throw new InvalidOperationException("Training needs labelled examples of kind and topic.");
        }
        var ml = new MLContext(seed: 20261123);
        progress?.Report(new TrainingStep(5, TrainingPhases.Featurising));
        var featurizer = NgramFeaturizer.Fit([.. train.Select(e => e.Text)]);
        var scratch = new FeatureScratch();
        var rows = train.Select(e => new FeaturizedRow { Features = Vector(featurizer, scratch, e.Text), Kind = e.Kind, Topic = e.Topic, Division = e.Division }).ToList();
        ct.ThrowIfCancellationRequested();

        var features = featurizer.Count;
        progress?.Report(new TrainingStep(20, TrainingPhases.Kind));
        var kind = TrainHead(ml, rows.Where(e => e.Kind.Length > 0), r => r.Kind, features);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new TrainingStep(45, TrainingPhases.Topic));
        var topic = TrainHead(ml, rows.Where(e => e.Topic.Length > 0), r => r.Topic, features);
        ct.ThrowIfCancellationRequested();
        LinearHead? division = null;
        var withDivision = rows.Where(e => e.Division.Length > 0).ToList();
        if (withDivision.Count >= MinDivisionExamples && withDivision.Select(e => e.Division).Distinct().Count() >= 2)
        {
            progress?.Report(new TrainingStep(65, TrainingPhases.Division));
            division = TrainHead(ml, withDivision, r => r.Division, features);
        }
        ct.ThrowIfCancellationRequested();

        progress?.Report(new TrainingStep(85, TrainingPhases.Evaluating));
        var bytes = TriageModelFile.Write(featurizer, kind, topic, division);
        // Evaluate what was saved, through the same path the app classifies with.
        using var model = TextClassifierModel.Load(bytes);
        // One prediction per held-out text serves all three heads.
        var predicted = test.Select(e => (Example: e, Prediction: model.Predict(e.Text))).ToList();
        var metrics = new ModelMetrics(
            train.Count,
            test.Count,
            Evaluate(predicted.Where(x => x.Example.Kind is not null).Select(x => (x.Example.Kind!, x.Prediction.Kind.Label)), kind.Labels),
            Evaluate(predicted.Where(x => x.Example.Topic is not null).Select(x => (x.Example.Topic!, x.Prediction.Topic.Label)), topic.Labels),
            division is null ? null : Evaluate(predicted.Where(x => x.Example.Division is not null).Select(x => (x.Example.Division!, x.Prediction.Division?.Label ?? "")), division.Labels));
        return new TrainedModel(bytes, metrics);
    }

    private static (string Text, string Kind, string Topic, string Division) ToInput(LabelledText e) =>
        (TextNormalizer.Normalize(e.Text), e.Kind ?? "", e.Topic ?? "", e.Division ?? "");

    private static VBuffer<float> Vector(NgramFeaturizer featurizer, FeatureScratch scratch, string normalized)
    {
        featurizer.Featurize(normalized, scratch);
        return new VBuffer<float>(featurizer.Count, scratch.Indices.Length, scratch.Values.ToArray(), scratch.Indices.ToArray());
    }

    /// <summary>
    /// Trains one maximum-entropy head (ML.NET's SDCA) on the featurised rows that carry its label and returns its
    /// weights.
    /// </summary>
    private static LinearHead TrainHead(MLContext ml, IEnumerable<FeaturizedRow> rows, Func<FeaturizedRow, string> label, int features)
    {
        var schema = SchemaDefinition.Create(typeof(HeadRow));
        schema[nameof(HeadRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new HeadRow { Features = r.Features, Label = label(r) }), schema);
        var toKey = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(HeadRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        var keyed = toKey.Transform(data);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = nameof(HeadRow.Features),
            // One thread keeps training deterministic; the number of passes is SDCA's own (it stops on convergence).
            NumberOfThreads = 1,
        }).Fit(keyed);
        VBuffer<ReadOnlyMemory<char>> values = default;
        keyed.Schema["LabelKey"].GetKeyValues(ref values);
        string[] labels = [.. values.DenseValues().Select(v => v.ToString())];
        VBuffer<float>[] weights = [];
        trainer.Model.GetWeights(ref weights, out _);
        return LinearHead.From(labels, weights, [.. trainer.Model.GetBiases()], features);
    }

    private sealed class FeaturizedRow
    {
        public VBuffer<float> Features { get; init; }
        public string Kind { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Division { get; init; } = "";
    }

    private static HeadMetrics? Evaluate(IEnumerable<(string Truth, string Predicted)> cases, string[] labels)
    {
        var list = cases.ToList();
        if (list.Count == 0)
        {
            return null;
        }
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var n = labels.Length;
        var confusion = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        var correct = 0;
        foreach (var (truth, predicted) in list)
        {
            if (!index.TryGetValue(truth, out var t))
            {
                continue; // a label the model never saw in training cannot be predicted; it still counts as wrong below
            }
            if (index.TryGetValue(predicted, out var p))
            {
                confusion[t][p]++;
                if (p == t)
                {
                    correct++;
                }
            }
        }
        var f1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var tp = confusion[i][i];
            var fp = Enumerable.Range(0, n).Sum(r => r == i ? 0 : confusion[r][i]);
            var fn = confusion[i].Sum() - tp;
            f1[i] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        var present = Enumerable.Range(0, n).Where(i => confusion[i].Sum() > 0).ToList();
        var macro = present.Count == 0 ? 0 : present.Average(i => f1[i]);
        return new HeadMetrics(labels, confusion, Math.Round(macro, 4), Math.Round(list.Count == 0 ? 0 : (double)correct / list.Count, 4), list.Count, [.. f1.Select(f => Math.Round(f, 4))]);
    }
}

/// <summary>One featurised row as ML.NET's trainer reads it (public: ML.NET reads it by reflection).</summary>
public sealed class HeadRow
{
    public VBuffer<float> Features { get; set; }

    public string Label { get; set; } = "";
}
