using System.Xml.Linq;
using Sotong.Core.Alerts.Cap;

namespace Sotong.Tests.Alerts;

public sealed class CapSchemaTests
{
    private static readonly XNamespace Ns = CapSamples.Ns;

    [Fact]
    public void Given_a_minimal_document_typed_from_the_specification_Then_it_conforms()
    {
        CapSchema.Check(CapSamples.Minimal).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_embedded_schema_Then_it_targets_the_CAP_1_2_namespace()
    {
        XDocument.Parse(CapSchema.SchemaText()).Root!.Attribute("targetNamespace")!.Value.ShouldBe("urn:oasis:names:tc:emergency:cap:1.2");
    }

    [Theory]
    [InlineData("identifier")]
    [InlineData("sender")]
    [InlineData("sent")]
    [InlineData("status")]
    [InlineData("msgType")]
    [InlineData("scope")]
    public void Given_an_alert_without_a_required_element_Then_it_is_rejected(string element)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + element)!.Remove();

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("category")]
    [InlineData("event")]
    [InlineData("urgency")]
    [InlineData("severity")]
    [InlineData("certainty")]
    public void Given_an_info_without_a_required_element_Then_it_is_rejected(string element)
    {
        var document = CapSamples.FullDocument();
        document.Root!.Elements(Ns + "info").Elements(Ns + element).Remove();

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("areaDesc")]
    [InlineData("valueName")]
    public void Given_an_area_without_a_required_element_Then_it_is_rejected(string element)
    {
        var document = CapSamples.FullDocument();
        document.Root!.Descendants(Ns + "area").Descendants(Ns + element).Remove();

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("sender", "identifier")]
    [InlineData("scope", "msgType")]
    public void Given_two_alert_elements_swapped_Then_the_order_is_rejected(string first, string second)
    {
        var document = CapSamples.MinimalDocument();
        var a = document.Root!.Element(Ns + first)!;
        var b = document.Root!.Element(Ns + second)!;
        a.Remove();
        b.AddBeforeSelf(a);

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_an_info_whose_headline_comes_before_its_event_Then_the_order_is_rejected()
    {
        var document = CapSamples.FullDocument();
        var info = document.Root!.Element(Ns + "info")!;
        var headline = info.Element(Ns + "headline")!;
        headline.Remove();
        info.Element(Ns + "event")!.AddBeforeSelf(headline);

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_an_area_before_a_resource_Then_the_order_is_rejected()
    {
        var document = CapSamples.FullDocument();
        var info = document.Root!.Element(Ns + "info")!;
        var area = info.Element(Ns + "area")!;
        area.Remove();
        info.Element(Ns + "resource")!.AddBeforeSelf(area);

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_two_senders_Then_the_cardinality_is_rejected()
    {
        var document = CapSamples.MinimalDocument();
        var sender = document.Root!.Element(Ns + "sender")!;
        sender.AddAfterSelf(new XElement(sender));

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    public static TheoryData<string, string> EveryEnumeratedValue()
    {
        var data = new TheoryData<string, string>();
        void Add<T>(string element)
            where T : struct, Enum
        {
            foreach (var name in Enum.GetNames<T>())
            {
                data.Add(element, name);
            }
        }

        Add<CapStatus>("status");
        Add<CapMsgType>("msgType");
        Add<CapScope>("scope");
        Add<CapCategory>("category");
        Add<CapResponseType>("responseType");
        Add<CapUrgency>("urgency");
        Add<CapSeverity>("severity");
        Add<CapCertainty>("certainty");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEnumeratedValue))]
    public void Given_each_value_the_standard_lists_Then_the_schema_accepts_it(string element, string value)
    {
        var document = AnyValueDocument(element, value);

        CapSchema.Check(document.Xml()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("status", "actual")]
    [InlineData("status", "Real")]
    [InlineData("msgType", "Alarm")]
    [InlineData("scope", "Everyone")]
    [InlineData("category", "Weather")]
    [InlineData("responseType", "Run")]
    [InlineData("urgency", "Now")]
    [InlineData("severity", "High")]
    [InlineData("certainty", "Very Likely")]
    public void Given_a_value_the_standard_does_not_list_Then_it_is_rejected(string element, string value)
    {
        var document = AnyValueDocument(element, value);

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain("'" + value + "'");
    }

    [Theory]
    [InlineData("2026-01-12T17:30:00Z")]
    [InlineData("2026-01-12T17:30:00")]
    [InlineData("2026-01-12T17:30:00.000+09:00")]
    [InlineData("2026-01-12T17:30+09:00")]
    [InlineData("2026-01-12 17:30:00+09:00")]
    [InlineData("2026-13-12T17:30:00+09:00")]
    [InlineData("12/01/2026 17:30")]
    public void Given_a_time_not_in_CAP_form_Then_sent_and_expires_reject_it(string time)
    {
        var sent = CapSamples.MinimalDocument();
        sent.Root!.Element(Ns + "sent")!.Value = time;
        var expires = CapSamples.FullDocument();
        expires.Root!.Element(Ns + "info")!.Element(Ns + "expires")!.Value = time;

        CapSchema.Check(sent.Xml()).ShouldNotBeEmpty();
        CapSchema.Check(expires.Xml()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("2026-01-12T08:30:00-00:00")]
    [InlineData("2026-01-12T17:30:00+09:00")]
    [InlineData("2026-01-12T03:00:00-05:30")]
    public void Given_a_time_with_a_numeric_offset_Then_it_is_accepted(string time)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "sent")!.Value = time;

        CapSchema.Check(document.Xml()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a,b")]
    [InlineData("a<b")]
    [InlineData("a&b")]
    [InlineData("")]
    public void Given_an_identifier_with_a_forbidden_character_Then_it_is_rejected(string identifier)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "identifier")!.Value = identifier;

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("Update")]
    [InlineData("Cancel")]
    public void Given_an_update_or_cancel_without_references_Then_it_is_rejected_and_with_them_it_conforms(string msgType)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "msgType")!.Value = msgType;

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain("references");
        document.Root!.Element(Ns + "scope")!.AddAfterSelf(new XElement(Ns + "references", "city@example.kr,MIN-0,2026-01-12T16:00:00+09:00"));
        CapSchema.Check(document.Xml()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("city@example.kr,MIN-0")]
    [InlineData("city@example.kr MIN-0 2026-01-12T16:00:00+09:00")]
    [InlineData("city@example.kr,MIN-0,2026-01-12T16:00:00Z")]
    [InlineData("city@example.kr,MIN-0,2026-01-12T16:00:00+09:00,extra")]
    [InlineData("city@example.kr,MIN-0,2026-01-12T16:00:00+09:00;city@example.kr,MIN-1,2026-01-12T16:10:00+09:00")]
    public void Given_references_that_are_not_space_separated_triples_Then_they_are_rejected(string references)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "msgType")!.Value = "Update";
        document.Root!.Element(Ns + "scope")!.AddAfterSelf(new XElement(Ns + "references", references));

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain("references");
    }

    [Fact]
    public void Given_two_references_separated_by_a_space_Then_they_conform()
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "msgType")!.Value = "Cancel";
        document.Root!.Element(Ns + "scope")!.AddAfterSelf(new XElement(Ns + "references",
            "city@example.kr,MIN-0,2026-01-12T16:00:00+09:00 city@example.kr,MIN-0b,2026-01-12T16:10:00+09:00"));

        CapSchema.Check(document.Xml()).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_open_polygon_Then_it_is_rejected()
    {
        var document = CapSamples.FullDocument();
        document.Root!.Descendants(Ns + "polygon").First().Value = "37.57,126.98 37.57,127.02 37.55,127.02 37.55,126.98";

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain("first and last");
    }

    [Theory]
    [InlineData("37.57,126.98 37.57,127.02 37.57,126.98")]
    [InlineData("37.57 126.98 37.57 127.02 37.55 127.02 37.57 126.98")]
    [InlineData("")]
    public void Given_a_polygon_with_too_few_or_malformed_pairs_Then_it_is_rejected(string polygon)
    {
        var document = CapSamples.FullDocument();
        document.Root!.Descendants(Ns + "polygon").First().Value = polygon;

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_a_polygon_point_beyond_the_poles_Then_it_is_rejected()
    {
        var document = CapSamples.FullDocument();
        document.Root!.Descendants(Ns + "polygon").First().Value = "97.57,126.98 37.57,127.02 37.55,127.02 97.57,126.98";

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain("latitude");
    }

    [Theory]
    [InlineData("Restricted", "restriction")]
    [InlineData("Private", "addresses")]
    public void Given_a_scope_without_the_element_it_needs_Then_it_is_rejected(string scope, string needed)
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Element(Ns + "scope")!.Value = scope;

        CapSchema.Check(document.Xml()).ShouldHaveSingleItem().ShouldContain(needed);
    }

    [Fact]
    public void Given_a_ceiling_without_an_altitude_Then_it_is_rejected()
    {
        var document = CapSamples.FullDocument();
        document.Root!.Descendants(Ns + "altitude").Remove();

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_a_document_in_another_namespace_Then_it_is_rejected()
    {
        var cap11 = CapSamples.Minimal.Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal);

        CapSchema.Check(cap11).ShouldHaveSingleItem().ShouldContain("root element");
    }

    [Fact]
    public void Given_an_unknown_element_Then_it_is_rejected()
    {
        var document = CapSamples.MinimalDocument();
        document.Root!.Add(new XElement(Ns + "priority", "high"));

        CapSchema.Check(document.Xml()).ShouldNotBeEmpty();
    }

    [Fact]
    public void Given_a_DTD_or_text_that_is_not_XML_Then_the_check_reports_it_instead_of_throwing()
    {
        var withDtd = CapSamples.Minimal.Replace("<alert ", "<!DOCTYPE alert [<!ENTITY x \"boom\">]>\n<alert ", StringComparison.Ordinal);

        CapSchema.Check(withDtd).ShouldHaveSingleItem().ShouldContain("DTD");
        CapSchema.Check("not xml").ShouldNotBeEmpty();
    }

    /// <summary>The full sample with one enumerated element set to <paramref name="value"/> (and what that value needs).</summary>
    private static XDocument AnyValueDocument(string element, string value)
    {
        var document = CapSamples.FullDocument();
        var root = document.Root!;
        root.Descendants(Ns + element).First().Value = value;
        if (element == "msgType")
        {
            root.Element(Ns + "incidents")!.AddBeforeSelf(new XElement(Ns + "references", "someone@example.kr,EARLIER-1,2026-01-12T16:00:00+09:00"));
        }

        if (element == "scope")
        {
            root.Element(Ns + "code")!.AddBeforeSelf(new XElement(Ns + "restriction", "관계 기관 한정"), new XElement(Ns + "addresses", "119 police"));
        }

        return document;
    }
}
