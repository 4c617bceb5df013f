using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Routing;

/// <summary>A rule as the router reads it (lower-case keywords, no EF).</summary>
public sealed record RouteRule(Guid Id, string Topic, IReadOnlyList<string> Keywords, string? District, Guid DivisionId)
{
    public static RouteRule From(RoutingRule r) => new(r.Id, r.Topic, r.KeywordList(), r.District, r.DivisionId);

    /// <summary>District and keywords beat keywords, which beat district, which beats the topic's catch-all.</summary>
    public int Specificity => (Keywords.Count > 0 ? 2 : 0) + (District is null ? 0 : 1);
}

public sealed record RuleMatch(RouteRule Rule, string? Keyword);

/// <summary>
/// The routing table as a pure function: (topic, text, district) → the most specific rule that matches, and the
/// keyword that made it match (shown to officers as the reason).
/// </summary>
public sealed class RoutingTable(IReadOnlyList<RouteRule> rules)
{
    private readonly ILookup<string, RouteRule> _byTopic = rules.ToLookup(r => r.Topic, StringComparer.Ordinal);

    public IReadOnlyList<RouteRule> Rules { get; } = rules;

    public RuleMatch? Match(string topic, string text, string? district)
    {
        var normalized = TextNormalizer.ForMatching(text);
        RuleMatch? best = null;
        var bestPosition = int.MaxValue;
        foreach (var rule in _byTopic[topic])
        {
            if (rule.District is not null && !string.Equals(rule.District, district, StringComparison.Ordinal))
            {
                continue;
            }
            string? keyword = null;
            var position = int.MaxValue;
            if (rule.Keywords.Count > 0)
            {
                foreach (var k in rule.Keywords)
                {
                    var at = normalized.IndexOf(k, StringComparison.Ordinal);
                    if (at >= 0 && at < position)
                    {
                        position = at;
                        keyword = k;
                    }
                }
                if (keyword is null)
                {
                    continue;
                }
            }
            // More specific wins; between equals, the keyword the citizen wrote first (what the message leads with).
            if (best is null || rule.Specificity > best.Rule.Specificity || (rule.Specificity == best.Rule.Specificity && position < bestPosition))
            {
                best = new RuleMatch(rule, keyword);
                bestPosition = position;
            }
        }
        return best;
    }
}
