using Sotong.Core.Inbox;
using Sotong.Core.Triage.Routing;

namespace Sotong.Core.Triage.Classify;

/// <summary>Where a division came from: shown to officers as the reason a message was routed.</summary>
public enum DivisionSource
{
    /// <summary>A keyword and/or district rule of the routing table.</summary>
    Rule,
    /// <summary>The model, trained on the city's own history.</summary>
    Model,
    /// <summary>The topic's catch-all rule.</summary>
    TopicDefault,
    /// <summary>No division (spam, or no rule for the topic).</summary>
    None,
    /// <summary>An officer chose it.</summary>
    Officer,
    /// <summary>The message already had a division when it arrived.</summary>
    Arrival,
}

public sealed record Classification(
    MessageIntent Kind,
    double KindConfidence,
    string Topic,
    double TopicConfidence,
    Guid? DivisionId,
    double DivisionConfidence,
    DivisionSource DivisionSource,
    Guid? RuleId,
    string? MatchedKeyword,
    string? District,
    int ModelVersion)
{
    /// <summary>The weakest of the three: a message is only as well routed as its least certain label.</summary>
    public double Confidence => Math.Min(KindConfidence, Math.Min(TopicConfidence, DivisionConfidence));
}

/// <summary>
/// Classification as a pure function of (model, routing table, text): kind and topic from the model; the division
/// from the most specific matching rule, else from the model's division head when it is sure enough, else from the
/// topic's catch-all rule (with <c>preferLearned</c>, a sure learned division comes before keyword rules, after district
/// rules). Spam is routed nowhere.
/// </summary>
public static class Classifier
{
    public static Classification Classify(TextClassifierModel model, int modelVersion, RoutingTable table, string text, double modelDivisionThreshold, bool preferLearned = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        var p = model.Predict(text);
        var kind = Enum.TryParse<MessageIntent>(p.Kind.Label, out var k) && Enum.IsDefined(k) ? k : MessageIntent.Opinion;
        var district = Districts.Find(text);
        if (kind == MessageIntent.Spam)
        {
            return new Classification(kind, p.Kind.Confidence, p.Topic.Label, p.Topic.Confidence, null, 1, DivisionSource.None, null, null, district, modelVersion);
        }
        var match = table.Match(p.Topic.Label, text, district);
        var learnedSure = p.Division is { } sure && sure.Confidence >= modelDivisionThreshold && Guid.TryParse(sure.Label, out _);
        if (match is { Rule.Specificity: > 0 } && !(preferLearned && learnedSure && match.Rule.District is null))
        {
            return new Classification(kind, p.Kind.Confidence, p.Topic.Label, p.Topic.Confidence, match.Rule.DivisionId, 1, DivisionSource.Rule, match.Rule.Id, match.Keyword, district, modelVersion);
        }
        if (p.Division is { } learned && Guid.TryParse(learned.Label, out var learnedId) && learned.Confidence >= modelDivisionThreshold)
        {
            return new Classification(kind, p.Kind.Confidence, p.Topic.Label, p.Topic.Confidence, learnedId, learned.Confidence, DivisionSource.Model, null, null, district, modelVersion);
        }
        if (match is not null)
        {
            return new Classification(kind, p.Kind.Confidence, p.Topic.Label, p.Topic.Confidence, match.Rule.DivisionId, p.Topic.Confidence, DivisionSource.TopicDefault, match.Rule.Id, null, district, modelVersion);
        }
        return new Classification(kind, p.Kind.Confidence, p.Topic.Label, p.Topic.Confidence, null, 0, DivisionSource.None, null, null, district, modelVersion);
    }
}
