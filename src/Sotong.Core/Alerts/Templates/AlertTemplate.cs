using System.Text.RegularExpressions;
using Sotong.Core.Alerts.Cap;

namespace Sotong.Core.Alerts.Templates;

/// <summary>One language's texts of a template: the SMS (≤ 90 characters once filled, in Korean) and the long form for web and SNS.</summary>
public sealed record AlertTemplateText(string Sms, string Headline, string Description, string Instruction);

/// <summary>
/// A hazard's ready-made alert: CAP event names and default codes, and texts with <c>{placeholder}</c>s
/// (see <see cref="AlertTemplates.Placeholders"/>). The defaults are a starting point the author may change.
/// </summary>
public sealed partial record AlertTemplate(
    string Key,
    string NameKo,
    string NameEn,
    string EventKo,
    string EventEn,
    CapCategory Category,
    CapUrgency Urgency,
    CapSeverity Severity,
    CapCertainty Certainty,
    IReadOnlyList<CapResponseType> ResponseTypes,
    AlertTemplateText Ko,
    AlertTemplateText En)
{
    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex PlaceholderPattern();

    /// <summary>The texts for a CAP language tag: English for en-*, Korean otherwise.</summary>
    public AlertTemplateText Text(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Ko;

    /// <summary>Every placeholder the template's texts use, in order of first appearance.</summary>
    public IReadOnlyList<string> Placeholders =>
    [
        .. new[] { Ko.Sms, Ko.Headline, Ko.Description, Ko.Instruction, En.Sms, En.Headline, En.Description, En.Instruction }
            .SelectMany(t => PlaceholderPattern().Matches(t).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal),
    ];
}

/// <summary>A placeholder's name (written <c>{name}</c> in texts), what it stands for, and a typical value per language.</summary>
public sealed record AlertPlaceholder(string Name, string DescriptionKo, string DescriptionEn, string ExampleKo, string ExampleEn);

/// <summary>A filled text and the placeholders still in it (no value given, or only whitespace).</summary>
public sealed record AlertTemplateFill(string Text, IReadOnlyList<string> Unfilled)
{
    public bool IsComplete => Unfilled.Count == 0;
}
