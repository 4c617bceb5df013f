using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.Enrol;
using Sotong.Core.Subscribers.Import;
using Sotong.Core.Subscribers.Reference;

namespace Sotong.Tests.Subscribers;

/// <summary>Answers with the resource name, so tests can tell which message a rule chose.</summary>
internal sealed class KeyLocalizer : IStringLocalizer<Text>
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, name + ":" + string.Join("|", arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

public sealed class ImportRowTests
{
    private static readonly KeyLocalizer Text = new();
    private static readonly DateOnly Today = new(2026, 6, 1);

    internal static ReferenceLookup Lookup() => new(
        JungGu.Dongs.Select((d, i) => new DongView(d.Code, d.NameKo, d.NameEn, i, true)).ToList(),
        JungGu.Interests.Select((x, i) => new InterestView(x.Code, i, x.NameKo, x.NameEn, i, true)).ToList());

    private static ImportRow Row(string? phone = "010-1234-5678", string? gender = "여", string? birthYear = "1980", string? dong = "명동",
        string? interests = "복지, 보건·의료", string? consent = "2026-05-20", string? household = null, string? guardian = null) =>
        new(7, new Dictionary<string, string?>
        {
            [ImportColumns.Phone] = phone, [ImportColumns.Gender] = gender, [ImportColumns.BirthYear] = birthYear, [ImportColumns.Dong] = dong,
            [ImportColumns.Interests] = interests, [ImportColumns.ConsentDate] = consent, [ImportColumns.Household] = household, [ImportColumns.GuardianConsent] = guardian,
        });

    private static (ValidEnrolment? Form, List<(string Field, string Message)> Errors) Check(ImportRow row)
    {
        var errors = new List<(string, string)>();
        var form = ImportRowParser.Check(row, Lookup(), Today.Year, Today, 24, Text, (f, m) => errors.Add((f, m)));
        return (errors.Count == 0 ? form : null, errors);
    }

    [Fact]
    public void Given_a_row_as_people_fill_it_in_Then_it_becomes_a_form_in_stored_terms()
    {
        var (form, errors) = Check(Row(household: " 101동 1203호 "));
        errors.ShouldBeEmpty();
        form!.NormalizedPhone.ShouldBe("01012345678");
        form.Gender.ShouldBe(SubscriberGender.Female);
        form.BirthYear.ShouldBe(1980);
        form.DongCode.ShouldBe("myeong");
        form.Interests.ShouldBe(0b11); // welfare (bit 0) and health (bit 1)
        form.ConsentDate.ShouldBe(new DateOnly(2026, 5, 20));
        form.HouseholdLabel.ShouldBe("101동 1203호");
    }

    [Theory]
    [InlineData("phone", "02-123-4567", "Subscribers.PhoneInvalid")]
    [InlineData("phone", "", "Subscribers.PhoneRequired")]
    [InlineData("gender", "?", "Subscribers.ImportGender")]
    [InlineData("birthYear", "1980년", "Subscribers.ImportBirthYear")]
    [InlineData("birthYear", "1850", "Subscribers.BirthYearRange")]
    [InlineData("birthYear", "2015", "Subscribers.TooYoungOnPaper")]
    [InlineData("dong", "역삼동", "Subscribers.DongUnknown")]
    [InlineData("dong", "", "Subscribers.DongRequired")]
    [InlineData("interests", "복지; 우주여행", "Subscribers.InterestUnknown")]
    [InlineData("interests", "", "Subscribers.InterestsRequired")]
    [InlineData("consentDate", "어제", "Subscribers.ImportDate")]
    [InlineData("consentDate", "2026-06-02", "Subscribers.ConsentDateFuture")]
    [InlineData("consentDate", "2024-06-01", "Subscribers.ConsentDateExpired")]
    [InlineData("consentDate", "", "Subscribers.ConsentDateRequired")]
    [InlineData("guardianConsent", "maybe", "Subscribers.ImportYesNo")]
    public void Given_a_bad_cell_Then_the_row_is_refused_with_the_field_and_the_message(string field, string value, string message)
    {
        var row = field switch
        {
            "phone" => Row(phone: value),
            "gender" => Row(gender: value),
            "birthYear" => Row(birthYear: value),
            "dong" => Row(dong: value),
            "interests" => Row(interests: value),
            "consentDate" => Row(consent: value),
            _ => Row(guardian: value),
        };
        var (form, errors) = Check(row);
        form.ShouldBeNull();
        errors.Count.ShouldBe(1);
        errors[0].Field.ShouldBe(field);
        errors[0].Message.ShouldStartWith(message);
    }

    [Fact]
    public void Given_an_under_14_with_the_guardians_signature_Then_the_paper_form_is_accepted()
    {
        var (form, errors) = Check(Row(birthYear: "2015", guardian: "예"));
        errors.ShouldBeEmpty();
        form!.GuardianConsent.ShouldBeTrue();
        // Fourteen this year needs no guardian, and none is recorded.
        Check(Row(birthYear: "2012", guardian: "예")).Form!.GuardianConsent.ShouldBeFalse();
    }

    [Fact]
    public void Given_several_bad_cells_Then_each_is_reported()
    {
        var (_, errors) = Check(Row(phone: "12", dong: "역삼동", interests: ""));
        errors.Select(e => e.Field).ShouldBe(["phone", "dong", "interests"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("1012345678", "01012345678")]
    [InlineData("1.012345678E+9", "01012345678")]
    [InlineData("010-1234-5678", "010-1234-5678")]
    [InlineData("111234567", "0111234567")]
    public void Given_a_number_a_spreadsheet_mangled_Then_its_leading_zero_is_put_back(string cell, string expected) =>
        ImportRowParser.PhoneCell(cell).ShouldBe(expected);

    [Theory]
    [InlineData("2026-03-05")]
    [InlineData("2026.03.05")]
    [InlineData("2026.3.5")]
    [InlineData("2026. 3. 5.")]
    [InlineData("2026/3/5")]
    [InlineData("20260305")]
    [InlineData("46086")] // the Excel serial of 2026-03-05
    public void Given_a_date_as_written_or_as_an_excel_serial_Then_it_is_read(string cell) =>
        ImportRowParser.ParseDate(cell).ShouldBe(new DateOnly(2026, 3, 5));

    [Theory]
    [InlineData("복지,교통", 2)]
    [InlineData("welfare; transport; safety", 3)]
    [InlineData("보건·의료", 1)]
    [InlineData("복지 / 문화 | 환경", 3)]
    public void Given_interests_in_one_cell_Then_they_are_split_but_a_name_with_a_dot_stays_whole(string cell, int count) =>
        ImportRowParser.SplitInterests(cell).Count.ShouldBe(count);

    [Fact]
    public void Given_a_csv_with_korean_headings_Then_rows_carry_the_spreadsheet_row_numbers()
    {
        var csv = "\uFEFF전화번호,성별,출생연도,행정동,관심분야,동의일자,비고\r\n010-1111-2222,여,1970,명동,\"복지,교통\",2026-05-01,메모\r\n\r\n,,,,,,\r\n010-3333-4444,남,1990,sogong,culture,2026-05-02,\r\n";
        var rows = ImportFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), SubscriberFileFormat.Csv, Text);
        rows.Count.ShouldBe(2);
        rows[0].Number.ShouldBe(2);
        rows[0][ImportColumns.Interests].ShouldBe("복지,교통");
        rows[1][ImportColumns.Dong].ShouldBe("sogong");
        rows[1].Number.ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Given_a_file_without_a_required_column_Then_it_is_refused_whole()
    {
        var csv = "phone,gender,birth_year,dong\r\n010-1111-2222,F,1970,myeong\r\n";
        var e = Should.Throw<RequestValidationException>(() => ImportFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), SubscriberFileFormat.Csv, Text));
        e.Errors["file"][0].ShouldContain("interests");
        e.Errors["file"][0].ShouldContain("consent_date");
    }

    [Fact]
    public void Given_an_xlsx_with_shared_strings_numbers_and_gaps_Then_the_first_sheet_is_read_by_cell_reference()
    {
        var xlsx = HandMadeXlsx(
            """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>전화번호</t></si><si><t>출생연도</t></si><si><r><t>행정</t></r><r><t>동</t></r></si><si><t>관심분야</t></si><si><t>동의일자</t></si><si><t>명동</t><rPh><t>ミョンドン</t></rPh></si><si><t>복지, 교통</t></si></sst>""",
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
              <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
              <row r="3"><c r="A3"><v>1012345678</v></c><c r="B3"><v>1985</v></c><c r="C3" t="s"><v>5</v></c><c r="D3" t="s"><v>6</v></c><c r="E3"><v>46086</v></c></row>
              <row r="4"><c r="A4" t="inlineStr"><is><t>010-9999-0000</t></is></c><c r="C4" t="s"><v>5</v></c></row>
            </sheetData></worksheet>
            """);
        var rows = ImportFiles.Read(new MemoryStream(xlsx), SubscriberFileFormat.Xlsx, Text);
        rows.Count.ShouldBe(2);
        rows[0].Number.ShouldBe(3);
        rows[0][ImportColumns.Dong].ShouldBe("명동");
        rows[0][ImportColumns.Interests].ShouldBe("복지, 교통");
        var errors = new List<string>();
        var form = EnrolmentRules.Check(ImportRowParser.Parse(rows[0], Text, (f, _) => errors.Add(f)), Lookup(), 2026, Today, 24, Text, (f, _) => errors.Add(f));
        errors.ShouldBeEmpty();
        form!.NormalizedPhone.ShouldBe("01012345678");
        form.ConsentDate.ShouldBe(new DateOnly(2026, 3, 5));
        rows[1].Number.ShouldBe(4);
        rows[1][ImportColumns.BirthYear].ShouldBeNull();
    }

    [Fact]
    public void Given_a_workbook_we_wrote_Then_it_reads_back_cell_for_cell()
    {
        var bytes = SimpleXlsx.Write([("first", [["a", "b"], ["", "보건·의료"]]), ("second", [["x"]])]);
        var rows = SimpleXlsx.ReadFirstSheet(new MemoryStream(bytes));
        rows.Select(r => r.Row).ShouldBe([1, 2]);
        rows[0].Cells.ShouldBe(["a", "b"]);
        rows[1].Cells.ShouldBe(["", "보건·의료"]);
    }

    [Fact]
    public void Given_something_that_is_not_a_workbook_Then_the_file_is_refused_with_a_message() =>
        Should.Throw<RequestValidationException>(() => ImportFiles.Read(new MemoryStream("not a zip"u8.ToArray()), SubscriberFileFormat.Xlsx, Text))
            .Errors["file"][0].ShouldBe("Subscribers.ImportNotXlsx");

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("AB3", 27)]
    public void Given_a_cell_reference_Then_its_column_index_is_found(string reference, int index)
    {
        SimpleXlsx.ColumnIndex(reference).ShouldBe(index);
        SimpleXlsx.ColumnName(index).ShouldBe(new string(reference.TakeWhile(char.IsLetter).ToArray()));
    }

    internal static byte[] HandMadeXlsx(string sharedStrings, string sheet)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string path, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Put("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
            Put("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="명단" sheetId="1" r:id="rId7"/></sheets></workbook>""");
            Put("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>""");
            Put("xl/sharedStrings.xml", sharedStrings);
            Put("xl/worksheets/data.xml", sheet);
        }
        return buffer.ToArray();
    }
}
