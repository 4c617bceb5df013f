using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Subscribers;
using Sotong.Core.Subscribers.Households;
using Sotong.Core.Subscribers.Import;
using Sotong.Core.Subscribers.Retention;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Subscribers;

public sealed class SqliteStaffSubscriberTests(SubscribersSqliteApp app) : StaffSubscriberTests<SubscribersSqliteApp>(app);

public sealed class PostgresStaffSubscriberTests(SubscribersPostgresApp app) : StaffSubscriberTests<SubscribersPostgresApp>(app);

/// <summary>Staff's side: the list, paper forms with households, withdrawal on request, CSV/XLSX import with a dry run, the retention purge.</summary>
public abstract class StaffSubscriberTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private static string Today => SeoulTime.FormatDate(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static object Form(string phone, string dong = "sindang5", string? household = null, int birthYear = 1960, string? consentDate = null, bool guardian = false) =>
        new { phone, gender = "Male", birthYear, dongCode = dong, interests = new[] { "복지", "health" }, consentDate = consentDate ?? Today, householdLabel = household, guardianConsent = guardian };

    [Fact]
    public async Task Given_paper_forms_Then_staff_enter_them_with_the_written_consent_date_and_the_same_household_label_groups_them()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var label = $"101동 {Random.Shared.Next(100000)}호";
        var firstPhone = SubscriberApp.NewPhone();
        var written = DateOnly.FromDateTime(SeoulTime.ToSeoul(TimeProvider.System.GetUtcNow().UtcDateTime)).AddDays(-20);
        var first = await comms.PostAsJsonAsync("/api/v1/subscribers", Form(firstPhone, household: label, consentDate: written.ToString("yyyy-MM-dd")));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var one = (await first.Content.ReadFromJsonAsync<EnrolledDto>())!;
        one.HouseholdId.ShouldNotBeNull();
        var two = (await (await comms.PostAsJsonAsync("/api/v1/subscribers", Form(SubscriberApp.NewPhone(), household: " " + label.Replace(" ", "  ") + " "))).Content.ReadFromJsonAsync<EnrolledDto>())!;
        two.HouseholdId.ShouldBe(one.HouseholdId);
        // The same label in another dong is another household.
        var elsewhere = (await (await comms.PostAsJsonAsync("/api/v1/subscribers", Form(SubscriberApp.NewPhone(), dong: "jangchung", household: label))).Content.ReadFromJsonAsync<EnrolledDto>())!;
        elsewhere.HouseholdId.ShouldNotBe(one.HouseholdId);

        var s = (await app.SubscriberAsync(one.Id))!;
        (s.Status, s.Source).ShouldBe((SubscriberStatus.Active, SubscriberSource.PaperForm));
        s.ConsentedAtUtc.ShouldBe(SeoulTime.StartOfDayUtc(written));
        s.ExpiresAtUtc.ShouldBe(SeoulTime.StartOfDayUtc(written).AddMonths(24));
        s.ConfirmedAtUtc.ShouldBeNull();

        var detail = (await comms.GetFromJsonAsync<SubscriberDetailDto>($"/api/v1/subscribers/{one.Id}"))!;
        detail.Summary.MaskedPhone.ShouldBe("***-****-" + firstPhone[^4..]);
        (detail.HouseholdLabel, detail.HouseholdMembers).ShouldBe((label, 2));
        detail.History.Single().Action.ShouldBe("PaperFormEntered");

        // The same number twice is refused; so are forms with problems, field by field.
        (await comms.PostAsJsonAsync("/api/v1/subscribers", Form(firstPhone))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var bad = await comms.PostAsJsonAsync("/api/v1/subscribers", new { phone = "010-12", gender = "Female", birthYear = 2020, dongCode = "gangnam", interests = Array.Empty<string>(), consentDate = "2030-01-01" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["phone", "birthYear", "dong", "interests", "consentDate"], ignoreOrder: true);
        // Under 14 on paper: only with the guardian's signature.
        var child = await comms.PostAsJsonAsync("/api/v1/subscribers", Form(SubscriberApp.NewPhone(), birthYear: SeoulTime.ToSeoul(TimeProvider.System.GetUtcNow().UtcDateTime).Year - 10, guardian: true));
        child.StatusCode.ShouldBe(HttpStatusCode.Created);

        // A department officer sees the list but does not enter forms.
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.PostAsJsonAsync("/api/v1/subscribers", Form(SubscriberApp.NewPhone()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = (await bus.GetFromJsonAsync<PageDto<SubscriberItemDto>>("/api/v1/subscribers?dongCode=sindang5&status=Active&interest=복지"))!;
        list.Items.ShouldContain(i => i.Id == one.Id);
        list.Items.ShouldAllBe(i => i.DongCode == "sindang5" && i.Status == "Active" && (i.Interests & 1) == 1 && i.MaskedPhone.StartsWith("***-****-"));
        (await app.NewClient().GetAsync("/api/v1/subscribers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_resident_asking_staff_Then_staff_withdraw_them_with_a_reason_kept_in_the_history()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var id = (await (await comms.PostAsJsonAsync("/api/v1/subscribers", Form(SubscriberApp.NewPhone()))).Content.ReadFromJsonAsync<EnrolledDto>())!.Id;
        var noReason = await comms.PostAsJsonAsync($"/api/v1/subscribers/{id}/withdraw", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await comms.PostAsJsonAsync($"/api/v1/subscribers/{id}/withdraw", new { reason = "전화로 요청 (010-1234-5678)" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await comms.PostAsJsonAsync($"/api/v1/subscribers/{id}/withdraw", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await comms.GetFromJsonAsync<SubscriberDetailDto>($"/api/v1/subscribers/{id}"))!;
        (detail.Summary.Status, detail.WithdrawnVia).ShouldBe(("Withdrawn", "staff"));
        var withdrawn = detail.History.Last();
        withdrawn.Action.ShouldBe("Withdrawn");
        withdrawn.Detail!.ShouldContain("전화로 요청");
        withdrawn.Detail!.ShouldNotContain("1234-5678");

        var page = WebUtility.HtmlDecode(await comms.GetStringAsync($"/staff/subscribers/{id}"));
        page.ShouldContain("전화로 요청");
        var list = WebUtility.HtmlDecode(await comms.GetStringAsync("/staff/subscribers?status=Withdrawn"));
        list.ShouldContain(id.ToString());
    }

    private static string Csv(params string[] lines) => "\uFEFF" + string.Join("\r\n", lines) + "\r\n";

    private async Task<(HttpStatusCode Status, ImportReportDto? Report)> ImportAsync(HttpClient client, byte[] content, string fileName, string contentType, bool dryRun)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        var response = await client.PostAsync($"/api/v1/subscribers/import?dryRun={(dryRun ? "true" : "false")}", form);
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ImportReportDto>() : null);
    }

    [Fact]
    public async Task Given_a_csv_of_paper_forms_Then_a_dry_run_reports_row_by_row_and_writes_nothing_and_the_real_run_writes_the_valid_rows()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var existing = SubscriberApp.NewPhone();
        await comms.PostAsJsonAsync("/api/v1/subscribers", Form(existing));
        var (a, b, c, d) = (SubscriberApp.NewPhone(), SubscriberApp.NewPhone(), SubscriberApp.NewPhone(), SubscriberApp.NewPhone());
        var household = $"황학 {Guid.NewGuid():N}";
        var csv = Csv(
            "전화번호,성별,출생연도,행정동,관심분야,동의일자,가구,보호자동의",
            $"{a},여,1971,황학동,\"복지, 교통\",{Today},{household},",
            $"{b.Replace("-", "")},남,1988,hwanghak,culture;jobs,{Today.Replace("-", ".")},{household},",
            $"{a},여,1971,황학동,복지,{Today},,",                           // row 4: same number as row 2
            $"{existing},여,1971,명동,복지,{Today},,",                      // row 5: already a subscriber
            $"{c},?,19x0,서초동,우주,내일,,",                               // row 6: four bad cells
            $"{d},F,2016,myeong,education,{Today},,아니오",                 // row 7: under 14 without a guardian
            "",
            $"{SubscriberApp.NewPhone()},,1999,중림동,구정소식,{Today},,");  // row 9: fine
        var bytes = Encoding.UTF8.GetBytes(csv);

        var (status, dry) = await ImportAsync(comms, bytes, "backlog.csv", "text/csv", dryRun: true);
        status.ShouldBe(HttpStatusCode.OK);
        dry!.DryRun.ShouldBeTrue();
        (dry.Rows, dry.Valid, dry.Imported, dry.Duplicates, dry.Households).ShouldBe((7, 3, 0, 2, 1));
        dry.Errors.Select(e => (e.Row, e.Field)).ShouldBe([(4, "phone"), (5, "phone"), (6, "birthYear"), (6, "dong"), (6, "gender"), (6, "interests"), (6, "consentDate"), (7, "birthYear")], ignoreOrder: true);
        dry.Errors.Single(e => e.Row == 4).Message.ShouldContain("2행");
        (await app.SubscriberExistsAsync(a)).ShouldBeFalse();

        // The report speaks the reader's language.
        using (var english = await app.SignedInAsync("comms@sotong.example"))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "backlog.csv" } };
            var report = (await (await english.PostAsync("/api/v1/subscribers/import?dryRun=true&culture=en-US", form)).Content.ReadFromJsonAsync<ImportReportDto>())!;
            report.Errors.Single(e => e.Row == 4).Message.ShouldBe("Same number as row 2.");
        }

        var (_, real) = await ImportAsync(comms, bytes, "backlog.csv", "text/csv", dryRun: false);
        (real!.DryRun, real.Imported, real.Valid, real.Errors.Count).ShouldBe((false, 3, 3, 8));
        var ida = await app.SubscriberIdAsync(a);
        var sa = (await app.SubscriberAsync(ida))!;
        var sb = (await app.SubscriberAsync(await app.SubscriberIdAsync(b)))!;
        (sa.Source, sa.Status, sa.DongCode, sa.Gender).ShouldBe((SubscriberSource.Import, SubscriberStatus.Active, "hwanghak", SubscriberGender.Female));
        sa.HouseholdId.ShouldNotBeNull();
        sb.HouseholdId.ShouldBe(sa.HouseholdId);
        (await app.SubscriberExistsAsync(c)).ShouldBeFalse();
        (await app.SubscriberExistsAsync(d)).ShouldBeFalse();

        // Importing the same file again adds nobody: every valid number is now a duplicate.
        var (_, again) = await ImportAsync(comms, bytes, "backlog.csv", "text/csv", dryRun: false);
        (again!.Imported, again.Duplicates).ShouldBe((0, 5));
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.CountAsync(x => x.EntityType == "SubscriberImport" && x.EntityId == real.ImportId.ToString())).ShouldBe(1);

        // Importing needs the city-wide role.
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await ImportAsync(bus, bytes, "backlog.csv", "text/csv", dryRun: true)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_the_xlsx_template_filled_in_Then_it_imports_like_the_csv()
    {
        var comms = await app.SignedInAsync("comms@sotong.example");
        var template = await comms.GetAsync("/api/v1/subscribers/import/template.xlsx");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var headings = SimpleXlsx.ReadFirstSheet(new MemoryStream(await template.Content.ReadAsByteArrayAsync()))[0].Cells;
        headings.ShouldBe(ImportColumns.KoreanHeadings.Cast<string?>());
        var csvTemplate = await comms.GetStringAsync("/api/v1/subscribers/import/template.csv?culture=en-US");
        csvTemplate.TrimStart('\uFEFF').TrimEnd().ShouldBe(string.Join(",", ImportColumns.All));

        var (ok1, ok2) = (SubscriberApp.NewPhone(), SubscriberApp.NewPhone());
        var rows = new List<IReadOnlyList<string>>
        {
            headings.Select(h => h!).ToList(),
            new[] { ok1, "남", "1955", "다산동", "보건·의료, 안전", Today, "", "" },
            new[] { ok2, "", "1999", "yaksu", "교육", Today, "", "" },
            new[] { "010-1", "여", "1999", "yaksu", "교육", Today, "", "" },
        };
        var xlsx = SimpleXlsx.Write([("subscribers", rows)]);
        var (_, dry) = await ImportAsync(comms, xlsx, "forms.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", dryRun: true);
        (dry!.Rows, dry.Valid, dry.Imported).ShouldBe((3, 2, 0));
        dry.Errors.Single().ShouldBe(dry.Errors.Single() with { Row = 4, Field = "phone" });
        (await app.SubscriberExistsAsync(ok1)).ShouldBeFalse();
        var (_, real) = await ImportAsync(comms, xlsx, "forms.xlsx", "application/octet-stream", dryRun: false);
        real!.Imported.ShouldBe(2);
        var s = (await app.SubscriberAsync(await app.SubscriberIdAsync(ok1)))!;
        (s.DongCode, s.Interests, s.BirthYear).ShouldBe(("dasan", (1 << 1) | (1 << 6), 1955));

        // Neither CSV nor a workbook.
        var (status, _) = await ImportAsync(comms, [1, 2, 3], "photo.jpg", "image/jpeg", dryRun: true);
        status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var (broken, _) = await ImportAsync(comms, [1, 2, 3], "broken.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", dryRun: true);
        broken.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_the_retention_schedule_Then_the_purge_deletes_withdrawn_and_expired_subscribers_and_keeps_the_active_ones()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var protector = app.Service<PersonalDataProtector>();
        var factory = app.Service<IDbContextFactory<SotongDbContext>>();
        async Task<Guid> AddAsync(SubscriberStatus status, DateTime? withdrawnAt, DateTime expiresAt, Guid? household = null)
        {
            var phone = SubscriberRules.NormalizePhone(SubscriberApp.NewPhone());
            var s = new Subscriber
            {
                ProtectedPhone = protector.Protect(phone), PhoneHash = await protector.LookupHashAsync(phone, CancellationToken.None), PhoneLast4 = phone[^4..],
                DongCode = "myeong", BirthYear = 1970, Interests = 1, Status = status, WithdrawnAtUtc = withdrawnAt, WithdrawnVia = withdrawnAt is null ? null : "web",
                ConsentNoticeVersion = 1, ConsentedAtUtc = now.AddMonths(-3), CreatedAtUtc = now.AddMonths(-3), ExpiresAtUtc = expiresAt, HouseholdId = household,
            };
            await using var db = await factory.CreateDbContextAsync();
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        }
        Guid householdId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var h = new SubscriberHousehold { DongCode = "myeong", Label = "purge test", NormalizedLabel = $"purge{Guid.NewGuid():N}", CreatedAtUtc = now };
            db.Add(h);
            await db.SaveChangesAsync();
            householdId = h.Id;
        }
        var longGone = await AddAsync(SubscriberStatus.Withdrawn, now.AddDays(-6), now.AddYears(1), householdId);
        var recentlyGone = await AddAsync(SubscriberStatus.Withdrawn, now.AddDays(-4), now.AddYears(1));
        var expired = await AddAsync(SubscriberStatus.Active, null, now.AddHours(-1));
        var active = await AddAsync(SubscriberStatus.Active, null, now.AddDays(2));

        // The handler on a clock the test moves: first now, then three days on.
        var clock = new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero));
        var purge = new RetentionPurgeHandler(factory, app.Service<SubscribersSettings>(), clock, NullLogger<RetentionPurgeHandler>.Instance);
        var first = await purge.PurgeAsync(CancellationToken.None);
        first.Withdrawn.ShouldBeGreaterThanOrEqualTo(1);
        first.Expired.ShouldBeGreaterThanOrEqualTo(1);
        (await app.SubscriberAsync(longGone)).ShouldBeNull();
        (await app.SubscriberAsync(expired)).ShouldBeNull();
        (await app.SubscriberAsync(recentlyGone)).ShouldNotBeNull();
        (await app.SubscriberAsync(active)).ShouldNotBeNull();
        await using (var db = await factory.CreateDbContextAsync())
        {
            (await db.Set<SubscriberHousehold>().AnyAsync(h => h.Id == householdId)).ShouldBeFalse();
            var audit = await db.AuditEntries.Where(a => a.Action == "Purged").OrderByDescending(a => a.Id).FirstAsync();
            audit.Detail!.ShouldContain("withdrawn more than 5 days ago");
            audit.Detail!.ShouldNotContain("010");
        }

        clock.Advance(TimeSpan.FromDays(3));
        var later = await purge.PurgeAsync(CancellationToken.None);
        later.Withdrawn.ShouldBeGreaterThanOrEqualTo(1);
        later.Expired.ShouldBeGreaterThanOrEqualTo(1);
        (await app.SubscriberAsync(recentlyGone)).ShouldBeNull();
        (await app.SubscriberAsync(active)).ShouldBeNull();
    }
}

internal static class SubscriberLookups
{
    public static async Task<bool> SubscriberExistsAsync(this SotongApp app, string phone)
    {
        var hash = await app.Service<PersonalDataProtector>().LookupHashAsync(SubscriberRules.NormalizePhone(phone), CancellationToken.None);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<Subscriber>().AnyAsync(s => s.PhoneHash == hash);
    }
}
