using Microsoft.ML.Data;

namespace Sotong.Core.Triage.Classify;

/// <summary>
/// One trained head (kind, topic or division) as a plain linear model over the featuriser's sparse vector: scores are
/// w·x + b per label, probabilities their softmax. Weights are kept by feature (compressed sparse rows), so a prediction
/// touches only the features the text has. Evaluated here rather than through ML.NET's prediction chain because a
/// 76-division head costs ten times less this way (docs/benchmarks.md).
/// </summary>
public sealed class LinearHead
{
    private readonly float[] _biases;
    private readonly int[] _start;
    private readonly int[] _label;
    private readonly float[] _weight;

    private LinearHead(string[] labels, float[] biases, int[] start, int[] label, float[] weight)
    {
        Labels = labels;
        _biases = biases;
        _start = start;
        _label = label;
        _weight = weight;
    }

    public string[] Labels { get; }

    public int FeatureCount => _start.Length - 1;

    /// <summary>Builds a head from per-label weight vectors (any mix of dense and sparse) and biases.</summary>
    public static LinearHead From(string[] labels, VBuffer<float>[] weights, float[] biases, int features)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var perFeature = new List<(int Label, float Weight)>[features];
        for (var c = 0; c < weights.Length; c++)
        {
            var indices = weights[c].GetIndices();
            var values = weights[c].GetValues();
            for (var k = 0; k < values.Length; k++)
            {
                var f = weights[c].IsDense ? k : indices[k];
                if (values[k] != 0 && f < features)
                {
                    (perFeature[f] ??= []).Add((c, values[k]));
                }
            }
        }
        var start = new int[features + 1];
        var total = 0;
        for (var f = 0; f < features; f++)
        {
            start[f] = total;
            total += perFeature[f]?.Count ?? 0;
        }
        start[features] = total;
        var label = new int[total];
        var weight = new float[total];
        for (var f = 0; f < features; f++)
        {
            if (perFeature[f] is { } list)
            {
                for (var k = 0; k < list.Count; k++)
                {
                    label[start[f] + k] = list[k].Label;
                    weight[start[f] + k] = list[k].Weight;
                }
            }
        }
        return new LinearHead(labels, biases, start, label, weight);
    }

    /// <summary>The most probable label and its probability, for a sparse vector given as parallel feature numbers and values.</summary>
    public Scored Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        Span<float> scores = _biases.Length <= 256 ? stackalloc float[_biases.Length] : new float[_biases.Length];
        _biases.CopyTo(scores);
        var featureCount = FeatureCount;
        for (var k = 0; k < values.Length; k++)
        {
            var f = indices[k];
            if ((uint)f >= (uint)featureCount)
            {
                continue;
            }
            var v = values[k];
            for (var j = _start[f]; j < _start[f + 1]; j++)
            {
                scores[_label[j]] += _weight[j] * v;
            }
        }
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }
        double sum = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            sum += Math.Exp(scores[c] - scores[best]);
        }
        return new Scored(Labels[best], Math.Round(1 / sum, 4));
    }

    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write(Labels.Length);
        foreach (var l in Labels)
        {
            w.Write(l);
        }
        foreach (var b in _biases)
        {
            w.Write(b);
        }
        w.Write(FeatureCount);
        w.Write(_weight.Length);
        foreach (var s in _start)
        {
            w.Write(s);
        }
        foreach (var l in _label)
        {
            w.Write((byte)(l >> 8));
            w.Write((byte)l);
        }
        foreach (var x in _weight)
        {
            w.Write(x);
        }
    }

    public static LinearHead Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = r.ReadString();
        }
        var biases = new float[labels.Length];
        for (var i = 0; i < biases.Length; i++)
        {
            biases[i] = r.ReadSingle();
        }
        var features = r.ReadInt32();
        var total = r.ReadInt32();
        var start = new int[features + 1];
        for (var i = 0; i < start.Length; i++)
        {
            start[i] = r.ReadInt32();
        }
        var label = new int[total];
        for (var i = 0; i < total; i++)
        {
            label[i] = (r.ReadByte() << 8) | r.ReadByte();
        }
        var weight = new float[total];
        for (var i = 0; i < total; i++)
        {
            weight[i] = r.ReadSingle();
        }
        return new LinearHead(labels, biases, start, label, weight);
    }
}
