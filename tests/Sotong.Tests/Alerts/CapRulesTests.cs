using Sotong.Core.Alerts.Cap;

namespace Sotong.Tests.Alerts;

public sealed class CapRulesTests
{
    private static CapArea Area(params IReadOnlyList<CapPoint>[] polygons) => new() { AreaDesc = "중구", Polygons = polygons };

    private static CapAlert WithArea(CapArea area)
    {
        var alert = CapSamples.Full();
        return alert with { Infos = [alert.Infos[0] with { Areas = [area] }] };
    }

    [Fact]
    public void Given_the_full_sample_Then_no_rule_is_broken()
    {
        CapRules.Validate(CapSamples.Full()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("KR 0001")]
    [InlineData("KR,0001")]
    [InlineData("KR<0001")]
    [InlineData("KR&0001")]
    [InlineData("KR\t0001")]
    public void Given_an_identifier_with_a_forbidden_character_Then_it_is_a_bad_token(string identifier)
    {
        var problem = CapRules.Validate(CapSamples.Full() with { Identifier = identifier }).ShouldHaveSingleItem();

        problem.Field.ShouldBe("identifier");
        problem.Key.ShouldBe("Alerts.Cap.BadToken");
    }

    [Fact]
    public void Given_a_sender_with_a_space_or_an_empty_identifier_Then_both_are_reported()
    {
        var problems = CapRules.Validate(CapSamples.Full() with { Sender = "중구 청", Identifier = "" });

        problems.Select(p => (p.Field, p.Key)).ShouldBe([("identifier", "Alerts.Cap.Required"), ("sender", "Alerts.Cap.BadToken")], ignoreOrder: true);
    }

    [Fact]
    public void Given_a_restricted_alert_without_a_restriction_Then_it_is_reported_and_with_one_it_passes()
    {
        var restricted = CapSamples.Full() with { Scope = CapScope.Restricted };

        CapRules.Validate(restricted).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.RestrictionRequired");
        CapRules.Validate(restricted with { Restriction = "재난안전대책본부 관계자 한정" }).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_private_alert_without_addresses_Then_it_is_reported_and_with_them_it_passes()
    {
        var restricted = CapSamples.Full() with { Scope = CapScope.Private };

        CapRules.Validate(restricted).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.AddressesRequired");
        CapRules.Validate(restricted with { Addresses = ["119-center", "Jung-gu Office"] }).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_address_with_a_double_quote_Then_it_cannot_be_listed()
    {
        var alert = CapSamples.Full() with { Scope = CapScope.Private, Addresses = ["say \"hi\""] };

        CapRules.Validate(alert).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ListItem");
    }

    [Fact]
    public void Given_an_info_without_a_category_or_event_Then_both_are_reported()
    {
        var alert = CapSamples.Full();
        alert = alert with { Infos = [alert.Infos[0] with { Categories = [], Event = " " }] };

        CapRules.Validate(alert).Select(p => p.Field).ShouldBe(["info[0].category", "info[0].event"], ignoreOrder: true);
    }

    [Fact]
    public void Given_an_enum_value_outside_the_standard_Then_it_is_reported()
    {
        var alert = CapSamples.Full() with { Status = (CapStatus)42 };

        var problem = CapRules.Validate(alert).ShouldHaveSingleItem();

        problem.Field.ShouldBe("status");
        problem.Key.ShouldBe("Alerts.Cap.UnknownValue");
    }

    [Theory]
    [InlineData(CapMsgType.Update)]
    [InlineData(CapMsgType.Cancel)]
    [InlineData(CapMsgType.Ack)]
    [InlineData(CapMsgType.Error)]
    public void Given_a_message_answering_another_without_references_Then_it_is_reported(CapMsgType msgType)
    {
        var alert = CapSamples.Full() with { MsgType = msgType };

        CapRules.Validate(alert).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ReferencesRequired");
    }

    [Fact]
    public void Given_an_update_then_a_cancel_chained_to_the_alert_Then_both_pass()
    {
        var original = CapSamples.Full();
        var update = original with { Identifier = "KR.SOTONG.JUNGGU-2026-0002", Sent = original.Sent.AddHours(1), MsgType = CapMsgType.Update, References = [original.AsReference()] };
        var cancel = original with
        {
            Identifier = "KR.SOTONG.JUNGGU-2026-0003",
            Sent = original.Sent.AddHours(3),
            MsgType = CapMsgType.Cancel,
            References = [original.AsReference(), update.AsReference()],
            Infos = [],
        };

        CapRules.Validate(update).ShouldBeEmpty();
        CapRules.Validate(cancel).ShouldBeEmpty();
        CapSchema.Check(CapXml.Write(cancel)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_reference_to_itself_or_to_a_later_message_Then_each_is_reported()
    {
        var alert = CapSamples.Full();
        var self = alert with { MsgType = CapMsgType.Update, References = [alert.AsReference()] };
        var later = alert with { MsgType = CapMsgType.Update, References = [new CapReference(alert.Sender, "LATER-1", alert.Sent.AddMinutes(5))] };

        CapRules.Validate(self).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ReferenceSelf");
        CapRules.Validate(later).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ReferenceLater");
    }

    [Fact]
    public void Given_a_reference_whose_identifier_has_a_comma_Then_it_is_reported_since_the_triple_could_not_be_split()
    {
        var alert = CapSamples.Full() with { MsgType = CapMsgType.Cancel, References = [new CapReference("a@b", "X,1", CapSamples.Sent.AddHours(-1))] };

        CapRules.Validate(alert).ShouldHaveSingleItem().Field.ShouldBe("references[0].identifier");
    }

    [Fact]
    public void Given_an_alert_without_info_Then_it_is_reported_unless_it_is_a_system_message()
    {
        var alert = CapSamples.Full() with { Infos = [] };

        CapRules.Validate(alert).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.InfoRequired");
        CapRules.Validate(alert with { Status = CapStatus.System }).ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_open_polygon_Then_it_is_reported()
    {
        var open = CapSamples.Square.Take(4).ToList();

        var problem = CapRules.Validate(WithArea(Area(open))).ShouldHaveSingleItem();

        problem.Field.ShouldBe("info[0].area[0].polygon[0]");
        problem.Key.ShouldBe("Alerts.Cap.PolygonOpen");
    }

    [Fact]
    public void Given_a_polygon_of_three_points_Then_it_is_too_small_even_when_closed()
    {
        IReadOnlyList<CapPoint> triangle = [new(37.57, 126.98), new(37.57, 127.02), new(37.57, 126.98)];

        CapRules.Validate(WithArea(Area(triangle))).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.PolygonPoints");
    }

    [Theory]
    [InlineData(90.5, 127, "Alerts.Cap.Latitude")]
    [InlineData(-91, 127, "Alerts.Cap.Latitude")]
    [InlineData(37.5, 180.1, "Alerts.Cap.Longitude")]
    [InlineData(37.5, -200, "Alerts.Cap.Longitude")]
    [InlineData(double.NaN, 127, "Alerts.Cap.Latitude")]
    public void Given_a_point_off_the_globe_Then_it_is_reported(double latitude, double longitude, string key)
    {
        var circle = new CapArea { AreaDesc = "중구", Circles = [new CapCircle(new CapPoint(latitude, longitude), 1)] };

        CapRules.Validate(WithArea(circle)).ShouldHaveSingleItem().Key.ShouldBe(key);
    }

    [Fact]
    public void Given_a_negative_radius_or_a_ceiling_without_altitude_Then_each_is_reported()
    {
        var area = new CapArea { AreaDesc = "중구", Circles = [new CapCircle(new CapPoint(37.5, 127), -1)], Ceiling = 100 };

        CapRules.Validate(WithArea(area)).Select(p => p.Key).ShouldBe(["Alerts.Cap.Radius", "Alerts.Cap.Ceiling"], ignoreOrder: true);
    }

    [Fact]
    public void Given_expiry_before_onset_or_before_sent_Then_it_is_reported()
    {
        var alert = CapSamples.Full();
        var info = alert.Infos[0];
        var beforeOnset = alert with { Infos = [info with { Expires = info.Onset!.Value.AddMinutes(-1) }] };
        var beforeSent = alert with { Infos = [info with { Effective = null, Onset = null, Expires = alert.Sent }] };

        CapRules.Validate(beforeOnset).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ExpiresBeforeStart");
        CapRules.Validate(beforeSent).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.ExpiresBeforeStart");
    }

    [Fact]
    public void Given_a_relative_web_link_a_bad_language_and_a_long_headline_Then_each_is_reported()
    {
        var alert = CapSamples.Full();
        alert = alert with { Infos = [alert.Infos[0] with { Web = "/alerts/1", Language = "korean language", Headline = new string('가', 160) }] };

        CapRules.Validate(alert).Select(p => p.Key).ShouldBe(["Alerts.Cap.WebAbsolute", "Alerts.Cap.Language", "Alerts.Cap.HeadlineLength"], ignoreOrder: true);
    }

    [Fact]
    public void Given_a_control_character_in_the_description_Then_it_is_reported_before_writing_would_fail()
    {
        var alert = CapSamples.Full();
        alert = alert with { Infos = [alert.Infos[0] with { Description = "눈\u0001" }] };

        CapRules.Validate(alert).ShouldHaveSingleItem().Key.ShouldBe("Alerts.Cap.InvalidCharacter");
    }

    [Fact]
    public void Given_every_problem_key_Then_both_string_tables_have_it()
    {
        var keys = new[]
        {
            "Required", "BadToken", "UnknownValue", "RestrictionRequired", "AddressesRequired", "ListItem", "ReferencesRequired", "ReferenceSelf",
            "ReferenceLater", "InfoRequired", "Language", "CategoryRequired", "ExpiresBeforeStart", "HeadlineLength", "WebAbsolute", "Size",
            "PolygonPoints", "PolygonOpen", "Radius", "Ceiling", "Latitude", "Longitude", "InvalidCharacter",
        };
        var korean = new System.Resources.ResourceManager(typeof(Sotong.Core.Common.Localization.Text));

        foreach (var key in keys)
        {
            var ko = korean.GetString("Alerts.Cap." + key, System.Globalization.CultureInfo.GetCultureInfo("ko"));
            var en = korean.GetString("Alerts.Cap." + key, System.Globalization.CultureInfo.GetCultureInfo("en"));
            ko.ShouldNotBeNullOrWhiteSpace(key);
            // A key missing from Text.en.resx would fall back to the Korean text.
            en.ShouldNotBe(ko, key);
        }
    }
}
