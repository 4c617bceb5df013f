using Microsoft.Extensions.Configuration;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Common.Time;

namespace Sotong.Core.Alerts;

/// <summary>Who the city is as a CAP sender, from configuration (<c>Alerts:*</c>).</summary>
public sealed class AlertSettings(IConfiguration configuration)
{
    /// <summary>CAP <c>sender</c>: globally unique, no spaces or commas (an address-like name of the issuing office).</summary>
    public string Sender => configuration["Alerts:Sender"] ?? "alerts@junggu.sotong.example";

    public string SenderNameKo => configuration["Alerts:SenderNameKo"] ?? "서울특별시 중구";

    public string SenderNameEn => configuration["Alerts:SenderNameEn"] ?? "Jung-gu, Seoul";

    /// <summary>The first part of every identifier, so two Sotong installations never issue the same one.</summary>
    public string IdentifierPrefix => configuration["Alerts:IdentifierPrefix"] ?? "KR.SOTONG.JUNGGU";

    /// <summary>The SMS form's limit in characters: 90 for cell-broadcast-style texts (moving to 157).</summary>
    public int SmsMaxCharacters => Math.Clamp(configuration.GetValue("Alerts:SmsMaxCharacters", 90), 20, 1000);

    /// <summary>The area's geocode for the TTA profile: Jung-gu's 행정구역 code.</summary>
    public string DistrictGeocode => configuration["Alerts:DistrictGeocode"] ?? "1114000000";
}

/// <summary>An issued alert as the CAP 1.2 document it becomes: ko-KR and en-US info blocks, the dongs as area geocodes.</summary>
public static class AlertCap
{
    public static CapAlert Build(Alert alert, DateTime sentUtc, IReadOnlyList<CapReference> references, AlertSettings settings, string publicBase)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(settings);
        var web = string.IsNullOrEmpty(publicBase) ? null : $"{publicBase}/alerts/{alert.Identifier}";
        var area = BuildArea(alert, settings);
        CapInfo Info(string language, string eventName, string headline, string description, string instruction, string areaDesc, string senderName) => new()
        {
            Language = language,
            Categories = [alert.Category],
            Event = eventName,
            ResponseTypes = [alert.ResponseType],
            Urgency = alert.Urgency,
            Severity = alert.Severity,
            Certainty = alert.Certainty,
            EventCodes = [new CapValue("SOTONG", alert.HazardKey)],
            Effective = SeoulTime.WithOffset(sentUtc),
            Onset = alert.OnsetAtUtc is { } onset ? SeoulTime.WithOffset(onset) : null,
            Expires = SeoulTime.WithOffset(alert.ExpiresAtUtc),
            SenderName = senderName,
            Headline = headline,
            Description = description,
            Instruction = instruction,
            Web = web,
            Areas = [area with { AreaDesc = areaDesc }],
        };
        return new CapAlert
        {
            Identifier = alert.Identifier,
            Sender = settings.Sender,
            Sent = SeoulTime.WithOffset(sentUtc),
            Status = alert.Status,
            MsgType = alert.MsgType,
            Scope = CapScope.Public,
            Note = alert.IsExercise ? "훈련·시험 메시지입니다. This is an exercise or test message." : null,
            References = references,
            Infos =
            [
                Info("ko-KR", alert.EventKo, alert.HeadlineKo, alert.DescriptionKo, alert.InstructionKo, alert.AreaDescKo, settings.SenderNameKo),
                Info("en-US", alert.EventEn, alert.HeadlineEn, alert.DescriptionEn, alert.InstructionEn, alert.AreaDescEn, settings.SenderNameEn),
            ],
        };
    }

    private static CapArea BuildArea(Alert alert, AlertSettings settings)
    {
        var geocodes = alert.Dongs.Count == 0
            ? [new CapValue("KR.ADMIN", settings.DistrictGeocode)]
            : alert.Dongs.Select(d => new CapValue("KR.ADMIN", d)).ToList();
        var polygons = alert.Polygon is { Length: > 0 } text && CapText.ParsePolygon(text) is { } points ? new[] { (IReadOnlyList<CapPoint>)points } : [];
        return new CapArea { AreaDesc = alert.AreaDescKo, Geocodes = geocodes, Polygons = polygons };
    }
}
