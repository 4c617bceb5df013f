using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Uploads;
using Sotong.Core.Common.Time;
using Sotong.Core.Subscribers.Enrol;
using Sotong.Core.Subscribers.Households;
using Sotong.Core.Subscribers.Reference;

namespace Sotong.Core.Subscribers.Import;

/// <summary>One problem in one row: the row as the spreadsheet numbers it, the field, and what to fix (in the reader's language).</summary>
public sealed record SubscriberImportError(int Row, string Field, string Message);

/// <summary>
/// What an import did, or on a dry run would do: rows read, rows valid, rows written, duplicates (within the file and
/// against the registry, also listed as errors), households the valid rows form, and every problem row by row.
/// </summary>
public sealed record SubscriberImportReport(
    Guid ImportId, bool DryRun, int Rows, int Valid, int Imported, int Duplicates, int Households, IReadOnlyList<SubscriberImportError> Errors, int ErrorsNotShown);

/// <summary>
/// Imports the paper backlog (CSV or XLSX). Every row is checked by the paper-form rules; a dry run stops there. A real
/// run writes the valid rows, their households and one audit entry in one transaction, and reports the rest.
/// </summary>
public sealed class ImportSubscribersHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    PersonalDataProtector protector,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    public const int MaxRows = 50_000;
    public const long MaxBytes = 16L * 1024 * 1024;
    private const int ShownErrors = 500;

    private sealed record Candidate(int Row, ValidEnrolment Form, string Hash);

    public async Task<SubscriberImportReport> ImportAsync(Stream body, SubscriberFileFormat format, bool dryRun, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(staff);
        var rows = ImportFiles.Read(body, format, text);
        if (rows.Count == 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [text["Subscribers.ImportEmpty"]] });
        }
        if (rows.Count > MaxRows)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [text["Subscribers.ImportTooManyRows", MaxRows]] });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
        var notice = await SubscriberReferenceHandler.CurrentNoticeAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SeoulTime.ToSeoul(now));

        var errors = new List<SubscriberImportError>();
        var errorCount = 0;
        void Fail(int row, string field, string message)
        {
            errorCount++;
            if (errors.Count < ShownErrors)
            {
                errors.Add(new SubscriberImportError(row, field, message));
            }
        }

        var candidates = new List<Candidate>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var row in rows)
        {
            var ok = true;
            void RowFail(string field, string message)
            {
                ok = false;
                Fail(row.Number, field, message);
            }
            var form = ImportRowParser.Check(row, lookup, today.Year, today, notice.RetentionMonths, text, RowFail);
            if (!ok || form is null)
            {
                continue;
            }
            if (firstRowOf.TryGetValue(form.NormalizedPhone, out var first))
            {
                duplicates++;
                Fail(row.Number, "phone", text["Subscribers.ImportDuplicateInFile", first]);
                continue;
            }
            firstRowOf[form.NormalizedPhone] = row.Number;
            candidates.Add(new Candidate(row.Number, form, await protector.LookupHashAsync(form.NormalizedPhone, ct)));
        }

        // Numbers already in the registry (any status: a withdrawal is never undone by an old paper form).
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Select(c => c.Hash).Chunk(500))
        {
            known.UnionWith(await db.Set<Subscriber>().Where(s => chunk.Contains(s.PhoneHash)).Select(s => s.PhoneHash).ToListAsync(ct));
        }
        var valid = new List<Candidate>();
        foreach (var c in candidates)
        {
            if (known.Contains(c.Hash))
            {
                duplicates++;
                Fail(c.Row, "phone", text["Subscribers.ImportAlreadySubscribed"]);
            }
            else
            {
                valid.Add(c);
            }
        }

        var labelled = valid.Where(c => c.Form.HouseholdLabel is not null).ToList();
        var dongs = labelled.Select(c => c.Form.DongCode).Distinct().ToList();
        var existingHouseholds = (await db.Set<SubscriberHousehold>().AsNoTracking().Where(h => dongs.Contains(h.DongCode)).Select(h => new { h.Id, h.DongCode, h.NormalizedLabel }).ToListAsync(ct))
            .ToDictionary(h => (h.DongCode, h.NormalizedLabel), h => h.Id);
        var households = HouseholdLabels.Assign(labelled.Select(c => (c.Form.DongCode, c.Form.HouseholdLabel)), existingHouseholds, Guid.CreateVersion7);

        var importId = Guid.CreateVersion7();
        if (!dryRun && valid.Count > 0)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var ((dong, normalized), id) in households.Where(h => !existingHouseholds.ContainsKey(h.Key)))
                {
                    var label = labelled.First(c => c.Form.DongCode == dong && HouseholdLabels.Normalize(c.Form.HouseholdLabel!) == normalized).Form.HouseholdLabel!;
                    db.Add(new SubscriberHousehold { Id = id, DongCode = dong, Label = label, NormalizedLabel = normalized, CreatedAtUtc = now });
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                foreach (var chunk in valid.Chunk(1000))
                {
                    foreach (var c in chunk)
                    {
                        var f = c.Form;
                        var subscriber = new Subscriber
                        {
                            ProtectedPhone = protector.Protect(f.NormalizedPhone),
                            PhoneHash = c.Hash,
                            PhoneLast4 = SubscriberRules.Last4(f.NormalizedPhone),
                            Gender = f.Gender,
                            BirthYear = f.BirthYear,
                            DongCode = f.DongCode,
                            Interests = f.Interests,
                            GuardianConsent = f.GuardianConsent,
                            Source = SubscriberSource.Import,
                            CreatedAtUtc = now,
                            HouseholdId = f.HouseholdLabel is { } label ? households[(f.DongCode, HouseholdLabels.Normalize(label))] : null,
                        };
                        subscriber.Consent(notice.Version, notice.RetentionMonths, SeoulTime.StartOfDayUtc(f.ConsentDate));
                        db.Add(subscriber);
                    }
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
                db.Audit(now, staff.UserId, staff.DisplayName, "SubscriberImport", importId.ToString(), "Imported",
                    detail: string.Create(CultureInfo.InvariantCulture, $"{valid.Count} of {rows.Count} rows imported; {duplicates} duplicates; {errorCount} problems; notice v{notice.Version}"));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : string.CompareOrdinal(a.Field, b.Field));
        return new SubscriberImportReport(importId, dryRun, rows.Count, valid.Count, dryRun ? 0 : valid.Count, duplicates, households.Count, errors, errorCount - errors.Count);
    }

    /// <summary>The file to fill in: the headings in the reader's language; the XLSX adds a sheet explaining each column and listing the dongs and areas.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)> TemplateAsync(SubscriberFileFormat format, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        IReadOnlyList<string> headings = english ? ImportColumns.All : ImportColumns.KoreanHeadings;
        if (format == SubscriberFileFormat.Csv)
        {
            var csv = new StringBuilder().AppendJoin(',', headings).Append("\r\n").ToString();
            // With the byte-order mark Excel opens the Korean headings as UTF-8.
            return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", "subscribers-template.csv");
        }
        ReferenceLookup lookup;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
        }
        var guide = new List<IReadOnlyList<string>> { new[] { text["Subscribers.TemplateColumn"].Value, text["Subscribers.TemplateRequired"].Value, text["Subscribers.TemplateMeaning"].Value } };
        for (var i = 0; i < ImportColumns.All.Count; i++)
        {
            var column = ImportColumns.All[i];
            guide.Add([$"{headings[i]} ({(english ? ImportColumns.KoreanHeadings[i] : column)})",
                ImportColumns.Required.Contains(column) ? text["Common.Yes"].Value : text["Common.No"].Value, text[$"Subscribers.TemplateHelp.{column}"].Value]);
        }
        guide.Add([]);
        guide.Add([text["Subscribers.Dong"].Value, "code", "한국어 / English"]);
        guide.AddRange(lookup.Dongs.Where(d => d.IsActive).Select(d => (IReadOnlyList<string>)[d.NameKo, d.Code, d.NameEn]));
        guide.Add([]);
        guide.Add([text["Subscribers.Interests"].Value, "code", "한국어 / English"]);
        guide.AddRange(lookup.Interests.Where(x => x.IsActive).Select(x => (IReadOnlyList<string>)[x.NameKo, x.Code, x.NameEn]));
        var xlsx = SimpleXlsx.Write([("subscribers", [headings]), (english ? "guide" : "안내", guide)]);
        return (xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "subscribers-template.xlsx");
    }
}

internal static class ImportSubscribersEndpoints
{
    public static void Map(RouteGroupBuilder staffApi)
    {
        staffApi.MapPost("/import", async (HttpRequest http, bool? dryRun, ClaimsPrincipal user, ImportSubscribersHandler handler, CancellationToken ct) =>
            {
                using var upload = await UploadedFile.ReadAsync(http, ct);
                if (upload is null)
                {
                    return UploadedFile.Malformed();
                }
                var format = ImportFiles.FormatOf(upload.ContentType, upload.FileName);
                if (format is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send CSV (text/csv) or XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).");
                }
                return Results.Ok(await handler.ImportAsync(upload.Content, format.Value, dryRun ?? false, StaffContext.From(user), ct));
            })
            .WithName("ImportSubscribers")
            .WithSummary("Import paper forms from CSV or XLSX; dryRun=true validates without writing. Answers a row-by-row report")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportSubscribersHandler.MaxBytes))
            .DisableAntiforgery()
            .RequireAuthorization(SotongPolicies.CityWide)
            .Produces<SubscriberImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        staffApi.MapGet("/import/template.{format}", async (string format, ImportSubscribersHandler handler, CancellationToken ct) =>
            {
                var chosen = format.ToLowerInvariant() switch
                {
                    "csv" => SubscriberFileFormat.Csv,
                    "xlsx" => SubscriberFileFormat.Xlsx,
                    _ => (SubscriberFileFormat?)null,
                };
                if (chosen is null)
                {
                    return Results.NotFound();
                }
                var (content, type, name) = await handler.TemplateAsync(chosen.Value, ct);
                return Results.File(content, type, name);
            })
            .WithName("SubscriberImportTemplate").WithSummary("The import template (csv or xlsx), headings in the reader's language");
    }
}
