using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Common.Time;
using Sotong.Core.Qna.Browse;
using Sotong.Core.Common.Links;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Qna.Feeds;

/// <summary>Atom 1.0 feeds of the newest published answers: all, per topic, per division (RFC 4287).</summary>
public static class AnswerFeeds
{
    public const int Entries = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static string Write(string baseUrl, string selfPath, string title, IReadOnlyList<PublicAnswer> answers, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", AtomNs);
            w.WriteAttributeString("xml", "lang", null, "ko");
            w.WriteElementString("id", AtomNs, baseUrl + selfPath);
            w.WriteElementString("title", AtomNs, title);
            w.WriteElementString("updated", AtomNs, SeoulTime.Iso(answers.Count > 0 ? answers.Max(a => a.PublishedAtUtc) : nowUtc));
            Link(w, "self", baseUrl + selfPath, "application/atom+xml");
            Link(w, "alternate", baseUrl + "/answers", "text/html");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, "Sotong");
            w.WriteEndElement();
            foreach (var a in answers)
            {
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("id", AtomNs, $"{baseUrl}/answers/{a.Id}");
                w.WriteElementString("title", AtomNs, string.IsNullOrEmpty(a.Title) ? Excerpt(a.Question, 80) : a.Title);
                w.WriteElementString("published", AtomNs, SeoulTime.Iso(a.PublishedAtUtc));
                w.WriteElementString("updated", AtomNs, SeoulTime.Iso(a.PublishedAtUtc > a.AnsweredAtUtc ? a.PublishedAtUtc : a.AnsweredAtUtc));
                Link(w, "alternate", $"{baseUrl}/answers/{a.Id}", "text/html");
                w.WriteStartElement("author", AtomNs);
                w.WriteElementString("name", AtomNs, a.DivisionNameKo);
                w.WriteEndElement();
                if (a.Topic is not null)
                {
                    w.WriteStartElement("category", AtomNs);
                    w.WriteAttributeString("term", a.Topic);
                    w.WriteEndElement();
                }
                w.WriteStartElement("summary", AtomNs);
                w.WriteAttributeString("type", "text");
                w.WriteString(Excerpt(a.Question, 300));
                w.WriteEndElement();
                w.WriteStartElement("content", AtomNs);
                w.WriteAttributeString("type", "text");
                w.WriteString($"질문: {a.Question}\n\n답변: {a.Answer}");
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // StringBuilder output says utf-16 in the declaration; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    private static string Excerpt(string s, int length) => TextCut.Excerpt(s, length);
}

internal static class AnswerFeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/answers/feed.atom", (HttpContext http, BrowseAnswersHandler handler, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
                FeedAsync(http, handler, configuration, time, null, null, "/answers/feed.atom", "소통 응답 공개 · Sotong answers", ct))
            .WithName("AnswersFeed").WithTags("Public answers").WithSummary("Atom feed of the newest published answers");
        app.MapGet("/answers/topics/{topic}/feed.atom", (string topic, HttpContext http, BrowseAnswersHandler handler, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
                FeedAsync(http, handler, configuration, time, topic, null, $"/answers/topics/{Uri.EscapeDataString(topic)}/feed.atom", $"소통 응답 공개 · {topic}", ct))
            .WithName("AnswersTopicFeed").WithTags("Public answers").WithSummary("Atom feed of one topic's published answers");
        app.MapGet("/answers/divisions/{id:guid}/feed.atom", (Guid id, HttpContext http, BrowseAnswersHandler handler, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
                FeedAsync(http, handler, configuration, time, null, id, $"/answers/divisions/{id}/feed.atom", "소통 응답 공개 · 부서", ct))
            .WithName("AnswersDivisionFeed").WithTags("Public answers").WithSummary("Atom feed of one division's published answers");
    }

    private static async Task<IResult> FeedAsync(HttpContext http, BrowseAnswersHandler handler, IConfiguration configuration, TimeProvider time,
        string? topic, Guid? division, string selfPath, string title, CancellationToken ct)
    {
        var answers = await handler.LatestAsync(topic, division, AnswerFeeds.Entries, ct);
        var baseUrl = PublicAddress.Of(configuration, http.Request);
        if (division is not null && answers.Count > 0)
        {
            title = $"소통 응답 공개 · {answers[0].DivisionNameKo}";
        }
        return Results.Text(AnswerFeeds.Write(baseUrl, selfPath, title, answers, time.GetUtcNow().UtcDateTime), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }
}
