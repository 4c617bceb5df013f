using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Sotong.Core.Triage.Classify;

/// <summary>What goes into the ML.NET featuriser: the normalised text (labels are only read while training).</summary>
public sealed class ModelInput
{
    public string Text { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Division { get; set; } = "";
}

/// <summary>The featuriser's output: the sparse n-gram vector the heads read.</summary>
public sealed class FeatureRow
{
    [ColumnName("Features")]
    public VBuffer<float> Features { get; set; }
}

/// <summary>
/// A trained triage model as stored (one row per version): a zip holding the ML.NET featuriser (character and word
/// n-grams) and one linear head per label — kind, topic and, once the city's own history is imported, division.
/// </summary>
public static class TriageModelFile
{
    private const string FeaturizerEntry = "featurizer.zip";

    public static byte[] Write(MLContext ml, ITransformer featurizer, DataViewSchema inputSchema, LinearHead kind, LinearHead topic, LinearHead? division)
    {
        ArgumentNullException.ThrowIfNull(ml);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(FeaturizerEntry, CompressionLevel.Optimal).Open())
            {
                ml.Model.Save(featurizer, inputSchema, entry);
            }
            foreach (var (name, head) in new[] { ("kind.bin", kind), ("topic.bin", topic), ("division.bin", division) })
            {
                if (head is not null)
                {
                    using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    using var writer = new BinaryWriter(entry);
                    head.Write(writer);
                }
            }
        }
        return buffer.ToArray();
    }

    public static (ITransformer Featurizer, LinearHead Kind, LinearHead Topic, LinearHead? Division) Read(MLContext ml, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(ml);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        // ML.NET needs a seekable stream.
        using var featurizerBytes = new MemoryStream();
        using (var entry = zip.GetEntry(FeaturizerEntry)?.Open() ?? throw new InvalidDataException("The model file has no featuriser."))
        {
            entry.CopyTo(featurizerBytes);
        }
        featurizerBytes.Position = 0;
        var featurizer = ml.Model.Load(featurizerBytes, out _);
        return (featurizer, Head(zip, "kind.bin") ?? throw new InvalidDataException("The model has no kind head."),
            Head(zip, "topic.bin") ?? throw new InvalidDataException("The model has no topic head."), Head(zip, "division.bin"));
    }

    private static LinearHead? Head(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }
        using var reader = new BinaryReader(entry.Open());
        return LinearHead.Read(reader);
    }
}
