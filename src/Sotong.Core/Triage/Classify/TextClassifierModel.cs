using System.Collections.Concurrent;
using Microsoft.ML;

namespace Sotong.Core.Triage.Classify;

public sealed record Scored(string Label, double Confidence);

public sealed record ModelPrediction(Scored Kind, Scored Topic, Scored? Division);

/// <summary>
/// A loaded model: text in, the best label and its probability out for each head. Thread-safe (one ML.NET featuriser
/// engine per concurrent caller, pooled with its input and output rows); the text is normalised here exactly as in
/// training.
/// </summary>
public sealed class TextClassifierModel : IDisposable
{
    private readonly MLContext _ml = new();
    private readonly ITransformer _featurizer;
    private readonly LinearHead _kind;
    private readonly LinearHead _topic;
    private readonly LinearHead? _division;
    private readonly ConcurrentBag<Slot> _slots = [];

    private sealed class Slot(PredictionEngine<ModelInput, FeatureRow> engine) : IDisposable
    {
        public PredictionEngine<ModelInput, FeatureRow> Engine { get; } = engine;
        public ModelInput Input { get; } = new();
        public FeatureRow Output = new();

        public void Dispose() => Engine.Dispose();
    }

    private TextClassifierModel(ITransformer featurizer, LinearHead kind, LinearHead topic, LinearHead? division)
    {
        _featurizer = featurizer;
        _kind = kind;
        _topic = topic;
        _division = division;
    }

    public static TextClassifierModel Load(byte[] bytes)
    {
        var (featurizer, kind, topic, division) = TriageModelFile.Read(new MLContext(), bytes);
        return new TextClassifierModel(featurizer, kind, topic, division);
    }

    public ModelPrediction Predict(string text)
    {
        var slot = _slots.TryTake(out var s) ? s : new Slot(_ml.Model.CreatePredictionEngine<ModelInput, FeatureRow>(_featurizer));
        try
        {
            slot.Input.Text = TextNormalizer.Normalize(text);
            slot.Engine.Predict(slot.Input, ref slot.Output);
            var x = slot.Output.Features;
            return new ModelPrediction(_kind.Predict(x), _topic.Predict(x), _division?.Predict(x));
        }
        finally
        {
            _slots.Add(slot);
        }
    }

    public void Dispose()
    {
        while (_slots.TryTake(out var s))
        {
            s.Dispose();
        }
    }
}
