namespace Sotong.Core.Triage.Classify;

/// <summary>
/// The districts (자치구) a message can be about, found by name in its text. The list is the city's; the demo city
/// uses Seoul's 25. Short forms ("마포", "Mapo") count when they stand as a word's start.
/// </summary>
public static class Districts
{
    private static readonly (string Name, string[] Aliases)[] Seoul =
    [
        ("종로구", ["종로구", "jongno"]), ("중구", ["중구", "jung-gu"]), ("용산구", ["용산구", "용산", "yongsan"]),
        ("성동구", ["성동구", "성동", "seongdong"]), ("광진구", ["광진구", "광진", "gwangjin"]), ("동대문구", ["동대문구", "dongdaemun-gu"]),
        ("중랑구", ["중랑구", "중랑", "jungnang"]), ("성북구", ["성북구", "성북", "seongbuk"]), ("강북구", ["강북구", "gangbuk-gu"]),
        ("도봉구", ["도봉구", "도봉", "dobong"]), ("노원구", ["노원구", "노원", "nowon"]), ("은평구", ["은평구", "은평", "eunpyeong"]),
        ("서대문구", ["서대문구", "서대문", "seodaemun"]), ("마포구", ["마포구", "마포", "mapo"]), ("양천구", ["양천구", "양천", "yangcheon"]),
        ("강서구", ["강서구", "gangseo"]), ("구로구", ["구로구", "구로", "guro"]), ("금천구", ["금천구", "금천", "geumcheon"]),
        ("영등포구", ["영등포구", "영등포", "yeongdeungpo"]), ("동작구", ["동작구", "동작", "dongjak"]), ("관악구", ["관악구", "관악", "gwanak"]),
        ("서초구", ["서초구", "서초", "seocho"]), ("강남구", ["강남구", "gangnam-gu"]), ("송파구", ["송파구", "송파", "songpa"]),
        ("강동구", ["강동구", "강동", "gangdong"]),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Seoul.Select(d => d.Name)];

    // Aliases by their first (lower-case) character, longest first: one pass over the text finds the first district.
    private static readonly Dictionary<char, (string Alias, string Name)[]> ByFirstChar = Seoul
        .SelectMany(d => d.Aliases.Select(a => (Alias: a.ToLowerInvariant(), d.Name)))
        .GroupBy(a => a.Alias[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Alias.Length).ToArray());

    /// <summary>The first district named in the text, or null.</summary>
    public static string? Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if ((i > 0 && char.IsLetter(text[i - 1])) || !ByFirstChar.TryGetValue(char.ToLowerInvariant(text[i]), out var candidates))
            {
                continue;
            }
            foreach (var (alias, name) in candidates)
            {
                if (string.Compare(text, i, alias, 0, alias.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return name;
                }
            }
        }
        return null;
    }
}
