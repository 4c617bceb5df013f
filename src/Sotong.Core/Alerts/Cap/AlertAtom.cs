using System.Globalization;
using System.Text;
using System.Xml;

namespace Sotong.Core.Alerts.Cap;

/// <summary>The Atom feed's own metadata. <see cref="SelfUrl"/> is the feed's absolute URL (e.g. …/alerts/feed.atom).</summary>
public sealed record AtomFeedInfo(string Id, string Title, DateTimeOffset Updated, string SelfUrl, string AuthorName)
{
    public string? Subtitle { get; init; }

    /// <summary>The HTML page listing the same alerts.</summary>
    public string? AlternateUrl { get; init; }

    public string? AuthorUri { get; init; }

    /// <summary>xml:lang of the feed's text.</summary>
    public string Language { get; init; } = "ko";
}

/// <summary>
/// One alert in the index: <see cref="CapUrl"/> is the CAP document (the entry's alternate, so CAP readers
/// follow it), <see cref="PageUrl"/> the public HTML page. <see cref="Status"/>, when given, is written as an
/// Atom category so exercises and tests are marked in readers too.
/// </summary>
public sealed record AlertAtomEntry(string Id, string Title, DateTimeOffset Updated, string Summary, string CapUrl, string PageUrl)
{
    public DateTimeOffset? Published { get; init; }

    public CapStatus? Status { get; init; }
}

/// <summary>An Atom 1.0 (RFC 4287) index of current alerts, each entry linking to its CAP document and its page.</summary>
public static class AlertAtom
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    public const string MediaType = "application/atom+xml";

    /// <summary>The scheme of the status category, so readers can tell it from other categories.</summary>
    public const string StatusScheme = CapAlert.Namespace + "#status";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };

    public static string Write(AtomFeedInfo feed, IEnumerable<AlertAtomEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Namespace);
            w.WriteAttributeString("xml", "lang", null, feed.Language);
            Element(w, "id", feed.Id);
            Text(w, "title", feed.Title);
            if (feed.Subtitle is not null)
            {
                Text(w, "subtitle", feed.Subtitle);
            }

            Element(w, "updated", FormatTime(feed.Updated));
            Link(w, "self", MediaType, feed.SelfUrl);
            if (feed.AlternateUrl is not null)
            {
                Link(w, "alternate", "text/html", feed.AlternateUrl);
            }

            w.WriteStartElement("author", Namespace);
            Element(w, "name", feed.AuthorName);
            if (feed.AuthorUri is not null)
            {
                Element(w, "uri", feed.AuthorUri);
            }

            w.WriteEndElement();
            foreach (var entry in entries)
            {
                WriteEntry(w, entry);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEntry(XmlWriter w, AlertAtomEntry entry)
    {
        w.WriteStartElement("entry", Namespace);
        Element(w, "id", entry.Id);
        Text(w, "title", entry.Title);
        Element(w, "updated", FormatTime(entry.Updated));
        if (entry.Published is { } published)
        {
            Element(w, "published", FormatTime(published));
        }

        Text(w, "summary", entry.Summary);
        if (entry.Status is { } status)
        {
            w.WriteStartElement("category", Namespace);
            w.WriteAttributeString("scheme", StatusScheme);
            w.WriteAttributeString("term", status.ToString());
            w.WriteEndElement();
        }

        Link(w, "alternate", CapAlert.MediaType, entry.CapUrl);
        Link(w, "related", "text/html", entry.PageUrl);
        w.WriteEndElement();
    }

    /// <summary>RFC 3339 as Atom dates use it: seconds, and "Z" for UTC (unlike CAP, which forbids it).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.Offset == TimeSpan.Zero
            ? time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);

    private static void Element(XmlWriter w, string name, string value) => w.WriteElementString(name, Namespace, value);

    private static void Text(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, Namespace);
        w.WriteAttributeString("type", "text");
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", Namespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
