using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sotong.Core.Qna.Comments;

public enum CommentVerdict
{
    Allow,
    Hold,
    Reject,
}

/// <summary>
/// What <see cref="CommentFilter.Check"/> decided. <paramref name="Reason"/> is a short code — profanity, slur,
/// personal-attack, empty, too-long (Reject); spam-link, too-many-links, advertising, repeated-characters (Hold) —
/// and <paramref name="Matched"/> the part of the comment that decided it, as written (after NFC).
/// </summary>
public sealed record CommentCheck(CommentVerdict Verdict, string? Reason, string? Matched)
{
    public static CommentCheck Allowed { get; } = new(CommentVerdict.Allow, null, null);
}

/// <summary>
/// Screens a public comment before it is shown. The text is first folded into a skeleton: NFC, compatibility forms
/// (full-width, circled and mathematical letters, half-width jamo) to their plain letters, Cyrillic look-alikes to
/// Latin, Hangul vowels that people swap to dodge filters (ㅢ ㅟ → ㅣ, ㅔ ㅖ ㅒ → ㅐ, finals ㅆ ㅈ → ㅅ), jamo typed one by
/// one recomposed (ㅅㅣㅂㅏㄹ → 시발, ㅅl발 → 시발), zero-width characters, punctuation and up to two Latin letters or
/// digits between Hangul removed (시.발, 시1발, 시a발), leetspeak read in Latin words (sh1t, a$$hole) and
/// repeated Latin letters collapsed (fuuuck). Spaces are removed too, but remembered: a word that only appears
/// across a space counts only when every piece is a whole word (씨 발, ㅅ ㅂ, 미친 놈이) — so 수박씨 발라,
/// 시 발표, 시 발바닥 and 한 남자 stay innocent. The skeleton is matched with one Aho–Corasick automaton holding the
/// block list, the advertising words and an allow list of innocent words that contain a bad one (시발점, 시발역,
/// 감염병, 보존 나무, 허리띠를 졸라 매고); a hit inside an allowed word does not count. Deliberate choices: 병신년 is
/// allowed only with a year beside it (1956년 병신년, 丙申年), otherwise it is the insult it usually is; 미친, 꺼져
/// and 닥쳐 alone are ordinary Korean (영향을 미친, 가로등이 꺼져, 위기가 닥쳐) and count only as whole-comment
/// retorts or aimed at someone (너 꺼져, 입 닥쳐); 한남 counts only as a word of its own, never in 한남동;
/// 대출 and 토토 alone are civic topics (전세대출, 스포츠토토) and count as advertising only beside a phone number,
/// a messenger id or a link. Profanity, slurs and personal attacks are rejected so the citizen can be told why;
/// spam signals and walls of one repeated character are held for a moderator. Pure and thread-safe: the tables
/// are built once and never change; each call folds into pooled buffers, and an ordinary comment costs one small
/// object besides (none for the verdict: an allowed comment gets the shared <see cref="CommentCheck.Allowed"/>).
/// </summary>
public static partial class CommentFilter
{
    /// <summary>Longest comment accepted, in UTF-16 code units (what the column stores).</summary>
    public const int MaxLength = 1000;

    private const int RepeatLimit = 10;

    private static readonly CommentCheck Empty = new(CommentVerdict.Reject, "empty", null);
    private static readonly CommentCheck TooLong = new(CommentVerdict.Reject, "too-long", null);

    private static readonly string[] Shorteners =
    [
        "bit.ly", "bitly.kr", "goo.gl", "t.co", "t.ly", "tinyurl.com", "han.gl", "me2.do", "vo.la", "url.kr", "shorturl.at",
        "is.gd", "buly.kr", "c11.kr", "cutt.ly", "rebrand.ly", "ow.ly", "naver.me", "kko.to", "zrr.kr", "muz.so", "asq.kr",
    ];

    public static CommentCheck Check(string text)
    {
        if (text is null || IsBlank(text))
        {
            return Empty;
        }
        if (text.Length > MaxLength)
        {
            return TooLong;
        }
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        using (var sk = Skeleton.Build(normalized))
        {
            if (FindAbuse(normalized, sk) is { } abuse)
            {
                return abuse;
            }
            if (FindLinkSpam(normalized, out var links) is { } linkSpam)
            {
                return linkSpam;
            }
            if (FindAdvertising(normalized, sk, links) is { } advertising)
            {
                return advertising;
            }
        }
        if (FindRepeat(normalized) is { } repeat)
        {
            return new CommentCheck(CommentVerdict.Hold, "repeated-characters", repeat);
        }
        return CommentCheck.Allowed;
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
            {
                return false;
            }
        }
        return true;
    }

    // ---- Profanity, slurs, personal attacks ----

    private static CommentCheck? FindAbuse(string normalized, Skeleton sk)
    {
        if (sk.Length == 0)
        {
            return null;
        }
        var text = sk.Chars;
        var len = sk.Length;

        // Pass 1: where allowed words end and how far back they reach, so a hit inside one can be ignored.
        var allowStart = ArrayPool<int>.Shared.Rent(len + 1);
        try
        {
            allowStart.AsSpan(0, len + 1).Fill(int.MaxValue);
            var state = 0;
            for (var i = 0; i < len; i++)
            {
                state = Lexicon.Automaton.Step(state, text[i]);
                foreach (var t in Lexicon.Automaton.Outputs(state))
                {
                    var term = Lexicon.Terms[t];
                    if (term.Kind == Kind.Allow)
                    {
                        allowStart[i + 1] = Math.Min(allowStart[i + 1], i + 1 - term.Pattern.Length);
                    }
                }
            }

            // Pass 2: the first abusive hit that survives the context rules decides.
            state = 0;
            for (var i = 0; i < len; i++)
            {
                state = Lexicon.Automaton.Step(state, text[i]);
                foreach (var t in Lexicon.Automaton.Outputs(state))
                {
                    var term = Lexicon.Terms[t];
                    if (term.Kind is Kind.Allow or Kind.AdStrong or Kind.AdWeak)
                    {
                        continue;
                    }
                    var start = i + 1 - term.Pattern.Length;
                    if (IsAllowed(allowStart, len, start, i + 1) || !Counts(term, sk, normalized, start, i + 1))
                    {
                        continue;
                    }
                    var reason = term.Kind switch
                    {
                        Kind.Slur => "slur",
                        Kind.PersonalAttack => "personal-attack",
                        _ => "profanity",
                    };
                    return new CommentCheck(CommentVerdict.Reject, reason, sk.Original(normalized, start, i + 1));
                }
            }
            return null;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(allowStart);
        }
    }

    private static bool IsAllowed(int[] allowStart, int len, int start, int end)
    {
        var limit = Math.Min(len, end + Lexicon.LongestAllow);
        for (var e = end; e <= limit; e++)
        {
            if (allowStart[e] <= start)
            {
                return true;
            }
        }
        return false;
    }

    private static bool Counts(Term term, Skeleton sk, string normalized, int start, int end)
    {
        var tokenStart = sk.TokenStart;
        var len = sk.Length;
        if ((term.Rule & Rule.WholeText) != 0)
        {
            return start == 0 && end == len;
        }
        var spansSpace = false;
        for (var i = start + 1; i < end; i++)
        {
            spansSpace |= tokenStart[i];
        }
        var endsWord = end == len || tokenStart[end];
        if ((term.Rule & Rule.WholeToken) != 0)
        {
            return !spansSpace && tokenStart[start] && (endsWord || IsParticleTail(sk, end));
        }
        if (spansSpace)
        {
            // Across spaces only when each piece is a word of its own: "씨 발", "ㅅ ㅂ", "미친 놈이", never "시 발표".
            if (!tokenStart[start] || !(endsWord || (term.Pattern.Length >= 3 && IsParticleTail(sk, end))))
            {
                return false;
            }
        }
        if ((term.Rule & Rule.YearExempt) != 0 && end < len && sk.Chars[end] == '년' && IsYearContext(normalized, sk.StartOf(start), sk.EndOf(end)))
        {
            return false;
        }
        return true;
    }

    // What may follow a word inside the same token and leave it that word: particles and endings (한남들, 미친 놈이다).
    private static bool IsParticleTail(Skeleton sk, int from)
    {
        var i = from;
        while (i < sk.Length && !sk.TokenStart[i])
        {
            if (i - from >= 4 || !"은는이가을를들아야도의에게한테다요어냐네임랑과와로만".Contains(sk.Chars[i], StringComparison.Ordinal))
            {
                return false;
            }
            i++;
        }
        return true;
    }

    // 병신년 as the year 丙申: "1956년 병신년", "2016년은 병신년", "병신년(丙申年)".
    private static bool IsYearContext(string text, int start, int end)
    {
        var before = text.AsSpan(Math.Max(0, start - 16), Math.Min(start, 16));
        var after = text.AsSpan(end, Math.Min(text.Length - end, 8));
        return YearBefore().IsMatch(before) || after.Contains("丙申", StringComparison.Ordinal) || before.Contains("丙申", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:1[89]|20)\d{2}\s*년", RegexOptions.CultureInvariant)]
    private static partial Regex YearBefore();

    // ---- Links and advertising ----

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'()\[\]]+|(?<![@A-Za-z0-9.\-])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:com|net|org|kr|co|io|me|ly|gl|to|do|la|gd|so|at|xyz|info|biz|site|shop|top|club|link|app|dev|tv|cc|us|vip|bet|win|live|online|store)(?![a-z0-9\-])(?:/[^\s<>""'()\[\]]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // A messenger and an id to add: "텔레그램 아이디 @abc123", "카톡 ID: money77", "카톡 sunny1004".
    [GeneratedRegex(@"(?<kw>텔레그램|텔레|telegram|카카오톡|카톡|kakaotalk|katalk|라인|line|위챗|wechat)\s*(?<tag>아이디|아디|id|[:：@])?\s*[:：@]?\s*(?<id>[a-z0-9_.]{3,32})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessengerId();

    [GeneratedRegex(@"(?<!\d)01[016789][\-.\s]?\d{3,4}[\-.\s]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();

    private static CommentCheck? FindLinkSpam(string text, out int links)
    {
        links = 0;
        string? first = null;
        foreach (var m in Link().EnumerateMatches(text))
        {
            var link = text.AsSpan(m.Index, m.Length);
            if (IsShortener(link))
            {
                return new CommentCheck(CommentVerdict.Hold, "spam-link", link.ToString());
            }
            first ??= link.ToString();
            links++;
        }
        return links >= 2 ? new CommentCheck(CommentVerdict.Hold, "too-many-links", first) : null;
    }

    private static bool IsShortener(ReadOnlySpan<char> link)
    {
        var host = link;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }
        var slash = host.IndexOfAny('/', '?', '#');
        if (slash >= 0)
        {
            host = host[..slash];
        }
        foreach (var s in Shorteners)
        {
            if (host.Equals(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static CommentCheck? FindAdvertising(string normalized, Skeleton sk, int links)
    {
        for (var m = MessengerId().Match(normalized); m.Success; m = m.NextMatch())
        {
            // English words and 라인 (line) need the word "id" or a colon; 텔레그램 and 카톡 with a Latin id are enough.
            var id = m.Groups["id"].ValueSpan;
            var untaggedOk = m.Groups["kw"].ValueSpan is "텔레그램" or "텔레" or "카카오톡" or "카톡" && id.Length >= 4 && (id.ContainsAnyInRange('a', 'z') || id.ContainsAnyInRange('A', 'Z'));
            if (m.Groups["tag"].Success || untaggedOk)
            {
                return new CommentCheck(CommentVerdict.Hold, "advertising", m.Value);
            }
        }

        string? weak = null;
        var state = 0;
        for (var i = 0; i < sk.Length; i++)
        {
            state = Lexicon.Automaton.Step(state, sk.Chars[i]);
            foreach (var t in Lexicon.Automaton.Outputs(state))
            {
                var term = Lexicon.Terms[t];
                if (term.Kind == Kind.AdStrong)
                {
                    return new CommentCheck(CommentVerdict.Hold, "advertising", sk.Original(normalized, i + 1 - term.Pattern.Length, i + 1));
                }
                if (term.Kind == Kind.AdWeak)
                {
                    weak ??= sk.Original(normalized, i + 1 - term.Pattern.Length, i + 1);
                }
            }
        }
        // A loan or a betting word is a civic topic on its own; with a way to reach the writer it is an advert.
        if (weak is not null && (links > 0 || MobileNumber().IsMatch(normalized)))
        {
            return new CommentCheck(CommentVerdict.Hold, "advertising", weak);
        }
        return null;
    }

    // ---- Walls of one character ----

    // Ten or more identical user-perceived characters (an emoji with its skin tone counts once). Digits and the
    // strokes people draw lines with (-----, =====, ……) are not counted.
    private static string? FindRepeat(string text)
    {
        var span = text.AsSpan();
        var runStart = 0;
        var runCount = 0;
        var prev = ReadOnlySpan<char>.Empty;
        var i = 0;
        while (i < span.Length)
        {
            var n = StringInfo.GetNextTextElementLength(span[i..]);
            var element = span.Slice(i, n);
            if (!prev.IsEmpty && element.SequenceEqual(prev))
            {
                runCount++;
                if (runCount >= RepeatLimit && Counted(element))
                {
                    var end = i + n;
                    while (end < span.Length)
                    {
                        var m = StringInfo.GetNextTextElementLength(span[end..]);
                        if (!span.Slice(end, m).SequenceEqual(element))
                        {
                            break;
                        }
                        end += m;
                    }
                    return text[runStart..end];
                }
            }
            else
            {
                runStart = i;
                runCount = 1;
            }
            prev = element;
            i += n;
        }
        return null;

        static bool Counted(ReadOnlySpan<char> element) =>
            !(element.Length == 1 && (char.IsWhiteSpace(element[0]) || char.IsAsciiDigit(element[0]) || ".-=_~·…─━—―*".Contains(element[0])));
    }

    private static bool IsInvisible(char c) =>
        c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    // ---- The skeleton ----

    /// <summary>The folded text, with for each character where it came from and whether a space came before it.</summary>
    private sealed class Skeleton : IDisposable
    {
        private int[] _start;
        private int[] _end;

        private Skeleton(int capacity)
        {
            Chars = ArrayPool<char>.Shared.Rent(capacity);
            TokenStart = ArrayPool<bool>.Shared.Rent(capacity + 1);
            _start = ArrayPool<int>.Shared.Rent(capacity);
            _end = ArrayPool<int>.Shared.Rent(capacity);
        }

        public char[] Chars { get; }

        public bool[] TokenStart { get; }

        public int Length { get; private set; }

        public int StartOf(int i) => _start[i];

        public int EndOf(int i) => i < Length ? _start[i] : _end[Length - 1];

        public string Original(string text, int start, int end) => text[_start[start].._end[end - 1]];

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(Chars);
            ArrayPool<bool>.Shared.Return(TokenStart);
            ArrayPool<int>.Shared.Return(_start);
            ArrayPool<int>.Shared.Return(_end);
            _start = [];
            _end = [];
        }

        public static string Fold(string term)
        {
            using var sk = Build(term);
            return new string(sk.Chars, 0, sk.Length);
        }

        public static Skeleton Build(string s)
        {
            var sk = new Skeleton((s.Length * 2) + 2);
            var k = 0;
            var boundary = true;
            var i = 0;
            while (i < s.Length)
            {
                var width = char.IsSurrogatePair(s, i) ? 2 : 1;
                var c = FoldCompatibility(s.AsSpan(i, width));
                if (char.IsWhiteSpace(c))
                {
                    boundary = true;
                    i += width;
                    continue;
                }
                if (c == '\0' || IsInvisible(c))
                {
                    i += width;
                    continue;
                }
                if (IsHangul(c))
                {
                    if (c == 'ㅄ')
                    {
                        Emit(sk, ref k, ref boundary, 'ㅂ', i, i + width);
                        c = 'ㅅ';
                    }
                    Emit(sk, ref k, ref boundary, c, i, i + width);
                    i += width;
                    continue;
                }
                var latinish = char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '|' or '!';
                if (latinish && k > 0 && !boundary && IsHangul(sk.Chars[k - 1]) && TrySkipBetweenHangul(s, i, sk, ref k, ref boundary, out var next))
                {
                    i = next;
                    continue;
                }
                if (char.IsAsciiLetter(c))
                {
                    EmitLatin(sk, ref k, ref boundary, char.ToLowerInvariant(c), i, i + width);
                }
                else if (Leet(c) is var leet && leet != '\0' && InLatinWord(s, i, sk, k, boundary))
                {
                    EmitLatin(sk, ref k, ref boundary, leet, i, i + width);
                }
                else if (char.IsLetter(c))
                {
                    Emit(sk, ref k, ref boundary, char.ToLowerInvariant(c), i, i + width);
                }
                i += width;
            }
            sk.Length = Compose(sk, k);
            return sk;
        }

        // Up to two Latin letters or digits wedged between Hangul are a dodge (시1발, 시a발): drop them. A single
        // l, I, 1, | or ! after a lone consonant and before a syllable is a drawn ㅣ (ㅅl발 → 시발).
        private static bool TrySkipBetweenHangul(string s, int i, Skeleton sk, ref int k, ref bool boundary, out int next)
        {
            var j = i;
            var alnum = 0;
            while (j < s.Length && !char.IsWhiteSpace(s[j]) && !IsHangul(MapConjoining(s[j])))
            {
                alnum += char.IsAsciiLetterOrDigit(s[j]) || s[j] is '|' or '!' ? 1 : 0;
                j++;
            }
            next = j;
            if (j >= s.Length || !IsHangul(MapConjoining(s[j])) || alnum > 2)
            {
                return false;
            }
            if (j == i + 1 && s[i] is 'l' or 'I' or 'i' or '1' or '|' or '!' && IsCompatConsonant(sk.Chars[k - 1]) && IsSyllable(s[j]))
            {
                Emit(sk, ref k, ref boundary, 'ㅣ', i, j);
            }
            return true;
        }

        private static bool InLatinWord(string s, int i, Skeleton sk, int k, bool boundary)
        {
            if (k > 0 && !boundary && char.IsAsciiLetter(sk.Chars[k - 1]))
            {
                return true;
            }
            for (var j = i + 1; j < s.Length; j++)
            {
                var c = FoldCompatibility(s.AsSpan(j, 1));
                if (char.IsAsciiLetter(c))
                {
                    return true;
                }
                if (Leet(c) == '\0')
                {
                    return false;
                }
            }
            return false;
        }

        private static char Leet(char c) => c switch
        {
            '0' => 'o',
            '1' or '!' or '|' => 'i',
            '3' => 'e',
            '4' or '@' => 'a',
            '5' or '$' => 's',
            '7' or '+' => 't',
            _ => '\0',
        };

        private static void Emit(Skeleton sk, ref int k, ref bool boundary, char c, int from, int to)
        {
            sk.Chars[k] = c;
            sk.TokenStart[k] = boundary;
            sk._start[k] = from;
            sk._end[k] = to;
            boundary = false;
            k++;
        }

        // Repeated Latin letters collapse (fuuuck, a$$hole → ashole): the terms are folded the same way.
        private static void EmitLatin(Skeleton sk, ref int k, ref bool boundary, char c, int from, int to)
        {
            if (k > 0 && !boundary && sk.Chars[k - 1] == c)
            {
                sk._end[k - 1] = to;
                return;
            }
            Emit(sk, ref k, ref boundary, c, from, to);
        }

        // Lone jamo typed one by one become syllables again (ㅅㅣㅂㅏㄹ → 시발); then every syllable's look-alike
        // vowels and finals are folded.
        private static int Compose(Skeleton sk, int k)
        {
            var c = sk.Chars;
            var w = 0;
            var r = 0;
            while (r < k)
            {
                var ch = c[r];
                var to = r + 1;
                if (LeadIndex(ch) >= 0 && r + 1 < k && IsCompatVowel(c[r + 1]) && !sk.TokenStart[r + 1])
                {
                    var tail = 0;
                    to = r + 2;
                    if (r + 2 < k && !sk.TokenStart[r + 2] && TailIndex(c[r + 2]) > 0
                        && !(r + 3 < k && IsCompatVowel(c[r + 3]) && !sk.TokenStart[r + 3]))
                    {
                        tail = TailIndex(c[r + 2]);
                        to = r + 3;
                    }
                    ch = (char)(0xAC00 + (((LeadIndex(ch) * 21) + (c[r + 1] - 0x314F)) * 28) + tail);
                }
                c[w] = IsSyllable(ch) ? FoldSyllable(ch) : ch;
                sk.TokenStart[w] = sk.TokenStart[r];
                sk._start[w] = sk._start[r];
                sk._end[w] = sk._end[to - 1];
                w++;
                r = to;
            }
            return w;
        }

        private static char FoldSyllable(char ch)
        {
            var index = ch - 0xAC00;
            var lead = index / 588;
            var vowel = index % 588 / 28;
            var tail = index % 28;
            vowel = vowel switch
            {
                19 or 16 => 20, // ㅢ ㅟ → ㅣ: 씌발, 싀발, 병쉰
                3 or 5 or 7 => 1, // ㅒ ㅔ ㅖ → ㅐ: 개섀끼, 개세끼
                _ => vowel,
            };
            tail = tail is 20 or 22 ? 19 : tail; // ㅆ ㅈ → ㅅ: 좆, 좃
            return (char)(0xAC00 + (lead * 588) + (vowel * 28) + tail);
        }
    }

    private static char FoldCompatibility(ReadOnlySpan<char> unit)
    {
        var c = unit[0];
        if (unit.Length == 1)
        {
            if (c < 0x80 || IsSyllable(c) || c is >= '\u3131' and <= '\u318E')
            {
                return c;
            }
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                return (char)(c - 0xFEE0);
            }
            if (LookAlike(c) is var latin && latin != '\0')
            {
                return latin;
            }
            if (c is >= '\u1100' and <= '\u11FF')
            {
                return MapConjoining(c);
            }
        }
        // Circled, parenthesised, mathematical and other compatibility letters; half-width jamo. Rare enough that
        // the small string this allocates does not matter.
        var cp = unit.Length == 2 ? char.ConvertToUtf32(unit[0], unit[1]) : c;
        if (cp is (>= 0x2100 and <= 0x24FF) or (>= 0x3200 and <= 0x32FF) or (>= 0xFB00 and <= 0xFB06) or (>= 0xFFA0 and <= 0xFFDC)
            or (>= 0x1D400 and <= 0x1D7FF) or (>= 0x1F100 and <= 0x1F1FF))
        {
            var folded = new string(unit).Normalize(NormalizationForm.FormKC);
            if (folded.Length == 1)
            {
                var f = MapConjoining(folded[0]);
                return char.IsAsciiLetter(f) ? char.ToLowerInvariant(f) : f;
            }
        }
        return unit.Length == 2 ? '\0' : c;
    }

    // Cyrillic and Greek letters that look Latin (fuсk with a Cyrillic с).
    private static char LookAlike(char c) => c switch
    {
        'а' or 'α' => 'a',
        'в' or 'β' => 'b',
        'с' or 'ϲ' => 'c',
        'е' or 'ε' => 'e',
        'һ' => 'h',
        'і' or 'ι' or 'ı' => 'i',
        'к' or 'κ' => 'k',
        'м' => 'm',
        'н' or 'η' => 'n',
        'о' or 'ο' => 'o',
        'р' or 'ρ' => 'p',
        'ѕ' => 's',
        'т' or 'τ' => 't',
        'у' or 'υ' => 'u',
        'х' or 'χ' => 'x',
        'ս' => 'u',
        _ => '\0',
    };

    private static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static bool IsHangul(char c) => IsSyllable(c) || c is >= '\u3131' and <= '\u318E' || c is >= '\u1100' and <= '\u11FF';

    private static bool IsCompatVowel(char c) => c is >= '\u314F' and <= '\u3163';

    private static bool IsCompatConsonant(char c) => c is >= '\u3131' and <= '\u314E';

    private const string Leads = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    private const string Tails = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    private static int LeadIndex(char c) => IsCompatConsonant(c) ? Leads.IndexOf(c, StringComparison.Ordinal) : -1;

    private static int TailIndex(char c) => IsCompatConsonant(c) ? Tails.IndexOf(c, StringComparison.Ordinal) : -1;

    // Conjoining jamo left over after NFC (a lead or vowel on its own) become the compatibility jamo people type.
    private static char MapConjoining(char c)
    {
        if (c is >= '\u1100' and <= '\u1112')
        {
            return Leads[c - 0x1100];
        }
        if (c is >= '\u1161' and <= '\u1175')
        {
            return (char)(0x314F + (c - 0x1161));
        }
        if (c is >= '\u11A8' and <= '\u11C2')
        {
            return Tails[c - 0x11A7];
        }
        return c;
    }

    // ---- The lists ----

    private enum Kind
    {
        Profanity,
        Slur,
        PersonalAttack,
        Allow,
        AdStrong,
        AdWeak,
    }

    [Flags]
    private enum Rule
    {
        None = 0,
        WholeToken = 1, // only as a word of its own, with at most a particle after it (한남, 한남들; not 한남동)
        WholeText = 2, // only as the whole comment (꺼져, 닥쳐)
        YearExempt = 4, // 병신 followed by 년 next to a year is the year 丙申
    }

    private sealed record Term(string Pattern, Kind Kind, Rule Rule);

    private static class Lexicon
    {
        public static readonly Term[] Terms = BuildTerms();
        public static readonly Automaton Automaton = new(Terms.Select(t => t.Pattern).ToArray());
        public static readonly int LongestAllow = Terms.Where(t => t.Kind == Kind.Allow).Max(t => t.Pattern.Length);

        private static Term[] BuildTerms()
        {
            var list = new List<Term>();
            void Add(Kind kind, Rule rule, params string[] words)
            {
                foreach (var w in words)
                {
                    list.Add(new Term(Skeleton.Fold(w), kind, rule));
                }
            }

            Add(Kind.Profanity, Rule.None,
                "씨발", "시발", "씨팔", "씨빨", "시빨", "씨벌", "시벌", "씨바", "씨바알", "시바알", "쓰발", "쓰바", "슈발", "쓔발",
                "씨부랄", "시부랄", "씨부럴", "시부럴", "씨봘", "시봘", "씨이발", "시이발", "싯발", "씻발",
                "씹새끼", "씹새", "씹창", "씹할", "씹년", "씹놈", "십새끼", "십쌔끼",
                "ㅅㅂ", "ㅆㅂ", "ㅅ발", "ㅆ발", "시ㅂ", "씨ㅂ", "ㅂㅅ", "ㅈㄹ", "ㄱㅅㄲ", "ㅈㄴ",
                "븅신", "빙신", "븽신",
                "개새끼", "개새기", "개색기", "개색끼", "개새키", "개쌔끼", "개쌕끼", "개쉐끼",
                "좆", "존나", "졸라", "지랄", "지럴", "염병", "썅년", "썅놈", "쌍년", "쌍놈",
                "미친놈", "미친년", "미친새끼", "미친넘", "또라이",
                "fuck", "fck", "phuck", "shit", "bitch", "biatch", "asshole", "cunt", "bastard", "stfu",
                "tlqkf", "qudtls", "wlfkf", "whssk", "rotorl",
                "sibal", "shibal", "byungsin", "byungshin", "byeongsin", "gaesaekki", "jiral");
            Add(Kind.Profanity, Rule.YearExempt, "병신");
            Add(Kind.Slur, Rule.None,
                "한남충", "한남새끼", "한녀충", "김치녀", "된장녀", "맘충", "틀딱", "급식충", "짱깨", "쪽바리", "쪽발이", "조센징",
                "전라디언", "개슬람", "똥남아", "nigger", "nigga");
            Add(Kind.Slur, Rule.WholeToken, "한남", "한녀");
            Add(Kind.PersonalAttack, Rule.None,
                "느금마", "느금", "느그애미", "느그애비", "니애미", "니애비", "느개비", "니미럴", "니기미",
                "애미없", "애비없", "애미뒤", "애비뒤", "애미애비", "애미충", "엠창",
                "꺼져라", "너꺼져", "넌꺼져", "니가꺼져", "너나꺼져", "니들꺼져", "너네꺼져",
                "닥쳐라", "입닥쳐", "너닥쳐", "넌닥쳐", "니가닥쳐", "너나닥쳐",
                "뒈져", "뒤져라", "디져라");
            Add(Kind.PersonalAttack, Rule.WholeText, "꺼져", "닥쳐", "꺼지세요", "닥치세요");

            // Innocent words that contain a bad one. Most innocent phrases are spaced (시 발표, 질병 신고) and are
            // already safe by the whole-piece rule; these cover the same words written together.
            Add(Kind.Allow, Rule.None, "시발점", "시발역", "시발택시", "시발자동차", "시발차");
            foreach (var w in new[]
            {
                "발표", "발전", "발주", "발행", "발급", "발송", "발령", "발생", "발달", "발견", "발굴", "발언", "발효", "발족",
                "발간", "발매", "발휘", "발탁", "발동", "발명", "발원", "발착", "발열", "발목", "발대식", "발신",
                "발바닥", "발등", "발가락", "발자국", "발레", "발음", "발코니", "발판", "발육", "발톱", "발작", "발각", "발병",
                "발권", "발걸음", "발부", "발포", "발산", "발췌", "발제",
            })
            {
                Add(Kind.Allow, Rule.None, "시" + w);
            }
            foreach (var w in new[]
            {
                "신고", "신청", "신속", "신체", "신경과", "신경외과", "신경통", "신호등", "신규", "신설", "신뢰", "신용",
                "신분증", "신문", "신약", "신축", "신입생", "신생아", "신종", "신장", "신원",
            })
            {
                Add(Kind.Allow, Rule.None, "병" + w);
            }
            Add(Kind.Allow, Rule.None,
                "감염병", "전염병", "화염병", "염병원", "염병동", "염병실", "염병균",
                "보존나", "생존나", "공존나", "기존나", "현존나", "잔존나", "실존나", "온존나", "병존나",
                "졸라매", "졸라맨", "졸라맸",
                "미친년도", "미친년대", "미친년간",
                "수박씨발", "호박씨발", "참외씨발", "포도씨발", "사과씨발", "고추씨발", "해바라기씨발",
                "맘충분", "맘충족", "맘충전",
                "shiitake", "scunthorpe", "matsushita");

            Add(Kind.AdStrong, Rule.None,
                "카지노", "바카라", "수익보장", "원금보장", "고수익보장", "무료상담", "사설토토", "토토사이트", "먹튀검증", "슬롯사이트",
                "온라인슬롯", "홀덤사이트", "파워볼", "비아그라", "시알리스", "출장안마", "출장마사지", "리딩방", "작업대출", "급전",
                "일수대출", "무직자대출", "당일대출", "카드깡", "상품권현금화", "소액결제현금화", "casino", "baccarat");
            Add(Kind.AdWeak, Rule.None,
                "대출", "토토", "먹튀", "부업", "알바", "고수익", "수익", "투자", "코인", "주식", "가입코드", "추천인코드", "보너스",
                "첫충", "최저가", "오픈채팅", "오픈톡", "당일지급", "승인", "한도", "분양", "급매");
            return [.. list];
        }
    }

    /// <summary>Aho–Corasick over the folded terms: one pass finds every term ending at every position.</summary>
    private sealed class Automaton
    {
        private readonly Dictionary<char, int>[] _next;
        private readonly int[] _fail;
        private readonly int[][] _outputs;

        public Automaton(string[] patterns)
        {
            var next = new List<Dictionary<char, int>> { new() };
            var outputs = new List<List<int>> { new() };
            for (var p = 0; p < patterns.Length; p++)
            {
                var node = 0;
                foreach (var c in patterns[p])
                {
                    if (!next[node].TryGetValue(c, out var child))
                    {
                        child = next.Count;
                        next[node][c] = child;
                        next.Add([]);
                        outputs.Add([]);
                    }
                    node = child;
                }
                outputs[node].Add(p);
            }
            var fail = new int[next.Count];
            var queue = new Queue<int>();
            foreach (var child in next[0].Values)
            {
                queue.Enqueue(child);
            }
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var (c, child) in next[node])
                {
                    var f = fail[node];
                    while (f != 0 && !next[f].ContainsKey(c))
                    {
                        f = fail[f];
                    }
                    fail[child] = next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                    outputs[child].AddRange(outputs[fail[child]]);
                    queue.Enqueue(child);
                }
            }
            _next = [.. next];
            _fail = fail;
            _outputs = outputs.Select(o => o.ToArray()).ToArray();
        }

        public int Step(int state, char c)
        {
            while (true)
            {
                if (_next[state].TryGetValue(c, out var target))
                {
                    return target;
                }
                if (state == 0)
                {
                    return 0;
                }
                state = _fail[state];
            }
        }

        public ReadOnlySpan<int> Outputs(int state) => _outputs[state];
    }
}
