using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Sotong.Core.Open311.Formats;

/// <summary>
/// One element of a GeoReport v2 document. The spec defines XML and derives JSON from it by the Spark convention
/// (a list element becomes an array of its items, a leaf becomes a member), so each answer is built once as this tree
/// and written in the format the URL asks for.
/// </summary>
public abstract record Open311Node(string Name);

/// <summary>A leaf: a string, a bool, an integer, a double, or null (XML: an empty element; JSON: null).</summary>
public sealed record Open311Value(string Name, object? Value) : Open311Node(Name);

/// <summary>An element with named children: a JSON object.</summary>
public sealed record Open311Object(string Name, IReadOnlyList<Open311Node> Children) : Open311Node(Name);

/// <summary>An element that repeats one item element (<c>services/service</c>): a JSON array.</summary>
public sealed record Open311List(string Name, IReadOnlyList<Open311Node> Items) : Open311Node(Name);

public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>Writes a document as <c>text/xml</c> or <c>application/json</c>, UTF-8, with the HTTP status given.</summary>
public sealed class Open311Result(Open311Node document, Open311Format format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Open311Node Document { get; } = document;
    public int StatusCode { get; } = statusCode;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        // Served as application/json, never inlined in HTML: Korean, '+' in offsets and '<' stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        // Line breaks in descriptions stay as sent.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = Render(Document, format);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static byte[] Render(Open311Node document, Open311Format format)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            WriteJsonValue(json, document);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, XmlSettings);
            // The spec asks for the declaration with encoding="utf-8" before the root element.
            xml.WriteStartDocument();
            WriteXml(xml, document);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311Value v:
                WriteJsonScalar(json, v.Value);
                break;
            case Open311Object o:
                json.WriteStartObject();
                foreach (var child in o.Children)
                {
                    json.WritePropertyName(child.Name);
                    WriteJsonValue(json, child);
                }
                json.WriteEndObject();
                break;
            case Open311List l:
                json.WriteStartArray();
                foreach (var item in l.Items)
                {
                    WriteJsonValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static void WriteJsonScalar(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteXml(XmlWriter xml, Open311Node node)
    {
        xml.WriteStartElement(node.Name);
        switch (node)
        {
            case Open311Value v:
                var text = XmlText(v.Value);
                if (text.Length > 0)
                {
                    xml.WriteString(text);
                }
                break;
            case Open311Object o:
                foreach (var child in o.Children)
                {
                    WriteXml(xml, child);
                }
                break;
            case Open311List l:
                foreach (var item in l.Items)
                {
                    WriteXml(xml, item);
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
        xml.WriteEndElement();
    }

    private static string XmlText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
