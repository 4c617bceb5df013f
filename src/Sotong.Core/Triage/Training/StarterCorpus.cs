using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sotong.Core.Triage.Training;

/// <summary>One line of the shipped corpus (<c>data/triage/corpus.jsonl</c>, embedded in the app).</summary>
public sealed record CorpusLine(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("district")] string? District,
    [property: JsonPropertyName("division")] string Division,
    [property: JsonPropertyName("split")] string Split);

/// <summary>A default routing rule as shipped (<c>data/triage/routing.json</c>): division by code.</summary>
public sealed record RoutingSeed(
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("keywords")] string[] Keywords,
    [property: JsonPropertyName("district")] string? District,
    [property: JsonPropertyName("division")] string Division,
    [property: JsonPropertyName("note")] string? Note);

/// <summary>
/// The labelled corpus the project keeps in the repository, and the starter model trained from it. Training is
/// deterministic, so every process trains the same starter model; it is trained once per process and shared.
/// </summary>
public static class StarterCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusLine>> Lines = new(() => ReadLines<CorpusLine>("corpus.jsonl"));
    private static readonly Lazy<Task<TrainedModel>> Starter = new(() => Task.Run(() => ModelTrainer.Train(Examples())));

    public static IReadOnlyList<CorpusLine> All => Lines.Value;

    public static IReadOnlyList<LabelledText> Examples() =>
        [.. All.Select(l => new LabelledText(l.Text, l.Kind, l.Topic, null, l.Split == "test"))];

    /// <summary>The starter model (kind and topic heads), trained on first use in this process.</summary>
    public static Task<TrainedModel> StarterModelAsync() => Starter.Value;

    public static IReadOnlyList<RoutingSeed> DefaultRouting()
    {
        using var stream = Open("routing.json");
        return JsonSerializer.Deserialize<RoutingSeed[]>(stream) ?? [];
    }

    private static List<T> ReadLines<T>(string name)
    {
        using var reader = new StreamReader(Open(name));
        var result = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                result.Add(JsonSerializer.Deserialize<T>(line) ?? throw new InvalidDataException($"Empty line in {name}."));
            }
        }
        return result;
    }

    private static Stream Open(string name) =>
        typeof(StarterCorpus).Assembly.GetManifestResourceStream("Sotong.Core.Triage." + name)
        ?? throw new InvalidOperationException($"The triage resource {name} is not embedded in the app.");
}
