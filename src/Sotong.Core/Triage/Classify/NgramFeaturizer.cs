namespace Sotong.Core.Triage.Classify;

/// <summary>
/// The second half of featurisation: a normalised text (<see cref="TextNormalizer"/>) becomes a sparse vector of
/// character 1–3-grams (Korean syllables carry their stems, so no morphological analyser is needed) and word 1–2-grams
/// (English), each weighted by TF-IDF — (1 + ln count) × ln(training texts / training texts that have it) — and the
/// whole vector L2-normalised. The logarithm of the count keeps a long complaint that repeats its bus number from
/// being only about the bus; the inverse document frequency silences what every message says ("안녕하세요",
/// "해주세요"). An n-gram only one training text has is left out: it cannot generalise, and on the held-out splits
/// leaving it out lifted topic macro-F1 by about 0.015 (docs/benchmarks.md).
/// Punctuation separates words and is not a character of any n-gram; the text's start and end are marked so "버스로"
/// at the start of a message differs from the same letters inside one.
/// <para>
/// The dictionary is fitted on the training texts and stored with the model. A character n-gram's key is its
/// UTF-16 units themselves (three 16-bit units and the length fit in 64 bits, so two n-grams never share a key); a
/// word n-gram's key is a 64-bit FNV-1a hash of its letters. Featurising allocates nothing: it looks n-grams up by
/// key and adds their counts in the caller's <see cref="FeatureScratch"/>.
/// </para>
/// </summary>
public sealed class NgramFeaturizer
{
    private const char Start = '\u0002';
    private const char End = '\u0003';
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    // Marks a word bigram's hash so it never equals a unigram's.
    private const ulong BigramSalt = 0x9E3779B97F4A7C15UL;

    private readonly Dictionary<ulong, int> _chars;
    private readonly Dictionary<ulong, int> _words;
    private readonly float[] _idf;

    private NgramFeaturizer(Dictionary<ulong, int> chars, Dictionary<ulong, int> words, float[] idf)
    {
        _chars = chars;
        _words = words;
        _idf = idf;
    }

    /// <summary>How many features (dictionary entries) the vectors have.</summary>
    public int Count => _idf.Length;

    /// <summary>
    /// Builds the dictionary from normalised training texts: every n-gram that at least
    /// <paramref name="minDocuments"/> of them contain, ordered by key (so the same texts give the same feature numbers
    /// in any process), with idf = ln(texts / texts containing it).
    /// </summary>
    public static NgramFeaturizer Fit(IReadOnlyCollection<string> normalizedTexts, int minDocuments = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minDocuments, 1);
        ArgumentNullException.ThrowIfNull(normalizedTexts);
        var charDf = new Dictionary<ulong, int>();
        var wordDf = new Dictionary<ulong, int>();
        var seenChars = new HashSet<ulong>();
        var seenWords = new HashSet<ulong>();
        foreach (var text in normalizedTexts)
        {
            seenChars.Clear();
            seenWords.Clear();
            Walk(text, seenChars, seenWords);
            foreach (var k in seenChars)
            {
                charDf[k] = charDf.GetValueOrDefault(k) + 1;
            }
            foreach (var k in seenWords)
            {
                wordDf[k] = wordDf.GetValueOrDefault(k) + 1;
            }
        }
        var n = Math.Max(1, normalizedTexts.Count);
        var charKeys = Kept(charDf, minDocuments);
        var wordKeys = Kept(wordDf, minDocuments);
        var idf = new float[charKeys.Length + wordKeys.Length];
        var chars = Number(charKeys, charDf, 0, idf, n);
        var words = Number(wordKeys, wordDf, charKeys.Length, idf, n);
        return new NgramFeaturizer(chars, words, idf);
    }

    private static ulong[] Kept(Dictionary<ulong, int> df, int minDocuments)
    {
        var keys = df.Where(p => p.Value >= minDocuments).Select(p => p.Key).ToArray();
        Array.Sort(keys);
        return keys;
    }

    private static Dictionary<ulong, int> Number(ulong[] keys, Dictionary<ulong, int> df, int offset, float[] idf, int texts)
    {
        var index = new Dictionary<ulong, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = offset + i;
            idf[offset + i] = (float)Math.Log((double)texts / df[keys[i]]);
        }
        return index;
    }

    /// <summary>
    /// Featurises a normalised text into <paramref name="scratch"/>: afterwards its <see cref="FeatureScratch.Indices"/>
    /// and <see cref="FeatureScratch.Values"/> hold the text's known n-grams and their TF-IDF weights, L2-normalised.
    /// </summary>
    public void Featurize(string normalized, FeatureScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Begin(_idf.Length);
        var visitor = new Lookup(this, scratch);
        Walk(normalized, ref visitor);
        scratch.Weigh(_idf);
    }

    /// <summary>The feature number of a character n-gram (1–3 UTF-16 units; the start and end marks are U+0002 and U+0003), or -1.</summary>
    public int IndexOfChars(string ngram)
    {
        ArgumentNullException.ThrowIfNull(ngram);
        return ngram.Length is >= 1 and <= 3 && _chars.TryGetValue(CharKey(ngram.AsSpan()), out var i) ? i : -1;
    }

    /// <summary>The feature number of a word (one argument) or word bigram (two), or -1.</summary>
    public int IndexOfWords(string first, string? second = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        var key = second is null ? WordKey(first) : BigramKey(WordKey(first), WordKey(second));
        return _words.TryGetValue(key, out var i) ? i : -1;
    }

    /// <summary>The idf of a feature.</summary>
    public float Idf(int feature) => _idf[feature];

    private interface INgramVisitor
    {
        void Char(ulong key);

        void Word(ulong key);
    }

    private readonly struct Lookup(NgramFeaturizer f, FeatureScratch scratch) : INgramVisitor
    {
        public void Char(ulong key)
        {
            if (f._chars.TryGetValue(key, out var i))
            {
                scratch.Add(i);
            }
        }

        public void Word(ulong key)
        {
            if (f._words.TryGetValue(key, out var i))
            {
                scratch.Add(i);
            }
        }
    }

    private readonly struct Collect(HashSet<ulong> chars, HashSet<ulong> words) : INgramVisitor
    {
        public void Char(ulong key) => chars.Add(key);

        public void Word(ulong key) => words.Add(key);
    }

    private static void Walk(string text, HashSet<ulong> chars, HashSet<ulong> words)
    {
        var visitor = new Collect(chars, words);
        Walk(text, ref visitor);
    }

    /// <summary>
    /// Visits every n-gram of the text in one pass. The character stream is the start mark, the words separated by
    /// single spaces, the end mark; words are runs of anything that is not white space or punctuation.
    /// </summary>
    private static void Walk<T>(string text, ref T visitor) where T : struct, INgramVisitor
    {
        // The last two characters of the stream, for bigrams and trigrams.
        char c1 = '\0', c2 = '\0';
        var have = 0;
        var inWord = false;
        var wordStart = 0;
        var pendingSpace = false;
        ulong previousWord = 0;
        var hasPreviousWord = false;
        Emit(Start, ref c1, ref c2, ref have, ref visitor);
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || char.IsWhiteSpace(text[i]) || char.IsPunctuation(text[i]);
            if (separator)
            {
                if (inWord)
                {
                    var word = WordKey(text.AsSpan(wordStart, i - wordStart));
                    visitor.Word(word);
                    if (hasPreviousWord)
                    {
                        visitor.Word(BigramKey(previousWord, word));
                    }
                    previousWord = word;
                    hasPreviousWord = true;
                    inWord = false;
                    pendingSpace = true;
                }
                continue;
            }
            if (!inWord)
            {
                if (pendingSpace)
                {
                    Emit(' ', ref c1, ref c2, ref have, ref visitor);
                }
                inWord = true;
                wordStart = i;
            }
            Emit(text[i], ref c1, ref c2, ref have, ref visitor);
        }
        Emit(End, ref c1, ref c2, ref have, ref visitor);
    }

    private static void Emit<T>(char c, ref char c1, ref char c2, ref int have, ref T visitor) where T : struct, INgramVisitor
    {
        visitor.Char((1UL << 48) | c);
        if (have >= 1)
        {
            visitor.Char((2UL << 48) | ((ulong)c2 << 16) | c);
        }
        if (have >= 2)
        {
            visitor.Char((3UL << 48) | ((ulong)c1 << 32) | ((ulong)c2 << 16) | c);
        }
        c1 = c2;
        c2 = c;
        have++;
    }

    private static ulong CharKey(ReadOnlySpan<char> ngram)
    {
        ulong key = (ulong)ngram.Length << 48;
        for (var i = 0; i < ngram.Length; i++)
        {
            key |= (ulong)ngram[i] << (16 * (ngram.Length - 1 - i));
        }
        return key;
    }

    private static ulong WordKey(ReadOnlySpan<char> word)
    {
        var h = FnvOffset;
        foreach (var c in word)
        {
            h = (h ^ (byte)c) * FnvPrime;
            h = (h ^ (byte)(c >> 8)) * FnvPrime;
        }
        return h;
    }

    private static ulong BigramKey(ulong first, ulong second) => ((first * FnvPrime) ^ second ^ BigramSalt) * FnvPrime;

    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        foreach (var dictionary in new[] { _chars, _words })
        {
            w.Write(dictionary.Count);
            foreach (var (key, index) in dictionary.OrderBy(p => p.Value))
            {
                w.Write(key);
            }
        }
        foreach (var x in _idf)
        {
            w.Write(x);
        }
    }

    public static NgramFeaturizer Read(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var chars = ReadKeys(r, 0);
        var words = ReadKeys(r, chars.Count);
        var idf = new float[chars.Count + words.Count];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = r.ReadSingle();
        }
        return new NgramFeaturizer(chars, words, idf);
    }

    private static Dictionary<ulong, int> ReadKeys(BinaryReader r, int offset)
    {
        var count = r.ReadInt32();
        var keys = new Dictionary<ulong, int>(count);
        for (var i = 0; i < count; i++)
        {
            keys.Add(r.ReadUInt64(), offset + i);
        }
        return keys;
    }
}

/// <summary>
/// One caller's working memory for featurising: a count per feature (sized to the dictionary once) and the list of
/// features the current text touched. Not thread-safe; pool one per concurrent caller.
/// </summary>
public sealed class FeatureScratch
{
    private int[] _count = [];
    private int[] _indices = new int[256];
    private float[] _values = new float[256];
    private int _length;

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, _length);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, _length);

    internal void Begin(int features)
    {
        if (_count.Length < features)
        {
            _count = new int[features];
        }
        _length = 0;
    }

    internal void Add(int feature)
    {
        if (_count[feature]++ == 0)
        {
            if (_length == _indices.Length)
            {
                Array.Resize(ref _indices, _length * 2);
                Array.Resize(ref _values, _length * 2);
            }
            _indices[_length++] = feature;
        }
    }

    /// <summary>Turns the counts into TF-IDF weights ((1 + ln count) × idf), L2-normalised, and clears the counts for the next text.</summary>
    internal void Weigh(float[] idf)
    {
        double sum = 0;
        for (var k = 0; k < _length; k++)
        {
            var f = _indices[k];
            var v = (_count[f] == 1 ? 1 : 1 + MathF.Log(_count[f])) * idf[f];
            _count[f] = 0;
            _values[k] = v;
            sum += (double)v * v;
        }
        if (sum > 0)
        {
            var scale = (float)(1 / Math.Sqrt(sum));
            for (var k = 0; k < _length; k++)
            {
                _values[k] *= scale;
            }
        }
    }
}
