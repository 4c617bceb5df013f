using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sotong.Core.Campaigns.Replies;

/// <summary>A reply read as an entry: valid (with the option or the text) or not an entry at all.</summary>
public sealed record ParsedEntry(bool IsValid, int? Option = null, string? Text = null)
{
    public static readonly ParsedEntry Invalid = new(false);
}

/// <summary>
/// Reads a reply as a participation entry. A quiz or poll takes an option's number — "1", "①", "１", "1번", "1번입니다",
/// "정답: 2", "2." — or the option's own text, exactly or as the only option the reply contains ("정답은 남산입니다").
/// A contest takes any non-empty text.
/// </summary>
public static partial class EntryParser
{
    [GeneratedRegex(@"^(?:(?:정답|답|선택|투표)\s*(?:은|는|:)?\s*)?(\d{1,2})\s*(?:번)?\s*(?:입니다|이요|요|이에요|예요|임)?\s*[.!)~]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberReply();

    public static ParsedEntry Parse(string? reply, CampaignKind kind, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = (reply ?? "").Trim();
        switch (kind)
        {
            case CampaignKind.Information:
                return ParsedEntry.Invalid;
            case CampaignKind.Contest:
                return text.Length == 0 ? ParsedEntry.Invalid : new ParsedEntry(true, Text: Common.Texts.TextCut.Cut(text, CampaignReply.MaxEntryTextLength));
            case CampaignKind.Quiz:
            case CampaignKind.Poll:
                return ParseOption(text, options);
            default:
                return ParsedEntry.Invalid;
        }
    }

    private static ParsedEntry ParseOption(string text, IReadOnlyList<string> options)
    {
        // NFKC turns ① and full-width １ into 1.
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim();
        if (NumberReply().Match(normalized) is { Success: true } m
            && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Count)
        {
            return new ParsedEntry(true, number);
        }
        var reply = Squash(normalized);
        if (reply.Length == 0)
        {
            return ParsedEntry.Invalid;
        }
        var squashed = options.Select(Squash).ToList();
        var exact = squashed.FindIndex(o => o.Length > 0 && o == reply);
        if (exact >= 0)
        {
            return new ParsedEntry(true, exact + 1);
        }
        // "정답은 남산입니다": the one option the reply contains. Two (서울, 서울역) is ambiguous unless one holds the other.
        var contained = squashed.Select((o, i) => (o, i)).Where(x => x.o.Length >= 2 && reply.Contains(x.o, StringComparison.Ordinal)).ToList();
        var longest = contained.Where(x => !contained.Any(y => y.o.Length > x.o.Length && y.o.Contains(x.o, StringComparison.Ordinal))).ToList();
        return longest.Count == 1 ? new ParsedEntry(true, longest[0].i + 1) : ParsedEntry.Invalid;
    }

    /// <summary>Lower case, no spaces or punctuation: "남산 타워!" and "남산타워" are the same answer.</summary>
    private static string Squash(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }
}
