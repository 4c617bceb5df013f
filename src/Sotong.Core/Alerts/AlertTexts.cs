using Sotong.Core.Alerts.Cap;

namespace Sotong.Core.Alerts;

/// <summary>The words that go out: an exercise or a test is marked as such in every text, so no reader mistakes it.</summary>
public static class AlertTexts
{
    public static string Marker(CapStatus status) => status switch
    {
        CapStatus.Exercise => "[훈련] ",
        CapStatus.Test or CapStatus.Draft or CapStatus.System => "[시험] ",
        CapStatus.Actual => "",
    };

    public static string MarkerEn(CapStatus status) => status switch
    {
        CapStatus.Exercise => "[Exercise] ",
        CapStatus.Test or CapStatus.Draft or CapStatus.System => "[Test] ",
        CapStatus.Actual => "",
    };

    /// <summary>The SMS as sent: the marker (if any) and the author's text.</summary>
    public static string Sms(CapStatus status, string text) =>
        Marker(status) is { Length: > 0 } marker && !text.StartsWith(marker.TrimEnd(), StringComparison.Ordinal) ? marker + text : text;

    public static string Sms(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Sms(alert.Status, alert.SmsText);
    }

    /// <summary>The long form for SNS: headline, what is happening, what to do — Korean, then the English headline.</summary>
    public static string LongForm(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"{alert.HeadlineKo}\n{alert.DescriptionKo}\n{alert.InstructionKo}\n\n{alert.HeadlineEn}";
    }
}
