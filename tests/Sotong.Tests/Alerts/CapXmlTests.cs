using System.Xml.Linq;
using Sotong.Core.Alerts.Cap;

namespace Sotong.Tests.Alerts;

public sealed class CapXmlTests
{
    // CAP 1.2 section 3.2: the order of alert, info, resource and area children.
    private static readonly string[] AlertOrder =
        ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info"];

    private static readonly string[] InfoOrder =
    [
        "language", "category", "event", "responseType", "urgency", "severity", "certainty", "audience", "eventCode", "effective", "onset", "expires",
        "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area",
    ];

    private static readonly string[] AreaOrder = ["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"];

    private static readonly string[] ResourceOrder = ["resourceDesc", "mimeType", "size", "uri", "derefUri", "digest"];

    [Fact]
    public void Given_a_full_alert_Then_it_is_written_in_the_CAP_namespace_and_passes_both_checks()
    {
        var alert = CapSamples.Full();

        var xml = CapXml.Write(alert);

        CapRules.Validate(alert).ShouldBeEmpty();
        CapSchema.Check(xml).ShouldBeEmpty();
        xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        XDocument.Parse(xml).Root!.Name.ShouldBe(CapSamples.Ns + "alert");
    }

    [Fact]
    public void Given_the_bytes_to_serve_Then_they_are_UTF_8_without_a_byte_order_mark()
    {
        var bytes = CapXml.WriteUtf8(CapSamples.Full());

        bytes[0].ShouldBe((byte)'<');
        System.Text.Encoding.UTF8.GetString(bytes).ShouldContain("대설");
    }

    [Fact]
    public void Given_a_full_alert_Then_every_element_is_written_in_the_order_the_standard_requires()
    {
        var root = CapSamples.FullDocument().Root!;

        ShouldFollow(root, AlertOrder);
        var info = root.Element(CapSamples.Ns + "info")!;
        ShouldFollow(info, InfoOrder);
        ShouldFollow(info.Element(CapSamples.Ns + "area")!, AreaOrder);
        ShouldFollow(info.Element(CapSamples.Ns + "resource")!, ResourceOrder);
        // Every optional element the sample sets is there, so the order check covered them all.
        info.Elements().Select(e => e.Name.LocalName).Distinct().Count().ShouldBe(InfoOrder.Length);
    }

    [Fact]
    public void Given_Seoul_times_Then_they_are_written_with_the_plus_nine_offset_and_whole_seconds()
    {
        var alert = CapSamples.Full() with { Sent = new DateTimeOffset(2026, 1, 12, 17, 30, 5, 123, CapSamples.Seoul) };

        var sent = XDocument.Parse(CapXml.Write(alert)).Root!.Element(CapSamples.Ns + "sent")!.Value;

        sent.ShouldBe("2026-01-12T17:30:05+09:00");
    }

    [Theory]
    [InlineData(0, "2026-01-12T08:30:00-00:00")]
    [InlineData(-330, "2026-01-12T03:00:00-05:30")]
    public void Given_UTC_or_a_negative_offset_Then_the_offset_is_numeric_and_never_Z(int offsetMinutes, string expected)
    {
        var at = new DateTimeOffset(2026, 1, 12, 8, 30, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

        var sent = XDocument.Parse(CapXml.Write(CapSamples.Full() with { Sent = at })).Root!.Element(CapSamples.Ns + "sent")!.Value;

        sent.ShouldBe(expected);
    }

    [Fact]
    public void Given_a_written_alert_Then_reading_it_gives_the_same_alert_back()
    {
        var alert = CapSamples.Full();

        var read = CapXml.Read(CapXml.Write(alert));

        CapXml.Write(read).ShouldBe(CapXml.Write(alert));
        read.Identifier.ShouldBe(alert.Identifier);
        read.Sent.ShouldBe(alert.Sent);
        read.Sent.Offset.ShouldBe(CapSamples.Seoul);
        read.Incidents.ShouldBe(["SNOW-2026-01", "winter storm 1"]);
        var info = read.Infos[1];
        info.Language.ShouldBe("en-US");
        info.ResponseTypes.ShouldBe([CapResponseType.Prepare, CapResponseType.Avoid]);
        info.Expires.ShouldBe(alert.Infos[1].Expires);
        info.Areas[0].Polygons[0].ShouldBe(CapSamples.Square);
        info.Areas[0].Circles[0].ShouldBe(new CapCircle(new CapPoint(37.5636, 126.9976), 2.5));
        info.Areas[0].Geocodes[0].ShouldBe(new CapValue("KR.ADMIN", "1114000000"));
        info.Areas[0].Ceiling.ShouldBe(3000m);
        info.Resources[0].Size.ShouldBe(20480);
    }

    [Fact]
    public void Given_a_cancel_of_an_alert_Then_its_references_round_trip_as_sender_identifier_sent()
    {
        var original = CapSamples.Full();
        var cancel = original with
        {
            Identifier = "KR.SOTONG.JUNGGU-2026-0002",
            Sent = original.Sent.AddHours(2),
            MsgType = CapMsgType.Cancel,
            References = [original.AsReference()],
        };

        var xml = CapXml.Write(cancel);

        XDocument.Parse(xml).Root!.Element(CapSamples.Ns + "references")!.Value
            .ShouldBe("alerts@junggu.sotong.go.kr,KR.SOTONG.JUNGGU-2026-0001,2026-01-12T17:30:00+09:00");
        CapSchema.Check(xml).ShouldBeEmpty();
        CapXml.Read(xml).References.ShouldBe([original.AsReference()]);
    }

    [Fact]
    public void Given_a_private_alert_Then_multi_word_addresses_are_quoted_and_read_back_whole()
    {
        var alert = CapSamples.Full() with { Scope = CapScope.Private, Addresses = ["119-center", "Jung-gu Office", "police"] };

        var xml = CapXml.Write(alert);

        XDocument.Parse(xml).Root!.Element(CapSamples.Ns + "addresses")!.Value.ShouldBe("119-center \"Jung-gu Office\" police");
        CapXml.Read(xml).Addresses.ShouldBe(["119-center", "Jung-gu Office", "police"]);
    }

    [Fact]
    public void Given_a_document_with_a_DTD_Then_reading_it_is_refused()
    {
        var withDtd = CapSamples.Minimal.Replace("<alert ", "<!DOCTYPE alert [<!ENTITY x \"boom\">]>\n<alert ", StringComparison.Ordinal);

        Should.Throw<CapFormatException>(() => CapXml.Read(withDtd)).Message.ShouldContain("DTD");
    }

    [Theory]
    [InlineData("2026-01-12T17:30:00Z")]
    [InlineData("2026-01-12T17:30:00")]
    [InlineData("2026-01-12T17:30:00.5+09:00")]
    public void Given_a_sent_time_CAP_does_not_allow_Then_reading_fails_naming_the_element(string sent)
    {
        var xml = CapSamples.Minimal.Replace("2026-01-12T17:30:00+09:00", sent, StringComparison.Ordinal);

        Should.Throw<CapFormatException>(() => CapXml.Read(xml)).Message.ShouldContain("alert/sent");
    }

    [Fact]
    public void Given_a_status_in_the_wrong_case_Then_reading_fails()
    {
        var xml = CapSamples.Minimal.Replace(">Actual<", ">actual<", StringComparison.Ordinal);

        Should.Throw<CapFormatException>(() => CapXml.Read(xml)).Message.ShouldContain("alert/status");
    }

    [Fact]
    public void Given_a_document_without_an_identifier_Then_reading_fails_naming_it()
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(CapSamples.Ns + "identifier")!.Remove();

        Should.Throw<CapFormatException>(() => CapXml.Read(document.Xml())).Message.ShouldContain("alert/identifier is missing");
    }

    private static void ShouldFollow(XElement parent, string[] order)
    {
        var positions = parent.Elements().Select(e => Array.IndexOf(order, e.Name.LocalName)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBe(positions.Order().ToList(), $"children of {parent.Name.LocalName} out of order");
    }
}
