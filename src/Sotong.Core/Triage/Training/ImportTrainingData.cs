using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
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
using Sotong.Core.Inbox;

namespace Sotong.Core.Triage.Training;

public enum ImportFormat
{
    Csv,
    Jsonl,
}

public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>
/// What an import did (or, on a dry run, would do), row by row. <paramref name="Duplicates"/> counts rows repeated in the
/// file and rows already imported before; <paramref name="BatchId"/> is set when examples were stored,
/// <paramref name="ModelId"/> when training was started.
/// </summary>
public sealed record ImportReport(Guid? BatchId, bool DryRun, int Rows, int Imported, int Skipped, int Duplicates, IReadOnlyList<ImportRowError> Errors, int ErrorsNotShown, Guid? ModelId, int? ModelNumber);

/// <summary>
/// Imports a labelled history of the city's past messages (CSV with a header, or JSON Lines): text and division are
/// required, kind and topic optional. Divisions are matched by code, Korean name or English name. Every row is checked
/// and reported; nothing is stored on a dry run or when no row is valid. One in five texts is held out for measuring.
/// Importing is idempotent: a row whose normalised text and division are already imported (or earlier in the file) is
/// a duplicate and is not stored again; the examples one import adds form a batch that can be removed as a whole.
/// </summary>
public sealed class ImportTrainingDataHandler(IDbContextFactory<SotongDbContext> dbFactory, TrainingService training, TimeProvider time, IStringLocalizer<Text> text)
{
    public const int MaxRows = 200_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    private const int ShownErrors = 200;

    private static readonly Dictionary<string, MessageIntent> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["격려·응원"] = MessageIntent.Praise, ["격려"] = MessageIntent.Praise, ["응원"] = MessageIntent.Praise, ["칭찬"] = MessageIntent.Praise,
        ["민원"] = MessageIntent.Complaint, ["불편"] = MessageIntent.Complaint, ["제안"] = MessageIntent.Suggestion, ["건의"] = MessageIntent.Suggestion,
        ["질의"] = MessageIntent.Question, ["문의"] = MessageIntent.Question, ["질문"] = MessageIntent.Question,
        ["단순의견"] = MessageIntent.Opinion, ["의견"] = MessageIntent.Opinion, ["스팸·욕설"] = MessageIntent.Spam, ["스팸"] = MessageIntent.Spam, ["욕설"] = MessageIntent.Spam,
    };

    private sealed record Row(int Number, string? Text, string? Division, string? Kind, string? Topic)
    {
        /// <summary>The message key when the line could not be read at all (not JSON); its fields are then not checked one by one.</summary>
        public string? Unreadable { get; init; }
    }

    /// <summary>How many hashes one query looks up (well under every provider's parameter limit).</summary>
    private const int LookupChunk = 1000;

    public async Task<ImportReport> ImportAsync(Stream body, ImportFormat format, bool dryRun, bool train, StaffContext staff, string? fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var divisions = await db.Departments.AsNoTracking().Where(d => d.Kind == Organization.DepartmentKind.Division).ToListAsync(ct);
        var divisionByName = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in divisions)
        {
            divisionByName.TryAdd(d.Code, d.Id);
            divisionByName.TryAdd(d.NameKo, d.Id);
            divisionByName.TryAdd(d.NameEn, d.Id);
        }
        var topics = await db.Set<Taxonomy.TriageTopic>().AsNoTracking().ToListAsync(ct);
        var topicByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in topics)
        {
            topicByName.TryAdd(t.Key, t.Key);
            topicByName.TryAdd(t.NameKo, t.Key);
            topicByName.TryAdd(t.NameEn, t.Key);
        }

        var batchId = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<ImportRowError>();
        var errorCount = 0;
        var rows = 0;
        var duplicates = 0;
        var seen = new HashSet<(string, Guid)>();
        var examples = new List<TrainingExample>();
        void Fail(int row, string field, string message)
        {
            errorCount++;
            if (errors.Count < ShownErrors)
            {
                errors.Add(new ImportRowError(row, field, message));
            }
        }

        foreach (var row in Read(body, format))
        {
            rows++;
            if (rows > MaxRows)
            {
                throw FileProblem(text["Triage.Import.TooManyRows", MaxRows.ToString("N0", CultureInfo.CurrentCulture)]);
            }
            if (row.Unreadable is { } unreadable)
            {
                Fail(row.Number, "line", text[unreadable]);
                continue;
            }
            var ok = true;
            var textValue = row.Text?.Trim();
            if (string.IsNullOrEmpty(textValue))
            {
                Fail(row.Number, "text", text["Triage.Import.TextEmpty"]);
                ok = false;
            }
            else if (textValue.Length > InboxMessage.MaxTextLength)
            {
                Fail(row.Number, "text", text["Triage.Import.TextTooLong", InboxMessage.MaxTextLength]);
                ok = false;
            }
            Guid divisionId = default;
            if (string.IsNullOrWhiteSpace(row.Division) || !divisionByName.TryGetValue(row.Division.Trim(), out divisionId))
            {
                Fail(row.Number, "division", string.IsNullOrWhiteSpace(row.Division) ? text["Triage.Import.DivisionEmpty"] : text["Triage.Import.DivisionUnknown", row.Division.Trim()]);
                ok = false;
            }
            MessageIntent? kind = null;
            if (!string.IsNullOrWhiteSpace(row.Kind))
            {
                var k = row.Kind.Trim();
                if (Enum.TryParse<MessageIntent>(k, true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(k, out _))
                {
                    kind = parsed;
                }
                else if (KindNames.TryGetValue(k, out var named))
                {
                    kind = named;
                }
                else
                {
                    Fail(row.Number, "kind", text["Triage.Import.KindUnknown", k]);
                    ok = false;
                }
            }
            string? topic = null;
            if (!string.IsNullOrWhiteSpace(row.Topic))
            {
                if (!topicByName.TryGetValue(row.Topic.Trim(), out topic))
                {
                    Fail(row.Number, "topic", text["Triage.Import.TopicUnknown", row.Topic.Trim()]);
                    ok = false;
                }
            }
            if (!ok)
            {
                continue;
            }
            var hash = TrainingExample.HashOf(textValue!);
            if (!seen.Add((hash, divisionId)))
            {
                duplicates++;
                continue;
            }
            examples.Add(new TrainingExample
            {
                Text = textValue!, Intent = kind, Topic = topic, DivisionId = divisionId, Source = ExampleSource.Import, BatchId = batchId,
                TextHash = hash, IsTest = TrainingExample.HeldOut(textValue!), CreatedAtUtc = now, CreatedByName = staff.DisplayName,
            });
        }
        if (rows == 0)
        {
            throw FileProblem(text["Triage.Import.NoRows"]);
        }
        var inFile = duplicates;
        var added = new List<TrainingExample>();
        for (var attempt = 1; ; attempt++)
        {
            // Rows an earlier import already stored are duplicates too (on a dry run as well), so importing the same
            // history twice adds nothing the second time.
            added = await WithoutStoredAsync(db, examples, ct);
            duplicates = inFile + examples.Count - added.Count;
            if (dryRun || added.Count == 0)
            {
                break;
            }
            try
            {
                await StoreAsync(db, added, new TrainingBatch
                {
                    Id = batchId, FileName = TrainingBatch.CleanFileName(fileName), Rows = rows, Added = added.Count, Duplicates = duplicates, Errors = errorCount,
                    CreatedAtUtc = now, CreatedById = staff.UserId, CreatedByName = staff.DisplayName,
                }, staff, now, ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another import stored some of the same examples in the meantime (the unique index said so): look again.
                db.ChangeTracker.Clear();
            }
        }
        TriageModelVersion? model = null;
        var stored = !dryRun && added.Count > 0;
        if (stored && train)
        {
            model = await training.QueueAsync(TrainingTrigger.Import, staff.DisplayName, ct);
        }
        // A dry run stores nothing but says what it would skip.
        return new ImportReport(stored ? batchId : null, dryRun, rows, stored ? added.Count : 0, rows - added.Count, duplicates, errors, errorCount - errors.Count, model?.Id, model?.Number);
    }

    /// <summary>The examples whose (normalised text, division) is not imported yet.</summary>
    private static async Task<List<TrainingExample>> WithoutStoredAsync(SotongDbContext db, List<TrainingExample> examples, CancellationToken ct)
    {
        var stored = new HashSet<(string, Guid?)>();
        foreach (var chunk in examples.Select(e => e.TextHash!).Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var found = await db.Set<TrainingExample>().AsNoTracking()
                .Where(e => e.Source == ExampleSource.Import && chunk.Contains(e.TextHash!))
                .Select(e => new { e.TextHash, e.DivisionId })
                .ToListAsync(ct);
            stored.UnionWith(found.Select(f => (f.TextHash!, f.DivisionId)));
        }
        return stored.Count == 0 ? examples : [.. examples.Where(e => !stored.Contains((e.TextHash!, e.DivisionId)))];
    }

    private static async Task StoreAsync(SotongDbContext db, List<TrainingExample> added, TrainingBatch batch, StaffContext staff, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(batch);
        foreach (var chunk in added.Chunk(2000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(TrainingExample), batch.Id.ToString(), "Imported",
            detail: $"{batch.Added} of {batch.Rows} rows, {batch.Duplicates} duplicates{(batch.FileName is null ? "" : ", " + batch.FileName)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static RequestValidationException FileProblem(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });

    private IEnumerable<Row> Read(Stream body, ImportFormat format)
    {
        var reader = new StreamReader(body, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        return format == ImportFormat.Jsonl ? ReadJsonl(reader) : ReadCsv(reader);
    }

    private IEnumerable<Row> ReadCsv(StreamReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
        };
        using var csv = new CsvReader(reader, config);
        if (!Guard(() => csv.Read()) || !Guard(() => csv.ReadHeader()))
        {
            yield break;
        }
        var header = csv.HeaderRecord ?? [];
        if (!header.Any(h => h.Trim().Equals("text", StringComparison.OrdinalIgnoreCase)) || !header.Any(h => h.Trim().Equals("division", StringComparison.OrdinalIgnoreCase)))
        {
            throw FileProblem(text["Triage.Import.Header"]);
        }
        var number = 1;
        while (Guard(() => csv.Read()))
        {
            number++;
            yield return new Row(number, csv.GetField("text"), csv.GetField("division"), Optional(csv, "kind"), Optional(csv, "topic"));
        }
    }

    private static string? Optional(CsvReader csv, string name) => csv.TryGetField<string>(name, out var value) ? value : null;

    private bool Guard(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw FileProblem(text["Triage.Import.NotUtf8"]);
        }
    }

    private IEnumerable<Row> ReadJsonl(StreamReader reader)
    {
        var number = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw FileProblem(text["Triage.Import.NotUtf8"]);
            }
            if (line is null)
            {
                yield break;
            }
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            Row row;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                row = new Row(number, Str(o, "text"), Str(o, "division"), Str(o, "kind"), Str(o, "topic"));
            }
            catch (JsonException)
            {
                row = new Row(number, null, null, null, null) { Unreadable = "Triage.Import.NotJson" };
            }
            yield return row;
        }
    }

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static ImportFormat? FormatOf(string? contentType, string? fileName)
    {
        var name = fileName?.ToLowerInvariant() ?? "";
        var type = contentType?.ToLowerInvariant() ?? "";
        if (name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal) || type.Contains("ndjson", StringComparison.Ordinal) || type.Contains("jsonl", StringComparison.Ordinal))
        {
            return ImportFormat.Jsonl;
        }
        if (name.EndsWith(".csv", StringComparison.Ordinal) || type.StartsWith("text/csv", StringComparison.Ordinal) || type.StartsWith("text/plain", StringComparison.Ordinal))
        {
            return ImportFormat.Csv;
        }
        return null;
    }
}

internal static class ImportTrainingDataEndpoint
{
    public static void Map(RouteGroupBuilder triage) =>
        triage.MapPost("/training-data", async (HttpRequest http, bool? dryRun, bool? train, ClaimsPrincipal user, ImportTrainingDataHandler handler, IStringLocalizer<Text> text, CancellationToken ct) =>
            {
                using var upload = await UploadedFile.ReadAsync(http, ct);
                if (upload is null)
                {
                    return UploadedFile.Malformed();
                }
                var format = ImportTrainingDataHandler.FormatOf(upload.ContentType, upload.FileName);
                if (format is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: text["Triage.Import.Unsupported"]);
                }
                var report = await handler.ImportAsync(upload.Content, format.Value, dryRun ?? false, train ?? true, StaffContext.From(user), upload.FileName, ct);
                return Results.Ok(report);
            })
            .WithName("ImportTrainingData")
            .WithSummary("Import past messages with their division (CSV or JSON Lines); trains a new model unless train=false")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportTrainingDataHandler.MaxBytes))
            .DisableAntiforgery()
            .RequireAuthorization(SotongPolicies.Administration)
            .Produces<ImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
