using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sotong.Core.Subscribers.Import;

/// <summary>The workbook could not be read (not an .xlsx, or damaged).</summary>
public sealed class UnreadableWorkbookException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Just enough of SpreadsheetML (ECMA-376) to read the first sheet of an .xlsx as text and to write a small workbook:
/// shared and inline strings, numbers, booleans; rows and cells that are skipped stay skipped. No styles are read, so
/// a date arrives as its serial number (the importer understands those). Written by hand because the spreadsheet
/// libraries served here are old enough to pull in System.Drawing (see docs/subscribers.md).
/// </summary>
public static class SimpleXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const long MaxPartBytes = 200L * 1024 * 1024;
    private static readonly XNamespace M = Main;
    private static readonly XNamespace R = OfficeRels;
    private static readonly XNamespace P = PackageRels;
    private static readonly XNamespace Ct = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <summary>The first worksheet's rows: the 1-based row number and the cells' text by 0-based column.</summary>
    public static IReadOnlyList<(int Row, IReadOnlyList<string?> Cells)> ReadFirstSheet(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sst
                ? Load(sst).Root!.Elements(M + "si").Select(TextOf).ToList()
                : [];
            var sheet = zip.GetEntry(FirstSheetPath(zip)) ?? throw new UnreadableWorkbookException("The workbook has no worksheet.");
            var rows = new List<(int, IReadOnlyList<string?>)>();
            var nextRow = 1;
            foreach (var row in Load(sheet).Root!.Element(M + "sheetData")?.Elements(M + "row") ?? [])
            {
                var number = int.TryParse((string?)row.Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
                nextRow = number + 1;
                var cells = new List<string?>();
                var nextColumn = 0;
                foreach (var c in row.Elements(M + "c"))
                {
                    var column = (string?)c.Attribute("r") is { } reference ? ColumnIndex(reference) : nextColumn;
                    nextColumn = column + 1;
                    while (cells.Count <= column)
                    {
                        cells.Add(null);
                    }
                    cells[column] = CellText(c, shared);
                }
                rows.Add((number, cells));
            }
            return rows;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or SecurityException or FormatException or ArgumentOutOfRangeException)
        {
            throw new UnreadableWorkbookException("The file is not a readable .xlsx workbook.", e);
        }
    }

    /// <summary>A workbook of plain text cells, one worksheet per entry (the first is the one people fill in).</summary>
    public static byte[] Write(IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<string>> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Put(zip, "[Content_Types].xml", new XElement(Ct + "Types",
                new XElement(Ct + "Default",
                    new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
                new XElement(Ct + "Default",
                    new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
                new XElement(Ct + "Override",
                    new XAttribute("PartName", "/xl/workbook.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
                sheets.Select((_, i) => new XElement(Ct + "Override",
                    new XAttribute("PartName", $"/xl/worksheets/sheet{i + 1}.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")))));
            Put(zip, "_rels/.rels", new XElement(P + "Relationships",
                new XElement(P + "Relationship", new XAttribute("Id", "rId1"), new XAttribute("Type", OfficeRels + "/officeDocument"), new XAttribute("Target", "xl/workbook.xml"))));
            Put(zip, "xl/workbook.xml", new XElement(M + "workbook", new XAttribute(XNamespace.Xmlns + "r", OfficeRels),
                new XElement(M + "sheets", sheets.Select((s, i) => new XElement(M + "sheet",
                    new XAttribute("name", s.Name), new XAttribute("sheetId", i + 1), new XAttribute(R + "id", $"rId{i + 1}"))))));
            Put(zip, "xl/_rels/workbook.xml.rels", new XElement(P + "Relationships",
                sheets.Select((_, i) => new XElement(P + "Relationship", new XAttribute("Id", $"rId{i + 1}"),
                    new XAttribute("Type", OfficeRels + "/worksheet"), new XAttribute("Target", $"worksheets/sheet{i + 1}.xml")))));
            for (var i = 0; i < sheets.Count; i++)
            {
                var rows = sheets[i].Rows;
                Put(zip, $"xl/worksheets/sheet{i + 1}.xml", new XElement(M + "worksheet",
                    new XElement(M + "sheetData", rows.Select((row, r) => new XElement(M + "row", new XAttribute("r", r + 1),
                        row.Select((value, c) => new XElement(M + "c", new XAttribute("r", ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture)), new XAttribute("t", "inlineStr"),
                            new XElement(M + "is", new XElement(M + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), value)))))))));
            }
        }
        return buffer.ToArray();
    }

    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                index = index * 26 + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                index = index * 26 + (ch - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return index == 0 ? throw new FormatException($"\"{reference}\" is not a cell reference.") : index - 1;
    }

    public static string ColumnName(int index)
    {
        var sb = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            sb.Insert(0, (char)('A' + (n - 1) % 26));
        }
        return sb.ToString();
    }

    private static string FirstSheetPath(ZipArchive zip)
    {
        const string fallback = "xl/worksheets/sheet1.xml";
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return fallback;
        }
        var id = (string?)Load(workbook).Root!.Element(M + "sheets")?.Elements(M + "sheet").FirstOrDefault()?.Attribute(R + "id");
        var target = (string?)Load(rels).Root!.Elements(P + "Relationship").FirstOrDefault(r => (string?)r.Attribute("Id") == id)?.Attribute("Target");
        if (target is null)
        {
            return fallback;
        }
        return target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static string? CellText(XElement c, List<string> shared)
    {
        var type = (string?)c.Attribute("t");
        var value = (string?)c.Element(M + "v");
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : null,
            "inlineStr" => c.Element(M + "is") is { } inline ? TextOf(inline) : null,
            "b" => value == "1" ? "TRUE" : "FALSE",
            "e" => null,
            _ => value,
        };
    }

    /// <summary>A string item's text: its runs joined, without the phonetic guide (rPh) some Asian-language files carry.</summary>
    private static string TextOf(XElement item) =>
        string.Concat(item.Descendants(M + "t").Where(t => !t.Ancestors(M + "rPh").Any()).Select(t => t.Value));

    private static XDocument Load(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartBytes)
        {
            throw new UnreadableWorkbookException("The workbook is too large.");
        }
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private static void Put(ZipArchive zip, string path, XElement root)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(writer);
    }
}
