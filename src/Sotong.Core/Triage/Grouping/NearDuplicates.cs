using System.Text.RegularExpressions;
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Grouping;

/// <summary>What grouping knows about one message: its shingles and the places it names.</summary>
public sealed partial class Fingerprint
{
    private Fingerprint(HashSet<ulong> shingles, HashSet<string> places, ulong[] minHash)
    {
        Shingles = shingles;
        Places = places;
        MinHash = minHash;
    }

    public HashSet<ulong> Shingles { get; }
    /// <summary>Concrete places: "세종대로 110", "3번 출구", "시청역", "망원동" — normalised, spaces removed.</summary>
    public HashSet<string> Places { get; }
    public ulong[] MinHash { get; }

    public const int Hashes = 48;
    public const int Bands = 16;

    public static Fingerprint Of(string text)
    {
        var normalized = TextNormalizer.Normalize(PhoneNumbers().Replace(text ?? "", " "));
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + 3 <= compact.Length; i++)
        {
            shingles.Add(Fnv(compact.AsSpan(i, 3)));
        }
        if (shingles.Count == 0 && compact.Length > 0)
        {
            shingles.Add(Fnv(compact));
        }
        var places = new HashSet<string>(StringComparer.Ordinal);
        // Places keep their real digits (the normaliser folds digits, which would make every address alike).
        var raw = (text ?? "").Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
        foreach (Match m in NumberedPlace().Matches(raw))
        {
            places.Add(m.Value.Replace(" ", "", StringComparison.Ordinal));
        }
        foreach (Match m in NamedPlace().Matches(raw))
        {
            places.Add(m.Value);
        }
        var minHash = new ulong[Hashes];
        Array.Fill(minHash, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                var v = Mix(s, (ulong)h);
                if (v < minHash[h])
                {
                    minHash[h] = v;
                }
            }
        }
        return new Fingerprint(shingles, places, minHash);
    }

    /// <summary>Jaccard similarity of the shingle sets.</summary>
    public double Jaccard(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var inter = Intersection(other);
        var union = Shingles.Count + other.Shingles.Count - inter;
        return union == 0 ? 0 : (double)inter / union;
    }

    /// <summary>How much of the shorter text is inside the longer one (a copy with a sentence added still scores high).</summary>
    public double Containment(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var smaller = Math.Min(Shingles.Count, other.Shingles.Count);
        return smaller == 0 ? 0 : (double)Intersection(other) / smaller;
    }

    public int SharedPlaces(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Places.Count(other.Places.Contains);
    }

    public IEnumerable<ulong> BandKeys()
    {
        var rows = Hashes / Bands;
        for (var b = 0; b < Bands; b++)
        {
            ulong key = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (var r = 0; r < rows; r++)
            {
                key = Mix(key ^ MinHash[b * rows + r], 7);
            }
            yield return key;
        }
    }

    private int Intersection(Fingerprint other)
    {
        var (small, large) = Shingles.Count <= other.Shingles.Count ? (Shingles, other.Shingles) : (other.Shingles, Shingles);
        var n = 0;
        foreach (var s in small)
        {
            if (large.Contains(s))
            {
                n++;
            }
        }
        return n;
    }

    private static ulong Fnv(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return h;
    }

    private static ulong Mix(ulong x, ulong seed)
    {
        x ^= seed * 0xBF58476D1CE4E5B9UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 29;
        return x;
    }

    [GeneratedRegex(@"01[016789][- .]?\d{3,4}[- .]?\d{4}")]
    private static partial Regex PhoneNumbers();

    // "세종대로 110", "망원로8길 12", "3번 출구", "143번 버스", "101동", "2호선", "b1", "exit 3", "bus 143", "12 main st"
    [GeneratedRegex(@"[가-힣]{1,10}(?:대로|로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번지)?|\d{1,4}(?:-\d{1,4})?\s?(?:번\s?출구|번지|번\s?버스|번|동|호선|호)|(?:exit|bus|line|no\.?)\s?\d{1,4}|\d{1,4}\s+[a-z]+\s+(?:st|street|rd|road|ave|avenue)\b")]
    private static partial Regex NumberedPlace();

    // Named places: "시청역", "망원동", "한강공원", "○○초등학교", "○○아파트", "○○사거리", "○○교차로", "○○시장", "○○주민센터"
    [GeneratedRegex(@"[가-힣]{2,10}(?:역|동|공원|초등학교|중학교|고등학교|아파트|사거리|삼거리|교차로|시장|주민센터|터널|다리|대교|육교|정류장|놀이터|도서관|체육관)(?![가-힣])")]
    private static partial Regex NamedPlace();
}

/// <summary>
/// Groups near-duplicates among recent messages: the same copy-pasted text, or the same incident at
/// the same place told in other words. Candidates come from MinHash bands (similar text) and from the places named;
/// a candidate joins when the text is close (Jaccard ≥ <see cref="SameText"/> or containment ≥
/// <see cref="Contained"/>), or when it names the same concrete place and the text is at least somewhat alike.
/// One index per node, rebuilt from the database on start; a window of recent days is kept.
/// </summary>
public sealed class NearDuplicateIndex(TimeSpan window)
{
    public const double SameText = 0.5;
    public const double Contained = 0.75;
    public const double SamePlaceText = 0.12;
    public const double DifferentPlaceText = 0.85;

    private sealed record Entry(Guid MessageId, Guid GroupId, string Topic, DateTime AtUtc, Fingerprint Print);

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, List<Entry>> _bands = [];
    private readonly Dictionary<string, List<Entry>> _places = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _byAge = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byAge.Count;
            }
        }
    }

    /// <summary>Is this pair the same issue? Public so the grouping benchmark scores exactly what the app does.</summary>
    public static bool Same(Fingerprint a, Fingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var jaccard = a.Jaccard(b);
        if (a.Places.Count > 0 && b.Places.Count > 0)
        {
            // Both say where: the same place needs only a little shared wording; different places almost all of it
            // (one template, two potholes).
            return a.SharedPlaces(b) > 0 ? jaccard >= SamePlaceText : jaccard >= DifferentPlaceText;
        }
        if (jaccard >= SameText)
        {
            return true;
        }
        var bothLong = Math.Min(a.Shingles.Count, b.Shingles.Count) >= 12;
        return bothLong && a.Containment(b) >= Contained;
    }

    /// <summary>Adds a message and returns its group: the group of the best match, or its own id.</summary>
    public Guid Add(Guid messageId, string topic, string text, DateTime atUtc)
    {
        var print = Fingerprint.Of(text);
        lock (_gate)
        {
            Evict(atUtc - window);
            Entry? best = null;
            var bestScore = -1.0;
            foreach (var candidate in Candidates(print))
            {
                // The topic is not required to agree (the classifier can differ on two wordings of one pothole); it
                // only breaks ties.
                if (candidate.MessageId == messageId || !Same(print, candidate.Print))
                {
                    continue;
                }
                var score = print.Jaccard(candidate.Print) + 0.1 * print.SharedPlaces(candidate.Print) + (candidate.Topic == topic ? 0.05 : 0);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }
            var entry = new Entry(messageId, best?.GroupId ?? messageId, topic, atUtc, print);
            _byAge.Enqueue(entry);
            foreach (var key in print.BandKeys())
            {
                (_bands.TryGetValue(key, out var list) ? list : _bands[key] = []).Add(entry);
            }
            foreach (var place in print.Places)
            {
                (_places.TryGetValue(place, out var list) ? list : _places[place] = []).Add(entry);
            }
            return entry.GroupId;
        }
    }

    private HashSet<Entry> Candidates(Fingerprint print)
    {
        var found = new HashSet<Entry>(ReferenceEqualityComparer.Instance as IEqualityComparer<Entry>);
        foreach (var key in print.BandKeys())
        {
            if (_bands.TryGetValue(key, out var list))
            {
                found.UnionWith(list);
            }
        }
        foreach (var place in print.Places)
        {
            if (_places.TryGetValue(place, out var list))
            {
                // A very common place ("시청역") would bring everything; the newest few hundred are enough.
                found.UnionWith(list.Count > 300 ? list.Skip(list.Count - 300) : list);
            }
        }
        return found;
    }

    private void Evict(DateTime before)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.AtUtc < before)
        {
            _byAge.Dequeue();
            foreach (var key in oldest.Print.BandKeys())
            {
                if (_bands.TryGetValue(key, out var list))
                {
                    list.Remove(oldest);
                    if (list.Count == 0)
                    {
                        _bands.Remove(key);
                    }
                }
            }
            foreach (var place in oldest.Print.Places)
            {
                if (_places.TryGetValue(place, out var list))
                {
                    list.Remove(oldest);
                    if (list.Count == 0)
                    {
                        _places.Remove(place);
                    }
                }
            }
        }
    }
}
