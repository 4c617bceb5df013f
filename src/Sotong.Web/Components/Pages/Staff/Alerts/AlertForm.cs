using System.Globalization;
using Sotong.Core.Alerts.Author;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Alerts.Templates;
using Sotong.Core.Common.Time;

namespace Sotong.Web.Components.Pages.Staff.Alerts;

/// <summary>
/// The alert editor's form as the browser posts it: texts, CAP choices as their names, times as Seoul wall-clock
/// "yyyy-MM-ddTHH:mm", placeholder values per language and the chosen dongs keyed by code.
/// </summary>
internal sealed class AlertForm
{
    public const string WholeDistrict = "district";
    public const string ChosenDongs = "dongs";

    /// <summary>Which button was pressed: <c>fill</c> (apply the template), <c>save</c> or <c>submit</c>.</summary>
    public string? Step { get; set; }

    public int Version { get; set; }
    public string? Hazard { get; set; }
    public string? Status { get; set; }
    public Dictionary<string, string>? Ko { get; set; }
    public Dictionary<string, string>? En { get; set; }
    public string? SmsText { get; set; }
    public string? HeadlineKo { get; set; }
    public string? HeadlineEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    public string? InstructionKo { get; set; }
    public string? InstructionEn { get; set; }
    public string? Urgency { get; set; }
    public string? Severity { get; set; }
    public string? Certainty { get; set; }
    public string? ResponseType { get; set; }
    public string? Onset { get; set; }
    public string? Expires { get; set; }
    public string? Area { get; set; }
    public Dictionary<string, bool>? Dong { get; set; }
    public bool AudienceAll { get; set; }
    public string? AreaDescKo { get; set; }
    public string? AreaDescEn { get; set; }
    public string? Polygon { get; set; }

    /// <summary>The statuses an author may choose; System is for the sender's own plumbing, never a person's alert.</summary>
    public static readonly IReadOnlyList<CapStatus> Statuses = [CapStatus.Actual, CapStatus.Exercise, CapStatus.Test, CapStatus.Draft];

    public IEnumerable<string> ChosenDongCodes => (Dong ?? []).Where(d => d.Value).Select(d => d.Key);

    /// <summary>A new alert from a template, its placeholders at their example values, expiring on the hour six to seven hours on.</summary>
    public static AlertForm New(AlertTemplate template, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(template);
        var expires = new DateTime(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, 0, 0, DateTimeKind.Utc).AddHours(7);
        var form = new AlertForm { Hazard = template.Key, Expires = Local(expires), Area = WholeDistrict };
        form.Apply(template);
        return form;
    }

    /// <summary>An alert as saved, to edit again. Placeholder values start at the examples, for a second fill.</summary>
    public static AlertForm From(AlertView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AlertForm
        {
            Version = view.Version,
            Hazard = view.HazardKey,
            Status = view.Status,
            SmsText = view.SmsText,
            HeadlineKo = view.HeadlineKo,
            HeadlineEn = view.HeadlineEn,
            DescriptionKo = view.DescriptionKo,
            DescriptionEn = view.DescriptionEn,
            InstructionKo = view.InstructionKo,
            InstructionEn = view.InstructionEn,
            Urgency = view.Urgency,
            Severity = view.Severity,
            Certainty = view.Certainty,
            ResponseType = view.ResponseType,
            Onset = view.OnsetAtUtc is { } onset ? Local(onset) : null,
            Expires = Local(view.ExpiresAtUtc),
            Area = view.DongCodes.Count == 0 ? WholeDistrict : ChosenDongs,
            Dong = view.DongCodes.ToDictionary(d => d, _ => true, StringComparer.Ordinal),
            AudienceAll = view.AudienceAll,
            AreaDescKo = view.AreaDescKo,
            AreaDescEn = view.AreaDescEn,
            Polygon = view.Polygon,
        };
    }

    /// <summary>
    /// Fills the texts from the template with the placeholder values given (the examples where none was posted) and
    /// resets the CAP codes to the template's defaults. A value left blank keeps its {placeholder}, which saving refuses.
    /// </summary>
    public void Apply(AlertTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Ko = Values(template, Ko, "ko");
        En = Values(template, En, "en");
        SmsText = AlertTemplates.Fill(template.Ko.Sms, Ko).Text;
        HeadlineKo = AlertTemplates.Fill(template.Ko.Headline, Ko).Text;
        HeadlineEn = AlertTemplates.Fill(template.En.Headline, En).Text;
        DescriptionKo = AlertTemplates.Fill(template.Ko.Description, Ko).Text;
        DescriptionEn = AlertTemplates.Fill(template.En.Description, En).Text;
        InstructionKo = AlertTemplates.Fill(template.Ko.Instruction, Ko).Text;
        InstructionEn = AlertTemplates.Fill(template.En.Instruction, En).Text;
        Urgency = template.Urgency.ToString();
        Severity = template.Severity.ToString();
        Certainty = template.Certainty.ToString();
        ResponseType = template.ResponseTypes.FirstOrDefault(CapResponseType.Monitor).ToString();
    }

    private static Dictionary<string, string> Values(AlertTemplate template, Dictionary<string, string>? posted, string language)
    {
        var examples = AlertTemplates.ExampleValues(language);
        return template.Placeholders.ToDictionary(p => p, p => posted is not null && posted.TryGetValue(p, out var v) ? v ?? "" : examples.GetValueOrDefault(p, ""),
            StringComparer.Ordinal);
    }

    public static string Local(DateTime utc) => SeoulTime.ToSeoul(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The Seoul wall-clock time the browser sent, as an instant; null when blank or unreadable.</summary>
    public static DateTime? Utc(string? local) =>
        DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), SeoulTime.Zone)
            : null;

    public CapStatus? ParsedStatus => Enum.TryParse<CapStatus>(Status, out var s) && Statuses.Contains(s) ? s : null;

    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, out var value) && Enum.IsDefined(value) ? value : null;
}

/// <summary>A CAP polygon ("lat,lon lat,lon …") read for the editor's preview; the handler does the real check.</summary>
internal static class AlertPolygonShape
{
    public const int Size = 200;
    private const int Pad = 12;

    public static IReadOnlyList<(double Lat, double Lon)>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var points = new List<(double, double)>();
        foreach (var pair in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                return null;
            }
            points.Add((lat, lon));
        }
        return points.Count >= 3 ? points : null;
    }

    /// <summary>
    /// SVG "x,y" points fitting the shape in the square, north up; longitude is narrowed by the cosine of the latitude
    /// so the shape is not stretched sideways (the same sum as AlertEditor.razor.js, which redraws it as the author types).
    /// </summary>
    public static string SvgPoints(IReadOnlyList<(double Lat, double Lon)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var minLat = points.Min(p => p.Lat);
        var maxLat = points.Max(p => p.Lat);
        var minLon = points.Min(p => p.Lon);
        var maxLon = points.Max(p => p.Lon);
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var width = (maxLon - minLon) * k;
        var height = maxLat - minLat;
        var inner = Size - (2 * Pad);
        var scale = inner / Math.Max(Math.Max(width, height), 1e-9);
        var dx = Pad + ((inner - (width * scale)) / 2);
        var dy = Pad + ((inner - (height * scale)) / 2);
        return string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{dx + ((p.Lon - minLon) * k * scale):0.#},{dy + ((maxLat - p.Lat) * scale):0.#}")));
    }
}

/// <summary>Rule names the alert handlers throw, read out in the staff member's language.</summary>
internal static class AlertRules
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "TwoPersonRule", "SecondFactorRequired", "SecondFactorReused", "SecondFactorLocked", "SecondFactorInvalid", "AlertApproverRole",
        "AlertNotPending", "AlertNotDraft", "AlertExpired", "StaleVersion", "FollowsIssuedAlert", "FollowsLatest", "CapInvalid",
    };

    /// <summary>The resource key for a rule, or null for one this page does not know (its own message is shown then).</summary>
    public static string? Key(string rule) => Known.Contains(rule) ? $"Alerts.Staff.Rule.{rule}" : null;
}
