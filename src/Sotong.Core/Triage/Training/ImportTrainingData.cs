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
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Uploads;
using Sotong.Core.Inbox;
using Sotong.Core.Triage.Classify;

namespace Sotong.Core.Triage.Training;

public enum ImportFormat
{
    Csv,
    Jsonl,
}

public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>What an import did (or, on a dry run, would do), row by row; <paramref name="ModelId"/> when training was started.</summary>
public sealed record ImportReport(Guid BatchId, bool DryRun, int Rows, int Imported, int Skipped, int Duplicates, IReadOnlyList<ImportRowError> Errors, int ErrorsNotShown, Guid? ModelId, int? ModelNumber);

/// <summary>
/// Imports a labelled history of the city's past messages (CSV with a header, or JSON Lines): text and division are
/// required, kind and topic optional. Divisions are matched by code, Korean name or English name. Every row is checked
/// and reported; nothing is stored on a dry run or when no row is valid. One in five texts is held out for measuring.
/// </summary>
public sealed class ImportTrainingDataHandler(IDbContextFactory<SotongDbContext> dbFactory, TrainingService training, TimeProvider time)
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
        /// <summary>Set when the line could not be read at all (not JSON); its fields are then not checked one by one.</summary>
        public string? Unreadable { get; init; }
    }

    public async Task<ImportReport> ImportAsync(Stream body, ImportFormat format, bool dryRun, bool train, StaffContext staff, CancellationToken ct)
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [$"At most {MaxRows:N0} rows per import; split the file."] });
            }
            if (row.Unreadable is { } unreadable)
            {
                Fail(row.Number, "line", unreadable);
                continue;
            }
            var ok = true;
            var textValue = row.Text?.Trim();
            if (string.IsNullOrEmpty(textValue))
            {
                Fail(row.Number, "text", "The text is empty.");
                ok = false;
            }
            else if (textValue.Length > InboxMessage.MaxTextLength)
            {
                Fail(row.Number, "text", $"The text is longer than {InboxMessage.MaxTextLength} characters.");
                ok = false;
            }
            Guid divisionId = default;
            if (string.IsNullOrWhiteSpace(row.Division) || !divisionByName.TryGetValue(row.Division.Trim(), out divisionId))
            {
                Fail(row.Number, "division", string.IsNullOrWhiteSpace(row.Division) ? "The division is empty." : $"No division is called \"{row.Division.Trim()}\" (use its code, Korean or English name).");
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
                    Fail(row.Number, "kind", $"\"{k}\" is not a kind (Praise, Complaint, Suggestion, Question, Opinion, Spam or their Korean names).");
                    ok = false;
                }
            }
            string? topic = null;
            if (!string.IsNullOrWhiteSpace(row.Topic))
            {
                if (!topicByName.TryGetValue(row.Topic.Trim(), out topic))
                {
                    Fail(row.Number, "topic", $"\"{row.Topic.Trim()}\" is not a topic.");
                    ok = false;
                }
            }
            if (!ok)
            {
                continue;
            }
            if (!seen.Add(TextNormalizer.Normalize(textValue) + "|" + divisionId))
            {
                duplicates++;
                continue;
            }
            examples.Add(new TrainingExample
            {
                Text = textValue!, Intent = kind, Topic = topic, DivisionId = divisionId, Source = ExampleSource.Import, BatchId = batchId,
                IsTest = TrainingExample.HeldOut(textValue!), CreatedAtUtc = now, CreatedByName = staff.DisplayName,
            });
        }
        if (rows == 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = ["The file has no rows (CSV needs a header line: text,division,kind,topic)."] });
        }
        TriageModelVersion? model = null;
        if (!dryRun && examples.Count > 0)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in examples.Chunk(2000))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            db.Audit(now, staff.UserId, staff.DisplayName, nameof(TrainingExample), batchId.ToString(), "Imported", detail: $"{examples.Count} of {rows} rows");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (train)
            {
                model = await training.QueueAsync(TrainingTrigger.Import, staff.DisplayName, ct);
            }
        }
        return new ImportReport(batchId, dryRun, rows, dryRun ? 0 : examples.Count, rows - examples.Count, duplicates, errors, errorCount - errors.Count, model?.Id, model?.Number);
    }

    private static IEnumerable<Row> Read(Stream body, ImportFormat format)
    {
        var reader = new StreamReader(body, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        return format == ImportFormat.Jsonl ? ReadJsonl(reader) : ReadCsv(reader);
    }

    private static IEnumerable<Row> ReadCsv(StreamReader reader)
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
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = ["The CSV header must name the columns text and division (kind and topic are optional)."] });
        }
        var number = 1;
        while (Guard(() => csv.Read()))
        {
            number++;
            yield return new Row(number, csv.GetField("text"), csv.GetField("division"), Optional(csv, "kind"), Optional(csv, "topic"));
        }
    }

    private static string? Optional(CsvReader csv, string name) => csv.TryGetField<string>(name, out var value) ? value : null;

    private static bool Guard(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = ["The file is not UTF-8 text. Save it as UTF-8 (CSV UTF-8 in Excel) and try again."] });
        }
    }

    private static IEnumerable<Row> ReadJsonl(StreamReader reader)
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
                throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = ["The file is not UTF-8 text."] });
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
                row = new Row(number, null, null, null, null) { Unreadable = "This line is not a JSON object." };
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
        triage.MapPost("/training-data", async (HttpRequest http, bool? dryRun, bool? train, ClaimsPrincipal user, ImportTrainingDataHandler handler, CancellationToken ct) =>
            {
                using var upload = await UploadedFile.ReadAsync(http, ct);
                if (upload is null)
                {
                    return UploadedFile.Malformed();
                }
                var format = ImportTrainingDataHandler.FormatOf(upload.ContentType, upload.FileName);
                if (format is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send CSV (text/csv) or JSON Lines (application/x-ndjson).");
                }
                var report = await handler.ImportAsync(upload.Content, format.Value, dryRun ?? false, train ?? true, StaffContext.From(user), ct);
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
