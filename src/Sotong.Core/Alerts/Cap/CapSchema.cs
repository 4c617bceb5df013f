using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sotong.Core.Alerts.Cap;

/// <summary>
/// Checks a CAP document against the standard: Sotong's CAP 1.2 XSD (embedded <c>cap-1.2.xsd</c>) for structure,
/// order, cardinality, value lists and the time form, then in code the rules XSD cannot state. An empty list
/// means the document conforms. Messages are English and carry the line and position.
/// </summary>
public static class CapSchema
{
    private const string ResourceName = "Sotong.Core.Alerts.Cap.cap-1.2.xsd";

    private static readonly XNamespace Ns = CapAlert.Namespace;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    // XmlSchemaSet promises no thread safety even for reading; checks are rare (one per issued message), so they take turns.
    private static readonly Lock SchemaLock = new();

    /// <summary>The XSD text, for anyone who wants to publish or reuse it.</summary>
    public static string SchemaText()
    {
        using var stream = OpenSchema();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> Check(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var problems = new List<string>();
        var settings = CapXml.SafeReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = Schemas.Value;
        settings.ValidationEventHandler += (_, e) => problems.Add($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            lock (SchemaLock)
            {
                using var reader = XmlReader.Create(text, settings);
                document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
        }
        catch (XmlException e)
        {
            problems.Add($"line {e.LineNumber}, position {e.LinePosition}: {e.Message}");
            return problems;
        }

        var root = document.Root!;
        if (root.Name != Ns + "alert")
        {
            // The validator only warns about elements it has no schema for, so a foreign root would pass silently.
            problems.Add($"{At(root)}the root element is {root.Name}, not alert in {CapAlert.Namespace}.");
            return problems;
        }

        CheckBeyondSchema(root, problems);
        return problems;
    }

    private static void CheckBeyondSchema(XElement alert, List<string> problems)
    {
        var scope = alert.Element(Ns + "scope")?.Value;
        if (scope == nameof(CapScope.Restricted) && string.IsNullOrWhiteSpace(alert.Element(Ns + "restriction")?.Value))
        {
            problems.Add($"{At(alert)}scope Restricted requires a restriction element.");
        }

        if (scope == nameof(CapScope.Private) && string.IsNullOrWhiteSpace(alert.Element(Ns + "addresses")?.Value))
        {
            problems.Add($"{At(alert)}scope Private requires an addresses element.");
        }

        var msgType = alert.Element(Ns + "msgType")?.Value;
        var references = alert.Element(Ns + "references");
        if (msgType is nameof(CapMsgType.Update) or nameof(CapMsgType.Cancel) or nameof(CapMsgType.Ack) or nameof(CapMsgType.Error) && references is null)
        {
            problems.Add($"{At(alert)}msgType {msgType} requires references naming the earlier message(s).");
        }

        if (references is not null)
        {
            CapText.ParseReferences(references.Value, out var error);
            if (error is not null)
            {
                problems.Add($"{At(references)}references must be space-separated sender,identifier,sent triples: {error}.");
            }
        }

        foreach (var web in alert.Elements(Ns + "info").Elements(Ns + "web"))
        {
            if (!CapText.IsAbsoluteUri(web.Value.Trim()))
            {
                problems.Add($"{At(web)}web must be a full absolute URI.");
            }
        }

        foreach (var area in alert.Elements(Ns + "info").Elements(Ns + "area"))
        {
            foreach (var polygon in area.Elements(Ns + "polygon"))
            {
                // A polygon the XSD pattern rejected has already been reported.
                if (CapText.ParsePolygon(polygon.Value) is not { Count: >= 4 } points)
                {
                    continue;
                }

                if (points[0] != points[^1])
                {
                    problems.Add($"{At(polygon)}a polygon's first and last points must be the same.");
                }

                if (!points.All(CapText.InRange))
                {
                    problems.Add($"{At(polygon)}a polygon point is outside latitude -90..90 or longitude -180..180.");
                }
            }

            foreach (var circle in area.Elements(Ns + "circle"))
            {
                if (CapText.ParseCircle(circle.Value) is { } c && !CapText.InRange(c.Center))
                {
                    problems.Add($"{At(circle)}a circle's centre is outside latitude -90..90 or longitude -180..180.");
                }
            }

            if (area.Element(Ns + "ceiling") is { } ceiling && area.Element(Ns + "altitude") is null)
            {
                problems.Add($"{At(ceiling)}ceiling may only be used with altitude.");
            }
        }
    }

    private static string At(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}: " : "";

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using (var stream = OpenSchema())
        using (var reader = XmlReader.Create(stream, CapXml.SafeReaderSettings()))
        {
            set.Add(CapAlert.Namespace, reader);
        }

        set.Compile();
        return set;
    }

    private static Stream OpenSchema() =>
        typeof(CapSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
}
