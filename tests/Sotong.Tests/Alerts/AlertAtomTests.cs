using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sotong.Core.Alerts.Cap;

namespace Sotong.Tests.Alerts;

public sealed partial class AlertAtomTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly AtomFeedInfo Feed = new("https://sotong.example.kr/alerts/feed.atom", "소통시 중구 재난 경보",
        new DateTimeOffset(2026, 1, 12, 19, 30, 0, CapSamples.Seoul), "https://sotong.example.kr/alerts/feed.atom", "소통시 중구청")
    {
        AlternateUrl = "https://sotong.example.kr/alerts",
        AuthorUri = "https://sotong.example.kr",
    };

    private static readonly AlertAtomEntry[] Entries =
    [
        new("urn:oid:sotong:alert:1", "[중구청] 대설주의보 <발효> & 안내", CapSamples.Sent, "오늘 18시 중구 전역 대설주의보",
            "https://sotong.example.kr/alerts/1.xml", "https://sotong.example.kr/alerts/1") { Status = CapStatus.Actual, Published = CapSamples.Sent },
        new("urn:oid:sotong:alert:2", "[훈련] 지진 대피 훈련", new DateTimeOffset(2026, 1, 12, 10, 0, 0, TimeSpan.Zero), "민방위 지진 대피 훈련",
            "https://sotong.example.kr/alerts/2.xml", "https://sotong.example.kr/alerts/2") { Status = CapStatus.Exercise },
    ];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [Fact]
    public void Given_a_feed_Then_it_is_well_formed_Atom_with_the_required_feed_elements()
    {
        var feed = XDocument.Parse(AlertAtom.Write(Feed, Entries)).Root!;

        feed.Name.ShouldBe(Atom + "feed");
        feed.Element(Atom + "id")!.Value.ShouldBe(Feed.Id);
        feed.Element(Atom + "title")!.Value.ShouldBe("소통시 중구 재난 경보");
        feed.Element(Atom + "updated")!.Value.ShouldBe("2026-01-12T19:30:00+09:00");
        feed.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("소통시 중구청");
        var self = feed.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "self").ShouldHaveSingleItem();
        self.Attribute("href")!.Value.ShouldBe(Feed.SelfUrl);
        self.Attribute("type")!.Value.ShouldBe("application/atom+xml");
        feed.Elements(Atom + "entry").Count().ShouldBe(2);
    }

    [Fact]
    public void Given_an_alert_entry_Then_it_links_to_its_CAP_document_as_alternate_and_its_page_as_related()
    {
        var entry = XDocument.Parse(AlertAtom.Write(Feed, Entries)).Root!.Elements(Atom + "entry").First();

        entry.Element(Atom + "id")!.Value.ShouldBe("urn:oid:sotong:alert:1");
        entry.Element(Atom + "title")!.Value.ShouldBe("[중구청] 대설주의보 <발효> & 안내");
        entry.Element(Atom + "summary")!.Value.ShouldBe("오늘 18시 중구 전역 대설주의보");
        var links = entry.Elements(Atom + "link").ToDictionary(l => l.Attribute("rel")!.Value);
        links.Keys.ShouldBe(["alternate", "related"], ignoreOrder: true);
        links["alternate"].Attribute("type")!.Value.ShouldBe("application/cap+xml");
        links["alternate"].Attribute("href")!.Value.ShouldBe("https://sotong.example.kr/alerts/1.xml");
        links["related"].Attribute("type")!.Value.ShouldBe("text/html");
        links["related"].Attribute("href")!.Value.ShouldBe("https://sotong.example.kr/alerts/1");
    }

    [Fact]
    public void Given_times_in_Seoul_and_UTC_Then_every_date_is_RFC_3339_and_UTC_is_Z()
    {
        var feed = XDocument.Parse(AlertAtom.Write(Feed, Entries)).Root!;

        var dates = feed.Descendants().Where(e => e.Name == Atom + "updated" || e.Name == Atom + "published").Select(e => e.Value).ToList();

        dates.Count.ShouldBe(4);
        dates.ShouldAllBe(d => Rfc3339().IsMatch(d));
        feed.Elements(Atom + "entry").Last().Element(Atom + "updated")!.Value.ShouldBe("2026-01-12T10:00:00Z");
    }

    [Fact]
    public void Given_an_exercise_Then_its_entry_carries_the_status_category()
    {
        var entry = XDocument.Parse(AlertAtom.Write(Feed, Entries)).Root!.Elements(Atom + "entry").Last();

        var category = entry.Element(Atom + "category")!;
        category.Attribute("term")!.Value.ShouldBe("Exercise");
        category.Attribute("scheme")!.Value.ShouldBe(AlertAtom.StatusScheme);
    }

    [Fact]
    public void Given_no_current_alerts_Then_the_feed_is_still_valid_and_empty()
    {
        var feed = XDocument.Parse(AlertAtom.Write(Feed, [])).Root!;

        feed.Elements(Atom + "entry").ShouldBeEmpty();
        feed.Element(Atom + "updated").ShouldNotBeNull();
    }
}
