using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Grouping;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Training;

// The triage figures of docs/benchmarks.md, from the files in data/triage:
//   1. macro-F1 of kind and topic on the corpus's held-out split, with the confusion matrices;
//   2. routing accuracy on the held-out part of an imported history (rules only, model only, rules + model);
//   3. classification throughput and latency on one thread (run under `taskset -c 0` for one core), over the mixed
//      texts and separately over short (< 300 characters) and long (>= 300) ones;
//   4. near-duplicate grouping precision and recall on the labelled pairs.
// Usage: dotnet run -c Release --project bench/Sotong.Bench.Triage -- [repo root] [classifications]
var root = args.Length > 0 ? args[0] : FindRoot();
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var data = Path.Combine(root, "data", "triage");
// Where the corpus's long tail starts (data/triage/README.md): complaint-form and DM length.
const int LongText = 300;
Console.WriteLine($"# Triage benchmark — {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs visible, .NET {Environment.Version}");

// 1. Starter model on the shipped corpus.
var sw = Stopwatch.StartNew();
var starter = ModelTrainer.Train(StarterCorpus.Examples());
Console.WriteLine($"\n## 1. Starter model (corpus: {starter.Metrics.TrainCount} train, {starter.Metrics.TestCount} held out; trained in {sw.Elapsed.TotalSeconds:0.0} s)");
PrintHead("Kind", starter.Metrics.Kind!);
PrintHead("Topic", starter.Metrics.Topic!);
using (var starterModel = TextClassifierModel.Load(starter.Bytes))
{
    // The corpus has a long tail (complaint-form and DM length): the same held-out split, by length.
    var heldOut = StarterCorpus.All.Where(l => l.Split == "test").ToList();
    Console.WriteLine("\n| held-out messages | n | kind accuracy | kind macro-F1 | topic accuracy | topic macro-F1 |\n|---|---|---|---|---|---|");
    foreach (var (name, subset) in new[] { ("shorter than 300 characters", heldOut.Where(l => l.Text.Length < LongText).ToList()), ("300 characters or more", heldOut.Where(l => l.Text.Length >= LongText).ToList()) })
    {
        var predicted = subset.Select(l => starterModel.Predict(l.Text)).ToList();
        var kind = Score(subset.Select(l => l.Kind), predicted.Select(p => p.Kind.Label));
        var topic = Score(subset.Select(l => l.Topic), predicted.Select(p => p.Topic.Label));
        Console.WriteLine($"| {name} | {subset.Count} | {kind.Accuracy:0.000} | {kind.MacroF1:0.000} | {topic.Accuracy:0.000} | {topic.MacroF1:0.000} |");
    }
}

// 2. An imported history: division codes become stable ids, the shipped routing table is the city's.
var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
Guid Id(string code)
{
    if (!ids.TryGetValue(code, out var id))
    {
        id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(code)).AsSpan(0, 16));
        ids[code] = id;
    }
    return id;
}
var table = new RoutingTable([.. StarterCorpus.DefaultRouting().Select((r, i) => new RouteRule(Guid.NewGuid(), r.Topic, [.. r.Keywords.Select(k => k.ToLowerInvariant())], r.District, Id(r.Division)))]);
var history = ReadHistory(Path.Combine(data, "history.csv"));
var city = history.Select(h => new LabelledText(h.Text, h.Kind, h.Topic, Id(h.Division).ToString(), TrainingExample.HeldOut(h.Text))).ToList();
sw.Restart();
var withHistory = ModelTrainer.Train([.. StarterCorpus.Examples(), .. city]);
Console.WriteLine($"\n## 2. After importing data/triage/history.csv ({history.Count} rows; {city.Count(c => !c.IsTest)} train, {city.Count(c => c.IsTest)} held out; trained in {sw.Elapsed.TotalSeconds:0.0} s)");
using (var starterModel = TextClassifierModel.Load(starter.Bytes))
using (var cityModel = TextClassifierModel.Load(withHistory.Bytes))
{
    var held = city.Where(c => c.IsTest).ToList();
    double Accuracy(Func<LabelledText, Guid?> route) => held.Count(h => route(h)?.ToString() == h.Division) / (double)held.Count;
    var rulesOnly = Accuracy(h => Classifier.Classify(starterModel, 1, table, h.Text, 0.5).DivisionId);
    var modelOnly = Accuracy(h => Guid.TryParse(cityModel.Predict(h.Text).Division?.Label, out var g) ? g : null);
    var combined = Accuracy(h => Classifier.Classify(cityModel, 2, table, h.Text, 0.5).DivisionId);
    var learnedFirst = Accuracy(h => Classifier.Classify(cityModel, 2, table, h.Text, 0.5, preferLearned: true).DivisionId);
    Console.WriteLine($"| routing on {held.Count} held-out history messages | accuracy |\n|---|---|");
    Console.WriteLine($"| routing table with the starter model's topic (before the import) | {rulesOnly:0.000} |");
    Console.WriteLine($"| the new model's division head alone | {modelOnly:0.000} |");
    Console.WriteLine($"| **rules + new model, as the app routes by default** (keyword rules first) | **{combined:0.000}** |");
    Console.WriteLine($"| rules + new model with \"prefer the learned division\" on (the model's sure division before keyword rules) | {learnedFirst:0.000} |");
    PrintHead("Division (new model's head)", withHistory.Metrics.Division!, matrix: false);
}

// 3. Throughput and latency, one thread, the live path (normalise, featurise, three heads, routing table): over the
// held-out corpus and 2,000 history texts as they come, then over the short and the long ones of the same pool apart.
using (var model = TextClassifierModel.Load(withHistory.Bytes))
{
    var texts = StarterCorpus.All.Where(l => l.Split == "test").Select(l => l.Text).Concat(history.Take(2000).Select(h => h.Text)).ToArray();
    Console.WriteLine($"\n## 3. Classification on one thread ({calls:N0} calls a row, with the division head)");
    Console.WriteLine("| texts | n | average characters | throughput | p50 | p95 | p99 | max | gen0/gen1/gen2 GCs during the run |\n|---|---|---|---|---|---|---|---|---|");
    Measure("mixed, as they come", texts);
    Measure("shorter than 300 characters", [.. texts.Where(t => t.Length < LongText)]);
    Measure("300 characters or more", [.. texts.Where(t => t.Length >= LongText)]);

    void Measure(string name, string[] pool)
    {
        for (var i = 0; i < 2000; i++)
        {
            Classifier.Classify(model, 2, table, pool[i % pool.Length], 0.5);
        }
        var latencies = new double[calls];
        // Start from a clean heap: training's garbage is not the classifier's.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var total = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Classifier.Classify(model, 2, table, pool[i % pool.Length], 0.5);
            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        total.Stop();
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
        Console.WriteLine($"| {name} | {pool.Length:N0} | {pool.Average(t => t.Length):0} | {calls / total.Elapsed.TotalSeconds:N0}/s | {P(0.50):0.000} ms | {P(0.95):0.000} ms | {P(0.99):0.000} ms | {latencies[^1]:0.00} ms | {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3} |");
    }
}

// 4. Near-duplicate grouping on the labelled pairs: thresholds were tuned on the even lines, so the odd lines are the
// honest figure.
var pairs = GroupingScore.Read(Path.Combine(data, "pairs.jsonl"));
Console.WriteLine($"\n## 4. Near-duplicate grouping on data/triage/pairs.jsonl ({pairs.Count} pairs: {pairs.Count(p => p.Same)} same, {pairs.Count(p => !p.Same)} different)");
Console.WriteLine("| pairs | precision | recall | F1 | TP | FP | FN | TN |\n|---|---|---|---|---|---|---|---|");
foreach (var (name, subset) in new[]
{
    ("odd lines (held out from tuning)", GroupingScore.HeldOut(pairs)),
    ("even lines (thresholds tuned on these)", GroupingScore.Tuning(pairs)),
    ("all", pairs),
})
{
    var g = GroupingScore.Of(subset);
    Console.WriteLine($"| {name} | {g.Precision:0.000} | {g.Recall:0.000} | {g.F1:0.000} | {g.TruePositives} | {g.FalsePositives} | {g.FalseNegatives} | {g.TrueNegatives} |");
}
var misses = pairs.Where(p => NearDuplicateIndex.Same(Fingerprint.Of(p.A), Fingerprint.Of(p.B)) != p.Same).Take(8)
    .Select(p => $"  - {(p.Same ? "missed" : "wrongly joined")} ({p.Note}): «{Short(p.A)}» / «{Short(p.B)}»").ToList();
Console.WriteLine("Examples of errors:");
misses.ForEach(Console.WriteLine);
return 0;

static string Short(string s) => s.Length > 50 ? s[..50] + "…" : s;

// Accuracy and macro-F1 (over the labels present in the truth) of one head on a subset.
static (double Accuracy, double MacroF1) Score(IEnumerable<string> truth, IEnumerable<string> predicted)
{
    var pairs = truth.Zip(predicted).ToList();
    var labels = pairs.Select(p => p.First).Distinct().ToList();
    var f1 = labels.Select(l =>
    {
        var tp = pairs.Count(p => p.First == l && p.Second == l);
        var fp = pairs.Count(p => p.First != l && p.Second == l);
        var fn = pairs.Count(p => p.First == l && p.Second != l);
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }).ToList();
    return (pairs.Count(p => p.First == p.Second) / (double)Math.Max(1, pairs.Count), f1.Count == 0 ? 0 : f1.Average());
}

static void PrintHead(string name, HeadMetrics head, bool matrix = true)
{
    Console.WriteLine($"\n**{name}**: macro-F1 {head.MacroF1:0.000}, accuracy {head.Accuracy:0.000}, n = {head.TestCount}");
    if (!matrix)
    {
        return;
    }
    Console.WriteLine($"\n| truth \\ predicted | {string.Join(" | ", head.Labels)} | F1 |");
    Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---|", head.Labels.Length))}---|");
    for (var r = 0; r < head.Labels.Length; r++)
    {
        Console.WriteLine($"| {head.Labels[r]} | {string.Join(" | ", head.Confusion[r])} | {head.F1PerLabel[r]:0.00} |");
    }
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sotong.slnx")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run from the repository or pass its path.");
}

static List<HistoryRow> ReadHistory(string path)
{
    using var reader = new StreamReader(path);
    using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
    var rows = new List<HistoryRow>();
    csv.Read();
    csv.ReadHeader();
    while (csv.Read())
    {
        var kind = csv.GetField("kind");
        var topic = csv.GetField("topic");
        rows.Add(new HistoryRow(csv.GetField("text")!, csv.GetField("division")!, string.IsNullOrEmpty(kind) ? null : kind, string.IsNullOrEmpty(topic) ? null : topic));
    }
    return rows;
}

internal sealed record HistoryRow(string Text, string Division, string? Kind, string? Topic);
