using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sotong.Core.Alerts.Cap;

/// <summary>
/// CAP 1.2 XML: writes every element in the order the standard's sequences require, and reads a document back.
/// Writing does not validate: run <see cref="CapRules.Validate"/> first. Reading refuses DTDs (entity expansion,
/// external fetches) and is lenient only about whitespace around values; <see cref="CapSchema.Check"/> is the gate
/// for documents from elsewhere.
/// </summary>
public static class CapXml
{
    private static readonly XNamespace Ns = CapAlert.Namespace;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };

    internal static XmlReaderSettings SafeReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static string Write(CapAlert alert) => Encoding.UTF8.GetString(WriteUtf8(alert));

    /// <summary>The document as the UTF-8 bytes its declaration announces (no byte order mark), ready to serve.</summary>
    public static byte[] WriteUtf8(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, WriterSettings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("alert", CapAlert.Namespace);
            Element(w, "identifier", alert.Identifier);
            Element(w, "sender", alert.Sender);
            Element(w, "sent", CapText.FormatTime(alert.Sent));
            Element(w, "status", alert.Status.ToString());
            Element(w, "msgType", alert.MsgType.ToString());
            Element(w, "source", alert.Source);
            Element(w, "scope", alert.Scope.ToString());
            Element(w, "restriction", alert.Restriction);
            if (alert.Addresses.Count > 0)
            {
                Element(w, "addresses", CapText.FormatList(alert.Addresses));
            }

            foreach (var code in alert.Codes)
            {
                Element(w, "code", code);
            }

            Element(w, "note", alert.Note);
            if (alert.References.Count > 0)
            {
                Element(w, "references", string.Join(' ', alert.References.Select(CapText.FormatReference)));
            }

            if (alert.Incidents.Count > 0)
            {
                Element(w, "incidents", CapText.FormatList(alert.Incidents));
            }

            foreach (var info in alert.Infos)
            {
                WriteInfo(w, info);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteInfo(XmlWriter w, CapInfo info)
    {
        w.WriteStartElement("info", CapAlert.Namespace);
        Element(w, "language", info.Language);
        foreach (var category in info.Categories)
        {
            Element(w, "category", category.ToString());
        }

        Element(w, "event", info.Event);
        foreach (var response in info.ResponseTypes)
        {
            Element(w, "responseType", response.ToString());
        }

        Element(w, "urgency", info.Urgency.ToString());
        Element(w, "severity", info.Severity.ToString());
        Element(w, "certainty", info.Certainty.ToString());
        Element(w, "audience", info.Audience);
        Values(w, "eventCode", info.EventCodes);
        Element(w, "effective", info.Effective is { } effective ? CapText.FormatTime(effective) : null);
        Element(w, "onset", info.Onset is { } onset ? CapText.FormatTime(onset) : null);
        Element(w, "expires", info.Expires is { } expires ? CapText.FormatTime(expires) : null);
        Element(w, "senderName", info.SenderName);
        Element(w, "headline", info.Headline);
        Element(w, "description", info.Description);
        Element(w, "instruction", info.Instruction);
        Element(w, "web", info.Web);
        Element(w, "contact", info.Contact);
        Values(w, "parameter", info.Parameters);
        foreach (var resource in info.Resources)
        {
            w.WriteStartElement("resource", CapAlert.Namespace);
            Element(w, "resourceDesc", resource.ResourceDesc);
            Element(w, "mimeType", resource.MimeType);
            Element(w, "size", resource.Size?.ToString(CultureInfo.InvariantCulture));
            Element(w, "uri", resource.Uri);
            Element(w, "derefUri", resource.DerefUri);
            Element(w, "digest", resource.Digest);
            w.WriteEndElement();
        }

        foreach (var area in info.Areas)
        {
            w.WriteStartElement("area", CapAlert.Namespace);
            Element(w, "areaDesc", area.AreaDesc);
            foreach (var polygon in area.Polygons)
            {
                Element(w, "polygon", CapText.FormatPolygon(polygon));
            }

            foreach (var circle in area.Circles)
            {
                Element(w, "circle", CapText.FormatCircle(circle));
            }

            Values(w, "geocode", area.Geocodes);
            Element(w, "altitude", area.Altitude?.ToString(CultureInfo.InvariantCulture));
            Element(w, "ceiling", area.Ceiling?.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Values(XmlWriter w, string name, IEnumerable<CapValue> values)
    {
        foreach (var value in values)
        {
            w.WriteStartElement(name, CapAlert.Namespace);
            Element(w, "valueName", value.ValueName);
            Element(w, "value", value.Value);
            w.WriteEndElement();
        }
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, CapAlert.Namespace, value);
        }
    }

    /// <summary>Reads a CAP 1.2 document. Throws <see cref="CapFormatException"/> naming what is missing or malformed.</summary>
    public static CapAlert Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, SafeReaderSettings());
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new CapFormatException($"Not a well-formed XML document without a DTD: {e.Message}", e);
        }

        var root = document.Root!;
        if (root.Name != Ns + "alert")
        {
            throw new CapFormatException($"The root element is {root.Name}, not alert in {CapAlert.Namespace}.");
        }

        return new CapAlert
        {
            Identifier = Required(root, "identifier"),
            Sender = Required(root, "sender"),
            Sent = Time(root, "sent") ?? throw Missing(root, "sent"),
            Status = Enum<CapStatus>(root, "status"),
            MsgType = Enum<CapMsgType>(root, "msgType"),
            Source = Optional(root, "source"),
            Scope = Enum<CapScope>(root, "scope"),
            Restriction = Optional(root, "restriction"),
            Addresses = Optional(root, "addresses") is { } addresses ? CapText.ParseList(addresses) : [],
            Codes = Texts(root, "code"),
            Note = Optional(root, "note"),
            References = ReadReferences(root),
            Incidents = Optional(root, "incidents") is { } incidents ? CapText.ParseList(incidents) : [],
            Infos = [.. root.Elements(Ns + "info").Select(ReadInfo)],
        };
    }

    private static List<CapReference> ReadReferences(XElement alert)
    {
        if (Optional(alert, "references") is not { } text)
        {
            return [];
        }

        var references = CapText.ParseReferences(text, out var error);
        return error is null ? references : throw new CapFormatException($"alert/references: {error}.");
    }

    private static CapInfo ReadInfo(XElement info) => new()
    {
        Language = Optional(info, "language"),
        Categories = [.. info.Elements(Ns + "category").Select(EnumValue<CapCategory>)],
        Event = Required(info, "event"),
        ResponseTypes = [.. info.Elements(Ns + "responseType").Select(EnumValue<CapResponseType>)],
        Urgency = Enum<CapUrgency>(info, "urgency"),
        Severity = Enum<CapSeverity>(info, "severity"),
        Certainty = Enum<CapCertainty>(info, "certainty"),
        Audience = Optional(info, "audience"),
        EventCodes = ReadValues(info, "eventCode"),
        Effective = Time(info, "effective"),
        Onset = Time(info, "onset"),
        Expires = Time(info, "expires"),
        SenderName = Optional(info, "senderName"),
        Headline = Optional(info, "headline"),
        Description = Optional(info, "description"),
        Instruction = Optional(info, "instruction"),
        Web = Optional(info, "web")?.Trim(),
        Contact = Optional(info, "contact"),
        Parameters = ReadValues(info, "parameter"),
        Resources = [.. info.Elements(Ns + "resource").Select(ReadResource)],
        Areas = [.. info.Elements(Ns + "area").Select(ReadArea)],
    };

    private static CapResource ReadResource(XElement resource) => new()
    {
        ResourceDesc = Required(resource, "resourceDesc"),
        MimeType = Required(resource, "mimeType"),
        Size = Optional(resource, "size") is { } size
            ? long.TryParse(size.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : throw Malformed(resource, "size", size)
            : null,
        Uri = Optional(resource, "uri"),
        DerefUri = Optional(resource, "derefUri"),
        Digest = Optional(resource, "digest"),
    };

    private static CapArea ReadArea(XElement area) => new()
    {
        AreaDesc = Required(area, "areaDesc"),
        Polygons = [.. area.Elements(Ns + "polygon").Select(p => CapText.ParsePolygon(p.Value) ?? throw Malformed(area, "polygon", p.Value))],
        Circles = [.. area.Elements(Ns + "circle").Select(c => CapText.ParseCircle(c.Value) ?? throw Malformed(area, "circle", c.Value))],
        Geocodes = ReadValues(area, "geocode"),
        Altitude = Decimal(area, "altitude"),
        Ceiling = Decimal(area, "ceiling"),
    };

    private static List<CapValue> ReadValues(XElement parent, string name) =>
        [.. parent.Elements(Ns + name).Select(e => new CapValue(Required(e, "valueName"), Required(e, "value")))];

    private static string? Optional(XElement parent, string name) => parent.Element(Ns + name)?.Value;

    private static string Required(XElement parent, string name) => Optional(parent, name) ?? throw Missing(parent, name);

    private static List<string> Texts(XElement parent, string name) => [.. parent.Elements(Ns + name).Select(e => e.Value)];

    private static DateTimeOffset? Time(XElement parent, string name) =>
        Optional(parent, name) is not { } text ? null
        : CapText.TryParseTime(text.Trim(), out var time) ? time
        : throw new CapFormatException($"{Path(parent)}/{name} '{text}' is not a CAP time (YYYY-MM-DDThh:mm:ss±hh:mm, no Z, no fractional seconds).");

    private static decimal? Decimal(XElement parent, string name) =>
        Optional(parent, name) is not { } text ? null
        : decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
        : throw Malformed(parent, name, text);

    private static T Enum<T>(XElement parent, string name)
        where T : struct, Enum =>
        EnumValue<T>(parent.Element(Ns + name) ?? throw Missing(parent, name));

    private static T EnumValue<T>(XElement element)
        where T : struct, Enum
    {
        var text = element.Value.Trim();
        // Exact, case-sensitive names only: Enum.TryParse would also take "actual" or "2".
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (value.ToString() == text)
            {
                return value;
            }
        }

        throw new CapFormatException($"{Path(element)} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    private static CapFormatException Missing(XElement parent, string name) => new($"{Path(parent)}/{name} is missing.");

    private static CapFormatException Malformed(XElement parent, string name, string text) => new($"{Path(parent)}/{name} '{text}' is malformed.");

    private static string Path(XElement element) =>
        string.Join('/', element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));
}
