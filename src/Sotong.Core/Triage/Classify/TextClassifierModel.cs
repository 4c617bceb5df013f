using System.Collections.Concurrent;

namespace Sotong.Core.Triage.Classify;

public sealed record Scored(string Label, double Confidence);

public sealed record ModelPrediction(Scored Kind, Scored Topic, Scored? Division);

/// <summary>
/// A loaded model: text in, the best label and its probability out for each head. Thread-safe (each concurrent caller
/// borrows its own <see cref="FeatureScratch"/> from a pool); the text is normalised and featurised here exactly as in
/// training, by the same <see cref="NgramFeaturizer"/>.
/// </summary>
public sealed class TextClassifierModel : IDisposable
{
    private readonly NgramFeaturizer _featurizer;
    private readonly LinearHead _kind;
    private readonly LinearHead _topic;
    private readonly LinearHead? _division;
    private readonly ConcurrentBag<FeatureScratch> _scratch = [];

    private TextClassifierModel(NgramFeaturizer featurizer, LinearHead kind, LinearHead topic, LinearHead? division)
    {
        _featurizer = featurizer;
        _kind = kind;
        _topic = topic;
        _division = division;
    }

    /// <summary>Reads a stored model; <see cref="InvalidDataException"/> when the bytes are not a model this version reads.</summary>
    public static TextClassifierModel Load(byte[] bytes)
    {
        var (featurizer, kind, topic, division) = TriageModelFile.Read(bytes);
        return new TextClassifierModel(featurizer, kind, topic, division);
    }

    public ModelPrediction Predict(string text)
    {
        var scratch = _scratch.TryTake(out var s) ? s : new FeatureScratch();
        try
        {
            _featurizer.Featurize(TextNormalizer.Normalize(text), scratch);
            var indices = scratch.Indices;
            var values = scratch.Values;
            return new ModelPrediction(_kind.Predict(indices, values), _topic.Predict(indices, values), _division?.Predict(indices, values));
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>Lets go of the pooled scratch memory (a count per feature for each caller that ever classified).</summary>
    public void Dispose() => _scratch.Clear();
}
