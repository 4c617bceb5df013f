using Sotong.Core.Alerts.Cap;
using Sotong.Core.Alerts.Templates;

namespace Sotong.Tests.Alerts;

public sealed class AlertTemplatesTests
{
    public static TheoryData<string> Keys() => [.. AlertTemplates.All.Select(t => t.Key)];

    [Fact]
    public void Given_the_templates_Then_the_hazards_the_issue_names_are_all_there_once()
    {
        var names = AlertTemplates.All.Select(t => t.NameKo).ToList();

        names.ShouldBe(["폭설", "호우", "태풍", "폭염", "한파", "미세먼지", "지진", "화재", "정전", "감염병"], ignoreOrder: true);
        AlertTemplates.All.Select(t => t.Key).Distinct().Count().ShouldBe(AlertTemplates.All.Count);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Given_typical_values_Then_the_Korean_SMS_fills_within_90_characters_with_nothing_left(string key)
    {
        var template = AlertTemplates.Find(key)!;

        var filled = AlertTemplates.Fill(template.Ko.Sms, AlertTemplates.ExampleValues("ko-KR"));
        var check = AlertSmsLimit.Check(filled.Text);

        filled.Unfilled.ShouldBeEmpty();
        filled.Text.ShouldNotContain("{");
        check.WithinLimit.ShouldBeTrue($"{check.Characters} characters: {filled.Text}");
        check.HasUnencodable.ShouldBeFalse();
        filled.Text.ShouldStartWith("[중구청] ");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Given_typical_values_Then_every_text_in_both_languages_fills_completely(string key)
    {
        var template = AlertTemplates.Find(key)!;

        foreach (var (language, texts) in new[] { ("ko-KR", template.Ko), ("en-US", template.En) })
        {
            var values = AlertTemplates.ExampleValues(language);
            foreach (var text in new[] { texts.Sms, texts.Headline, texts.Description, texts.Instruction })
            {
                var filled = AlertTemplates.Fill(text, values);
                filled.IsComplete.ShouldBeTrue($"{key} {language}: {string.Join(", ", filled.Unfilled)}");
                filled.Text.ShouldNotContain("{");
            }
        }

        // Every placeholder a template uses is documented.
        template.Placeholders.ShouldBeSubsetOf(AlertTemplates.Placeholders.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Given_typical_values_Then_the_English_SMS_fits_one_160_character_message(string key)
    {
        var filled = AlertTemplates.Fill(AlertTemplates.Find(key)!.En.Sms, AlertTemplates.ExampleValues("en-US"));

        filled.Text.Length.ShouldBeLessThanOrEqualTo(160, filled.Text);
        filled.Text.ShouldStartWith("[Jung-gu Office] ");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Given_a_template_Then_an_info_built_from_it_meets_the_CAP_rules(string key)
    {
        var template = AlertTemplates.Find(key)!;
        var values = AlertTemplates.ExampleValues("ko-KR");
        var alert = CapSamples.Full() with
        {
            Infos =
            [
                new CapInfo
                {
                    Language = "ko-KR",
                    Categories = [template.Category],
                    Event = template.EventKo,
                    ResponseTypes = template.ResponseTypes,
                    Urgency = template.Urgency,
                    Severity = template.Severity,
                    Certainty = template.Certainty,
                    Headline = AlertTemplates.Fill(template.Ko.Headline, values).Text,
                    Description = AlertTemplates.Fill(template.Ko.Description, values).Text,
                    Instruction = AlertTemplates.Fill(template.Ko.Instruction, values).Text,
                    Areas = [new CapArea { AreaDesc = "서울특별시 중구" }],
                },
            ],
        };

        CapRules.Validate(alert).ShouldBeEmpty();
        CapSchema.Check(CapXml.Write(alert)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_missing_and_blank_values_Then_fill_keeps_those_placeholders_and_lists_each_once()
    {
        var values = new Dictionary<string, string> { ["sender"] = "중구청", ["time"] = "  " };

        var filled = AlertTemplates.Fill("[{sender}] {time} {area} 대설{level}, {area} 주민은 대비 바랍니다", values);

        filled.Text.ShouldBe("[중구청] {time} {area} 대설{level}, {area} 주민은 대비 바랍니다");
        filled.Unfilled.ShouldBe(["time", "area", "level"]);
        filled.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public void Given_a_value_that_looks_like_a_placeholder_Then_it_is_not_filled_again()
    {
        var filled = AlertTemplates.Fill("{area} 정전", new Dictionary<string, string> { ["area"] = "{sender}", ["sender"] = "중구청" });

        filled.Text.ShouldBe("{sender} 정전");
        filled.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void Given_an_English_language_tag_Then_the_template_gives_its_English_texts()
    {
        var snow = AlertTemplates.Find("heavy-snow")!;

        snow.Text("en-US").ShouldBe(snow.En);
        snow.Text("ko-KR").ShouldBe(snow.Ko);
        AlertTemplates.Find("no-such-hazard").ShouldBeNull();
    }
}
