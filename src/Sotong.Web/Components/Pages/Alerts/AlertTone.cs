using Sotong.Core.Alerts.Cap;

namespace Sotong.Web.Components.Pages.Alerts;

/// <summary>How an alert looks: its colour by severity (KRDS's critical-alert badge tones) and its page's address.</summary>
internal static class AlertTone
{
    /// <summary>The same mapping as wwwroot/js/alerts.js, which colours alerts pushed live.</summary>
    public static string Of(CapSeverity? severity) => severity switch
    {
        CapSeverity.Extreme or CapSeverity.Severe => "danger",
        CapSeverity.Moderate => "warning",
        CapSeverity.Minor or CapSeverity.Unknown or null => "info",
    };

    public static string PageHref(string identifier) => "/alerts/" + Uri.EscapeDataString(identifier);

    public static string CapHref(string identifier) => PageHref(identifier) + ".xml";
}
