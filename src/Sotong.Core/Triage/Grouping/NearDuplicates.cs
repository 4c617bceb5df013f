using System.Text.RegularExpressions;
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Grouping;

/// <summary>What grouping knows about one message: its shingles and the places it names.</summary>
public sealed partial class Fingerprint
{
    private Fingerprint(HashSet<ulong> shingles, HashSet<ulong> bigrams, HashSet<string> numbered, HashSet<string> named, ulong[] minHash)
    {
        Shingles = shingles;
        Bigrams = bigrams;
        NumberedPlaces = numbered;
        NamedPlaces = named;
        MinHash = minHash;
    }

    /// <summary>Character trigrams of the text without spaces (digits kept: exit 3 is not exit 1).</summary>
    public HashSet<ulong> Shingles { get; }

    /// <summary>Character bigrams: kinder to paraphrase ("포트홀 신고" / "포트홀이 생겼어요").</summary>
    public HashSet<ulong> Bigrams { get; }

    /// <summary>Places with a number: "세종대로 110", "3번출구", "325-38번지" — exact spots.</summary>
    public HashSet<string> NumberedPlaces { get; }

    /// <summary>Named places: "시청역", "망원동", "솔밭근린공원" — areas, some large.</summary>
    public HashSet<string> NamedPlaces { get; }

    public IEnumerable<string> Places => NumberedPlaces.Concat(NamedPlaces);

    public ulong[] MinHash { get; }

    public const int Hashes = 48;
    public const int Bands = 16;

    public static Fingerprint Of(string text)
    {
        var normalized = TextNormalizer.ForMatching(PhoneNumbers().Replace(text ?? "", " "));
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        var shingles = new HashSet<ulong>();
        var bigrams = new HashSet<ulong>();
        for (var i = 0; i + 2 <= compact.Length; i++)
        {
            bigrams.Add(Fnv(compact.AsSpan(i, 2)));
            if (i + 3 <= compact.Length)
            {
                shingles.Add(Fnv(compact.AsSpan(i, 3)));
            }
        }
        if (shingles.Count == 0 && compact.Length > 0)
        {
            shingles.Add(Fnv(compact));
        }
        var numbered = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NumberedPlace().Matches(normalized))
        {
            numbered.Add(m.Value.Replace(" ", "", StringComparison.Ordinal));
        }
        foreach (Match m in NamedPlace().Matches(normalized))
        {
            if (!NotPlaces.Contains(m.Value))
            {
                named.Add(m.Value);
            }
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
        return new Fingerprint(shingles, bigrams, numbered, named, minHash);
    }

    /// <summary>Jaccard similarity of the trigram sets.</summary>
    public double Jaccard(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return JaccardOf(Shingles, other.Shingles);
    }

    /// <summary>Jaccard similarity of the bigram sets.</summary>
    public double BigramJaccard(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return JaccardOf(Bigrams, other.Bigrams);
    }

    private static double JaccardOf(HashSet<ulong> a, HashSet<ulong> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var inter = 0;
        foreach (var s in small)
        {
            if (large.Contains(s))
            {
                inter++;
            }
        }
        var union = a.Count + b.Count - inter;
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
        return NumberedPlaces.Count(other.NumberedPlaces.Contains) + NamedPlaces.Count(other.NamedPlaces.Contains);
    }

    /// <summary>Both name exact spots and none of them is the same: two incidents, however alike the wording.</summary>
    public bool DifferentSpot(Fingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NumberedPlaces.Count > 0 && other.NumberedPlaces.Count > 0 && !NumberedPlaces.Overlaps(other.NumberedPlaces);
    }

    // Words the named-place pattern catches that are not places, or are places too generic to tell two apart.
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "활동", "행동", "자동", "이동", "운동", "감동", "노동", "작동", "출동", "지역", "구역", "영역", "무역", "공동", "변동", "연동", "충동",
        "지하철역", "전철역", "버스정류장", "정류장", "우리아파트", "동네공원", "근처공원", "우리동", "저희아파트", "놀이터", "전통시장", "재래시장",
        "등산", "확산", "예산", "계산", "생산", "재산", "부동산", "추천", "실천", "번역", "지하철역", "자동", "어린이집",
    };

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

    // Named places: "시청역", "망원동", "한강공원", "○○초등학교", "○○아파트", "○○사거리", "중랑천", "도봉산", "○○행정복지센터" —
    // also when a particle or 앞/옆/입구 is glued on ("놀이터에서", "센터앞").
    [GeneratedRegex(@"(?<![가-힣])(?:[가-힣]{2,10}?(?:역|동|천|산)|[가-힣]{1,10}?(?:공원|근린공원|초등학교|중학교|고등학교|아파트|사거리|삼거리|오거리|교차로|시장|주민센터|행정복지센터|복지관|보건소|센터|터널|다리|대교|육교|정류장|정류소|놀이터|도서관|체육관|광장|터미널|병원|빌라|상가))(?=(?:에서|에|의|앞|옆|쪽|뒤|은|는|이|가|을|를|으로|로|도|입구|근처|정문|후문|건너편)?(?:[^가-힣]|$))")]
    private static partial Regex NamedPlace();
}

/// <summary>
/// Groups near-duplicates among recent messages: the same copy-pasted text, or the same incident at
/// the same place told in other words. Candidates come from MinHash bands (similar text) and from the places named.
/// When both messages say where, they join only if they name a common place (and no two different numbered spots) and
/// share a little wording (bigram Jaccard ≥ <see cref="SamePlaceText"/>); otherwise the text must be close (trigram
/// Jaccard ≥ <see cref="SameText"/>, or one contained in the other ≥ <see cref="Contained"/>).
/// One index per node, rebuilt from the database on start; a window of recent days is kept.
/// </summary>
public sealed class NearDuplicateIndex(TimeSpan window)
{
    // Tuned on the even lines of data/triage/pairs.jsonl and measured on the odd ones (docs/benchmarks.md).
    public const double SameText = 0.3;
    public const double Contained = 0.6;
    public const double SamePlaceText = 0.08;

    private sealed record Entry(Guid MessageId, string Topic, DateTime AtUtc, Fingerprint Print)
    {
        /// <summary>Changes only when an officer takes the message out of its group (<see cref="Detach"/>).</summary>
        public required Guid GroupId { get; set; }

        /// <summary>Set when the message's decision was not stored after all; skipped until it ages out.</summary>
        public bool Forgotten { get; set; }
    }

    // Newest entries kept per MinHash bucket and per named place (see AddCapped).
    private const int PerBucket = 16;
    private const int PerPlace = 64;
    private const int TriesPerGroup = 4;

    private readonly Dictionary<Guid, Entry> _byMessage = [];

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
        var bothSayWhere = a.Places.Any() && b.Places.Any();
        if (a.DifferentSpot(b) || (bothSayWhere && a.SharedPlaces(b) == 0))
        {
            // One template, two spots (exit 3 and exit 1; lot 325-38 and 916-32; 대림동 and 영등포동).
            return false;
        }
        if (bothSayWhere)
        {
            // The same place told in other words: a little shared wording is enough.
            return a.BigramJaccard(b) >= SamePlaceText;
        }
        if (jaccard >= SameText)
        {
            return true;
        }
        var bothLong = Math.Min(a.Shingles.Count, b.Shingles.Count) >= 12;
        return bothLong && a.Containment(b) >= Contained;
    }

    /// <summary>Adds a message and returns its group: the group of the best match, or its own id.</summary>
    public Guid Add(Guid messageId, string topic, string text, DateTime atUtc) => Add(messageId, topic, Fingerprint.Of(text), atUtc);

    /// <summary>The same, with the fingerprint already taken (outside the index's lock).</summary>
    public Guid Add(Guid messageId, string topic, Fingerprint print, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(print);
        lock (_gate)
        {
            Evict(atUtc - window);
            Entry? best = null;
            var bestScore = -1.0;
            // A group already matched, or tried a few times, need not be compared again: a flood of one text would
            // otherwise compare each newcomer with every copy in its buckets.
            var tries = new Dictionary<Guid, int>();
            foreach (var candidate in Candidates(print))
            {
                if (candidate.Forgotten || candidate.MessageId == messageId)
                {
                    continue;
                }
                var tried = tries.GetValueOrDefault(candidate.GroupId);
                if (tried < 0 || tried >= TriesPerGroup)
                {
                    continue;
                }
                // The topic is not required to agree (the classifier can differ on two wordings of one pothole); it
                // only breaks ties.
                if (!Same(print, candidate.Print))
                {
                    tries[candidate.GroupId] = tried + 1;
                    continue;
                }
                tries[candidate.GroupId] = -1;
                var score = print.Jaccard(candidate.Print) + 0.1 * print.SharedPlaces(candidate.Print) + (candidate.Topic == topic ? 0.05 : 0);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }
            return Insert(new Entry(messageId, topic, atUtc, print) { GroupId = best?.GroupId ?? messageId });
        }
    }

    /// <summary>
    /// Puts back a message with the group already stored for it (the index rebuilt on start): the database, where
    /// officers may have taken messages out of groups, is the truth, not a fresh match. Oldest first, like <see cref="Add(Guid, string, Fingerprint, DateTime)"/>.
    /// </summary>
    public void Restore(Guid messageId, Guid groupId, string topic, string text, DateTime atUtc)
    {
        var print = Fingerprint.Of(text);
        lock (_gate)
        {
            Evict(atUtc - window);
            Insert(new Entry(messageId, topic, atUtc, print) { GroupId = groupId });
        }
    }

    /// <summary>
    /// An officer took the message out of its group: it now stands in <paramref name="groupId"/>, and messages that
    /// match it from now on join that, not the group it left. The rest of its old group is unchanged.
    /// </summary>
    public void Detach(Guid messageId, Guid groupId)
    {
        lock (_gate)
        {
            if (_byMessage.TryGetValue(messageId, out var entry))
            {
                entry.GroupId = groupId;
            }
        }
    }

    private Guid Insert(Entry entry)
    {
        _byAge.Enqueue(entry);
        _byMessage[entry.MessageId] = entry;
        foreach (var key in entry.Print.BandKeys())
        {
            AddCapped(_bands.TryGetValue(key, out var list) ? list : _bands[key] = [], entry, PerBucket);
        }
        foreach (var place in entry.Print.Places)
        {
            AddCapped(_places.TryGetValue(place, out var list) ? list : _places[place] = [], entry, PerPlace);
        }
        return entry.GroupId;
    }

    /// <summary>Takes back messages whose decisions were not stored (a failed save), so nothing joins them.</summary>
    public void Forget(IEnumerable<Guid> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        lock (_gate)
        {
            foreach (var id in messageIds)
            {
                if (_byMessage.Remove(id, out var entry))
                {
                    entry.Forgotten = true;
                }
            }
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
                found.UnionWith(list);
            }
        }
        return found;
    }

    /// <summary>
    /// Keeps a bucket to its newest entries. A flood of one text (ten thousand "subway stopped" messages in a
    /// snowstorm) lands in the same buckets; comparing each newcomer with every earlier copy made grouping quadratic,
    /// while any recent copy is enough to join the group. The entry stays in the index and its other buckets.
    /// </summary>
    private static void AddCapped(List<Entry> bucket, Entry entry, int cap)
    {
        if (bucket.Count >= cap)
        {
            bucket.RemoveAt(0);
        }
        bucket.Add(entry);
    }

    private void Evict(DateTime before)
    {
        while (_byAge.TryPeek(out var oldest) && oldest.AtUtc < before)
        {
            _byAge.Dequeue();
            if (_byMessage.TryGetValue(oldest.MessageId, out var current) && ReferenceEquals(current, oldest))
            {
                _byMessage.Remove(oldest.MessageId);
            }
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
