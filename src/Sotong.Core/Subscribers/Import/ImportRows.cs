using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Subscribers.Enrol;
using Sotong.Core.Subscribers.Reference;

namespace Sotong.Core.Subscribers.Import;

public enum SubscriberFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>One data row of a file: its row number as the spreadsheet shows it, and its cells by canonical column name.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Fields)
{
    public string? this[string column] => Fields.TryGetValue(column, out var v) ? v : null;
}

/// <summary>The columns of the paper-backlog file; each is recognised by its English key or its Korean heading.</summary>
public static class ImportColumns
{
    public const string Phone = "phone";
    public const string Gender = "gender";
    public const string BirthYear = "birth_year";
    public const string Dong = "dong";
    public const string Interests = "interests";
    public const string ConsentDate = "consent_date";
    public const string Household = "household";
    public const string GuardianConsent = "guardian_consent";

    public static readonly IReadOnlyList<string> All = [Phone, Gender, BirthYear, Dong, Interests, ConsentDate, Household, GuardianConsent];
    public static readonly IReadOnlyList<string> Required = [Phone, BirthYear, Dong, Interests, ConsentDate];

    /// <summary>The template's Korean headings, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> KoreanHeadings = ["전화번호", "성별", "출생연도", "행정동", "관심분야", "동의일자", "가구", "보호자동의"];

    private static readonly Dictionary<string, string> Aliases = BuildAliases();

    /// <summary>The canonical name of a heading, or null when the column is not one of ours (it is then ignored).</summary>
    public static string? Canonical(string? heading) =>
        heading is not null && Aliases.TryGetValue(Key(heading), out var name) ? name : null;

    private static string Key(string heading) =>
        new(heading.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '(' or ')' or '*')).ToArray());

    private static Dictionary<string, string> BuildAliases()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string canonical, params string[] names)
        {
            map[Key(canonical)] = canonical;
            foreach (var n in names)
            {
                map[Key(n)] = canonical;
            }
        }
        Add(Phone, "전화번호", "휴대전화", "휴대전화번호", "휴대폰", "휴대폰번호", "연락처", "mobile", "phone number");
        Add(Gender, "성별", "sex");
        Add(BirthYear, "출생연도", "출생년도", "생년", "birthyear", "year of birth");
        Add(Dong, "행정동", "거주동", "동", "dong code", "residence");
        Add(Interests, "관심분야", "관심 분야", "interest", "interest areas");
        Add(ConsentDate, "동의일자", "동의일", "동의 날짜", "consented", "consent");
        Add(Household, "가구", "세대", "household label");
        Add(GuardianConsent, "보호자동의", "보호자 동의", "guardian");
        return map;
    }
}

/// <summary>Reads CSV (UTF-8, with a header line) and XLSX (the first sheet, a header row) into rows of named cells.</summary>
public static class ImportFiles
{
    public static SubscriberFileFormat? FormatOf(string? contentType, string? fileName)
    {
        var name = fileName?.ToLowerInvariant() ?? "";
        var type = contentType?.ToLowerInvariant() ?? "";
        if (name.EndsWith(".xlsx", StringComparison.Ordinal) || type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            return SubscriberFileFormat.Xlsx;
        }
        if (name.EndsWith(".csv", StringComparison.Ordinal) || type.StartsWith("text/csv", StringComparison.Ordinal) || type.StartsWith("text/plain", StringComparison.Ordinal))
        {
            return SubscriberFileFormat.Csv;
        }
        return null;
    }

    /// <summary>The data rows (blank rows left out); a file whose header lacks a required column is refused whole.</summary>
    public static IReadOnlyList<ImportRow> Read(Stream body, SubscriberFileFormat format, IStringLocalizer<Text> text)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(text);
        var (header, rows) = format switch
        {
            SubscriberFileFormat.Csv => ReadCsv(body, text),
            SubscriberFileFormat.Xlsx => ReadXlsx(body, text),
        };
        var columns = header.Select(ImportColumns.Canonical).ToList();
        var missing = ImportColumns.Required.Where(r => !columns.Contains(r)).ToList();
        if (header.Count == 0 || missing.Count > 0)
        {
            throw FileProblem(text["Subscribers.ImportHeader", string.Join(", ", missing.Count > 0 ? missing : ImportColumns.Required)]);
        }
        var result = new List<ImportRow>();
        foreach (var (number, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count && i < cells.Count; i++)
            {
                if (columns[i] is { } name && !fields.ContainsKey(name))
                {
                    fields[name] = cells[i]?.Trim();
                }
            }
            result.Add(new ImportRow(number, fields));
        }
        return result;
    }

    private static (IReadOnlyList<string?> Header, IEnumerable<(int, IReadOnlyList<string?>)> Rows) ReadCsv(Stream body, IStringLocalizer<Text> text)
    {
        var reader = new StreamReader(body, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
            IgnoreBlankLines = true,
        };
        var rows = new List<(int, IReadOnlyList<string?>)>();
        IReadOnlyList<string?> header = [];
        try
        {
            using var csv = new CsvReader(reader, config);
            if (csv.Read() && csv.ReadHeader())
            {
                header = csv.HeaderRecord ?? [];
            }
            while (csv.Read())
            {
                // The spreadsheet's row number: the header is row 1.
                rows.Add((csv.Parser.Row, csv.Parser.Record ?? []));
            }
        }
        catch (DecoderFallbackException)
        {
            throw FileProblem(text["Subscribers.ImportNotUtf8"]);
        }
        return (header, rows);
    }

    private static (IReadOnlyList<string?> Header, IEnumerable<(int, IReadOnlyList<string?>)> Rows) ReadXlsx(Stream body, IStringLocalizer<Text> text)
    {
        IReadOnlyList<(int Row, IReadOnlyList<string?> Cells)> sheet;
        try
        {
            sheet = SimpleXlsx.ReadFirstSheet(body);
        }
        catch (UnreadableWorkbookException)
        {
            throw FileProblem(text["Subscribers.ImportNotXlsx"]);
        }
        var headerIndex = -1;
        for (var i = 0; i < sheet.Count; i++)
        {
            if (!sheet[i].Cells.All(string.IsNullOrWhiteSpace))
            {
                headerIndex = i;
                break;
            }
        }
        return headerIndex < 0 ? ([], []) : (sheet[headerIndex].Cells, sheet.Skip(headerIndex + 1).Select(r => (r.Row, r.Cells)));
    }

    private static RequestValidationException FileProblem(string message) => new(new Dictionary<string, string[]> { ["file"] = [message] });
}

/// <summary>Turns one row's text into a form: what people write on paper (여/남, 2024.3.5, 예/아니오, an Excel date) is understood.</summary>
public static class ImportRowParser
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy.MM.dd", "yyyy.M.d", "yyyy. M. d", "yyyy. M. d.", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    public static EnrolmentInput Parse(ImportRow row, IStringLocalizer<Text> text, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fail);
        var gender = SubscriberGender.Unspecified;
        if (row[ImportColumns.Gender] is { Length: > 0 } g)
        {
            if (ParseGender(g) is { } parsed)
            {
                gender = parsed;
            }
            else
            {
                fail("gender", text["Subscribers.ImportGender", g]);
            }
        }
        int? birthYear = null;
        if (row[ImportColumns.BirthYear] is { Length: > 0 } y)
        {
            if (decimal.TryParse(y, NumberStyles.Number, CultureInfo.InvariantCulture, out var year) && year == decimal.Truncate(year) && year is > 0 and < 10000)
            {
                birthYear = (int)year;
            }
            else
            {
                fail("birthYear", text["Subscribers.ImportBirthYear", y]);
            }
        }
        DateOnly? consentDate = null;
        if (row[ImportColumns.ConsentDate] is { Length: > 0 } d)
        {
            consentDate = ParseDate(d);
            if (consentDate is null)
            {
                fail("consentDate", text["Subscribers.ImportDate", d]);
            }
        }
        var guardian = false;
        if (row[ImportColumns.GuardianConsent] is { Length: > 0 } gc)
        {
            if (ParseBool(gc) is { } yes)
            {
                guardian = yes;
            }
            else
            {
                fail("guardianConsent", text["Subscribers.ImportYesNo", gc]);
            }
        }
        var interests = SplitInterests(row[ImportColumns.Interests]);
        return new EnrolmentInput(PhoneCell(row[ImportColumns.Phone]), gender, birthYear, row[ImportColumns.Dong], interests, consentDate, row[ImportColumns.Household], guardian);
    }

    /// <summary>Parses the row and applies the paper-form rules; a field that could not be read is reported once, not twice.</summary>
    public static ValidEnrolment? Check(ImportRow row, ReferenceLookup lookup, int currentYear, DateOnly today, int retentionMonths, IStringLocalizer<Text> text, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(fail);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var input = Parse(row, text, (field, message) =>
        {
            unreadable.Add(field);
            fail(field, message);
        });
        var form = EnrolmentRules.Check(input, lookup, currentYear, today, retentionMonths, text, (field, message) =>
        {
            if (!unreadable.Contains(field))
            {
                fail(field, message);
            }
        });
        return unreadable.Count == 0 ? form : null;
    }

    public static SubscriberGender? ParseGender(string value) => value.Trim().ToLowerInvariant() switch
    {
        "f" or "female" or "woman" or "여" or "여성" or "여자" => SubscriberGender.Female,
        "m" or "male" or "man" or "남" or "남성" or "남자" => SubscriberGender.Male,
        "" or "-" or "unspecified" or "기타" or "미상" or "무응답" => SubscriberGender.Unspecified,
        _ => null,
    };

    public static bool? ParseBool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "y" or "yes" or "true" or "1" or "o" or "예" or "네" or "동의" or "있음" => true,
        "n" or "no" or "false" or "0" or "x" or "아니오" or "아니요" or "미동의" or "없음" => false,
        _ => null,
    };

    /// <summary>A date as people write it, or an Excel serial number (a date cell read without its style).</summary>
    public static DateOnly? ParseDate(string value)
    {
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return date;
        }
        if (DateTime.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dateTime))
        {
            return DateOnly.FromDateTime(dateTime);
        }
        // Serials 20000–80000 are the years 1954–2119; anything else is not a date someone meant.
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        return null;
    }

    /// <summary>Interest areas separated by commas, semicolons, slashes or bars ("보건·의료" keeps its dot).</summary>
    public static IReadOnlyList<string> SplitInterests(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split([',', ';', '/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A spreadsheet that took the number for a number drops its leading 0 ("1012345678") or writes it in exponent form;
    /// both are put back. Anything else is left for the phone rule to judge.
    /// </summary>
    public static string? PhoneCell(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        var v = value.Trim();
        if (v.Contains('E', StringComparison.OrdinalIgnoreCase) && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number))
        {
            v = number.ToString("0", CultureInfo.InvariantCulture);
        }
        if (v.All(char.IsAsciiDigit) && v.Length is 9 or 10 && v[0] == '1')
        {
            v = "0" + v;
        }
        return v;
    }
}
