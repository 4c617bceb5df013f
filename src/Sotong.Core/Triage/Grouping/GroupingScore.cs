using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sotong.Core.Triage.Grouping;

/// <summary>One line of <c>data/triage/pairs.jsonl</c>: two messages, and whether a person says they are the same issue.</summary>
public sealed record LabelledPair(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("b")] string B,
    [property: JsonPropertyName("same")] bool Same,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>
/// How well grouping tells the same issue from a different one on labelled pairs, judged by
/// <see cref="NearDuplicateIndex.Same"/> (exactly what the app groups by). One place for the figure that
/// docs/benchmarks.md reports and the unit test that keeps it from sliding.
/// </summary>
public sealed record GroupingScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

    public double F1 => 2 * Precision * Recall / Math.Max(1e-9, Precision + Recall);

    public static GroupingScore Of(IEnumerable<LabelledPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var p in pairs)
        {
            var same = NearDuplicateIndex.Same(Fingerprint.Of(p.A), Fingerprint.Of(p.B));
            switch (same, p.Same)
            {
                case (true, true):
                    tp++;
                    break;
                case (true, false):
                    fp++;
                    break;
                case (false, true):
                    fn++;
                    break;
                case (false, false):
                    tn++;
                    break;
            }
        }
        return new GroupingScore(tp, fp, fn, tn);
    }

    /// <summary>
    /// The held-out half: the pairs at odd positions, counting from 0 (the thresholds in <see cref="NearDuplicateIndex"/>
    /// were tuned on the even ones).
    /// </summary>
    public static IReadOnlyList<LabelledPair> HeldOut(IReadOnlyList<LabelledPair> pairs) => [.. pairs.Where((_, i) => i % 2 == 1)];

    /// <summary>The pairs at even positions, the ones the thresholds were tuned on.</summary>
    public static IReadOnlyList<LabelledPair> Tuning(IReadOnlyList<LabelledPair> pairs) => [.. pairs.Where((_, i) => i % 2 == 0)];

    /// <summary>Reads a pairs file (one JSON object a line; blank lines skipped).</summary>
    public static IReadOnlyList<LabelledPair> Read(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LabelledPair>(l) ?? throw new InvalidDataException($"An empty line in {path}."))];
}
