using System.Globalization;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Localization;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Decisions;
using Sotong.Core.Triage.Taxonomy;

namespace Sotong.Web.Components.Pages.Triage;

/// <summary>How triage's labels read on screen, in the current language.</summary>
public static class TriageLabels
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Topic(IReadOnlyList<TopicView> topics, string? key) =>
        key is null ? "—" : topics.FirstOrDefault(t => t.Key == key) is { } t ? (English ? t.NameEn : t.NameKo) : key;

    public static string Percent(double p) => p.ToString("P0", CultureInfo.CurrentCulture);

    public static string Reason(IStringLocalizer<Text> T, IReadOnlyList<TopicView> topics, TriageView v) => v.DivisionSource switch
    {
        DivisionSource.Rule when v.MatchedKeyword is { } k => T["Reason.Rule", k],
        DivisionSource.Rule => T["Reason.RuleDistrict", v.District ?? ""],
        DivisionSource.Model => T["Reason.Model", Percent(v.DivisionConfidence)],
        DivisionSource.TopicDefault => T["Reason.TopicDefault", Topic(topics, v.Topic)],
        DivisionSource.Officer => T["Reason.Officer", v.ReviewedByName ?? ""],
        DivisionSource.Arrival => T["Reason.Arrival"],
        DivisionSource.None => T["Reason.None"],
    };
}
