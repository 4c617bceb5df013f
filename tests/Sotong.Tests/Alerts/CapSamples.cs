using System.Xml.Linq;
using Sotong.Core.Alerts.Cap;

namespace Sotong.Tests.Alerts;

/// <summary>Alerts and documents for the CAP tests: a heavy-snow advisory from the district, in Korean and English.</summary>
internal static class CapSamples
{
    public static readonly XNamespace Ns = CapAlert.Namespace;

    public static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    public static readonly DateTimeOffset Sent = new(2026, 1, 12, 17, 30, 0, Seoul);

    // Jung-gu's centre, roughly, and a closed square around it.
    public static readonly IReadOnlyList<CapPoint> Square =
    [
        new(37.5700, 126.9800), new(37.5700, 127.0200), new(37.5500, 127.0200), new(37.5500, 126.9800), new(37.5700, 126.9800),
    ];

    public static CapAlert Full() => new()
    {
        Identifier = "KR.SOTONG.JUNGGU-2026-0001",
        Sender = "alerts@junggu.sotong.go.kr",
        Sent = Sent,
        Status = CapStatus.Actual,
        MsgType = CapMsgType.Alert,
        Source = "중구 재난안전대책본부",
        Scope = CapScope.Public,
        Codes = ["TTA-CAP-KR"],
        Note = "대설주의보 발효에 따른 안내",
        Incidents = ["SNOW-2026-01", "winter storm 1"],
        Infos = [Info("ko-KR", "대설", "[중구청] 오늘 18시 중구 전역 대설주의보 발효"), Info("en-US", "Heavy snow", "Heavy snow advisory for all of Jung-gu from 18:00")],
    };

    public static CapInfo Info(string language, string @event, string headline) => new()
    {
        Language = language,
        Categories = [CapCategory.Met],
        Event = @event,
        ResponseTypes = [CapResponseType.Prepare, CapResponseType.Avoid],
        Urgency = CapUrgency.Expected,
        Severity = CapSeverity.Moderate,
        Certainty = CapCertainty.Likely,
        Audience = "중구 주민",
        EventCodes = [new CapValue("KMA", "SN-W")],
        Effective = Sent,
        Onset = Sent.AddMinutes(30),
        Expires = Sent.AddHours(15).AddMinutes(30),
        SenderName = "소통시 중구청",
        Headline = headline,
        Description = "오늘 18시부터 내일 09시까지 중구 전역에 많은 눈이 내릴 것으로 예상됩니다.",
        Instruction = "내 집 앞 눈은 직접 치워 주세요. 외출할 때는 대중교통을 이용하세요.",
        Web = "https://sotong.example.kr/alerts/KR.SOTONG.JUNGGU-2026-0001",
        Contact = "중구청 재난안전과 02-120",
        Parameters = [new CapValue("layer:KR:level", "주의보")],
        Resources = [new CapResource { ResourceDesc = "지도", MimeType = "image/png", Size = 20480, Uri = "https://sotong.example.kr/alerts/map.png" }],
        Areas =
        [
            new CapArea
            {
                AreaDesc = "서울특별시 중구",
                Polygons = [Square],
                Circles = [new CapCircle(new CapPoint(37.5636, 126.9976), 2.5)],
                Geocodes = [new CapValue("KR.ADMIN", "1114000000")],
                Altitude = 0,
                Ceiling = 3000,
            },
        ],
    };

    /// <summary>The full alert as a document, for tests that break it one way.</summary>
    public static XDocument FullDocument() => XDocument.Parse(CapXml.Write(Full()));

    public static string Xml(this XDocument document) => document.Declaration + "\n" + document.Root;

    /// <summary>A minimal conforming document typed by hand from the specification, independent of CapXml.</summary>
    public const string Minimal =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>MIN-1</identifier>
          <sender>city@example.kr</sender>
          <sent>2026-01-12T17:30:00+09:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
        </alert>
        """;

    public static XDocument MinimalDocument() => XDocument.Parse(Minimal);
}
