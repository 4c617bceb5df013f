using System.IO.Compression;

namespace Sotong.Core.Triage.Classify;

/// <summary>
/// A trained triage model as stored (one row per version): a zip holding the n-gram dictionary with its idf weights
/// (<see cref="NgramFeaturizer"/>) and one linear head per label — kind, topic and, once the city's own history is
/// imported, division.
/// </summary>
public static class TriageModelFile
{
    private const string FeaturizerEntry = "ngrams.bin";

    /// <summary>What models written before the n-gram dictionary was Sotong's own held: ML.NET's featuriser.</summary>
    private const string MlNetFeaturizerEntry = "featurizer.zip";

    public static byte[] Write(NgramFeaturizer featurizer, LinearHead kind, LinearHead topic, LinearHead? division)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(FeaturizerEntry, CompressionLevel.Optimal).Open())
            using (var writer = new BinaryWriter(entry))
            {
                featurizer.Write(writer);
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

    /// <summary>Whether the bytes are a model this version of Sotong can classify with (not one of an older format).</summary>
    public static bool IsReadable(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return false;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry(FeaturizerEntry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static (NgramFeaturizer Featurizer, LinearHead Kind, LinearHead Topic, LinearHead? Division) Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        if (zip.GetEntry(FeaturizerEntry) is not { } entry)
        {
            throw new InvalidDataException(zip.GetEntry(MlNetFeaturizerEntry) is not null
                ? "The model was trained by an earlier version of Sotong (ML.NET's featuriser); it is retrained from the same examples."
                : "The model file has no n-gram dictionary.");
        }
        NgramFeaturizer featurizer;
        using (var reader = new BinaryReader(entry.Open()))
        {
            featurizer = NgramFeaturizer.Read(reader);
        }
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
