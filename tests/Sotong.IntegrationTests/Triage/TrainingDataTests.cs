using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Triage.Training;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Triage;

public sealed class SqliteTrainingDataTests(TriageSqliteApp app) : TrainingDataTests<TriageSqliteApp>(app);

public sealed class PostgresTrainingDataTests(TriagePostgresApp app) : TrainingDataTests<TriagePostgresApp>(app);

public sealed record BatchReportDto(Guid? BatchId, bool DryRun, int Rows, int Imported, int Skipped, int Duplicates, List<RowErrorDto> Errors);
public sealed record BatchDto(Guid Id, string? FileName, int Rows, int Added, int Duplicates, int Errors, string? CreatedByName, DateTime CreatedAtUtc);
public sealed record ProgressDto(Guid Id, int Number, string State, int Percent, string Phase, string PhaseName, bool IsActive, string? Error);

/// <summary>One labelled row of the synthetic city history kept in the repository (data/triage/history.csv).</summary>
public sealed record HistoryRow(string Text, string Division, string Kind, string Topic);

public static class TriageHistory
{
    /// <summary>Rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of data/triage/history.csv.</summary>
    public static List<HistoryRow> Rows(int skip, int take)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sotong.slnx")))
        {
            dir = dir.Parent;
        }
        using var reader = new StreamReader(Path.Combine(dir!.FullName, "data", "triage", "history.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<HistoryRow>();
        while (rows.Count < skip + take && csv.Read())
        {
            rows.Add(new HistoryRow(csv.GetField("text")!, csv.GetField("division")!, csv.GetField("kind")!, csv.GetField("topic")!));
        }
        return rows[skip..];
    }

    public static string Jsonl(IEnumerable<HistoryRow> rows) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(new { text = r.Text, division = r.Division, kind = r.Kind, topic = r.Topic }) + "\n"));
}

/// <summary>
/// Training data beyond the first import: re-importing is idempotent (and an officer's correction of the same text is
/// never refused), imports are batches an administrator can list and remove, and training reports its phases up to
/// 100 %. A class of its own: these imports and trainings must not shift the example counts or model numbers that
/// <see cref="TriageTests{TApp}"/> checks.
/// </summary>
public abstract class TrainingDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await app.SignedInAsync("admin@sotong.example");
        await Until(async () => (await admin.GetFromJsonAsync<List<ProgressDto>>("/api/v1/triage/models"))!.Any(m => m.IsActive), "the starter model goes live");
        return admin;
    }

    private static Task Until(Func<Task<bool>> condition, string what) => Wait.UntilAsync(condition, what, Patience, 100);

    private static async Task<BatchReportDto> ImportAsync(HttpClient client, string body, string query, string? fileName = null, string type = "text/csv")
    {
        HttpContent content;
        if (fileName is null)
        {
            content = new StringContent(body, Encoding.UTF8, type);
        }
        else
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content = new MultipartFormDataContent { { file, "file", fileName } };
        }
        var response = await client.PostAsync($"/api/v1/triage/training-data?{query}", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BatchReportDto>())!;
    }

    private async Task<int> ImportedCountAsync(string tag)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<TrainingExample>().CountAsync(e => e.Source == ExampleSource.Import && e.Text.Contains(tag));
    }

    [Fact]
    public async Task Given_a_history_imported_twice_Then_the_second_import_stores_nothing_and_reports_every_row_as_a_duplicate()
    {
        var admin = await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("text,division,kind,topic\n")
            .Append(CultureInfo.InvariantCulture, $"\"7011번 버스가 30분째 안 와요 {tag}\",TRN-BUS,민원,transport\n")
            .Append(CultureInfo.InvariantCulture, $"\"쓰레기 수거일이 언제인가요 {tag}\",ENV-RES,Question,environment\n")
            .Append(CultureInfo.InvariantCulture, $"\"공원 산책로가 정말 좋아졌어요 {tag}\",PRK-POL,Praise,\n")
            .Append(CultureInfo.InvariantCulture, $"\"쓰레기 수거일이 언제인가요 {tag}\",ENV-RES,,\n")          // the same row twice in one file
            .Append(CultureInfo.InvariantCulture, $"\"쓰레기 수거일이 언제인가요 {tag}\",TRN-BUS,,\n")          // the same text for another division is another example
            .Append(",TRN-BUS,,\n")
            .ToString();

        var first = await ImportAsync(admin, csv, "train=false");
        first.Rows.ShouldBe(6);
        first.Imported.ShouldBe(4);
        first.Duplicates.ShouldBe(1);
        first.Errors.ShouldHaveSingleItem().Row.ShouldBe(7);
        first.BatchId.ShouldNotBeNull();
        (await ImportedCountAsync(tag)).ShouldBe(4);

        // What the model sees is the normalised text: other numbers, another case and extra spaces make the same example.
        var variant = $"text,division\n\"  7012번   버스가 45분째 안 와요 {tag.ToUpperInvariant()}\",버스정책과\n";
        var dryAgain = await ImportAsync(admin, csv + variant[(variant.IndexOf('\n') + 1)..], "dryRun=true&train=false");
        dryAgain.Imported.ShouldBe(0);
        dryAgain.Duplicates.ShouldBe(6);
        dryAgain.Skipped.ShouldBe(7);
        dryAgain.BatchId.ShouldBeNull();

        var second = await ImportAsync(admin, csv, "train=true");
        second.Rows.ShouldBe(6);
        second.Imported.ShouldBe(0);
        second.Duplicates.ShouldBe(5);
        second.Skipped.ShouldBe(6);
        second.BatchId.ShouldBeNull();
        (await ImportedCountAsync(tag)).ShouldBe(4);
        (await admin.GetFromJsonAsync<PageDto<BatchDto>>("/api/v1/triage/training-data/batches?pageSize=100"))!.Items
            .Count(b => b.Id == first.BatchId).ShouldBe(1);
    }

    [Fact]
    public async Task Given_an_imported_text_When_officers_correct_a_message_with_the_same_text_Then_each_correction_is_stored_and_replaces_the_last()
    {
        var admin = await AdminAsync();
        var comms = await app.SignedInAsync("comms@sotong.example");
        var text = $"지하철역 앞 보도블록이 깨져서 넘어질 뻔했어요 {Guid.NewGuid():N}";
        var roads = await DivisionIdAsync("TRN-RD");
        var bus = await DivisionIdAsync("TRN-BUS");
        (await ImportAsync(admin, $"text,division\n\"{text}\",TRN-RD\n", "train=false")).Imported.ShouldBe(1);

        var id = await SubmitAsync(text);
        var decision = await DecisionAsync(comms, id);
        var same = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Complaint", topic = "roads", divisionId = roads, version = decision.Version });
        same.StatusCode.ShouldBe(HttpStatusCode.OK, await same.Content.ReadAsStringAsync());
        var after = (await same.Content.ReadFromJsonAsync<TriageDto>())!;
        var other = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Complaint", topic = "transport", divisionId = bus, version = after.Version });
        other.StatusCode.ShouldBe(HttpStatusCode.OK, await other.Content.ReadAsStringAsync());

        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var examples = await db.Set<TrainingExample>().Where(e => e.Text == text).ToListAsync();
        examples.Count.ShouldBe(2);
        var imported = examples.Single(e => e.Source == ExampleSource.Import);
        var correction = examples.Single(e => e.Source == ExampleSource.Correction);
        imported.DivisionId.ShouldBe(roads);
        correction.DivisionId.ShouldBe(bus);
        correction.MessageId.ShouldBe(id);
        correction.TextHash.ShouldBe(imported.TextHash);
        correction.TextHash.ShouldBe(TrainingExample.HashOf(text));
    }

    [Fact]
    public async Task Given_two_import_batches_When_an_administrator_removes_one_Then_exactly_its_examples_go_and_it_is_audited()
    {
        var admin = await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csvA = $"text,division,kind\n\"A {tag} 버스 정류장 의자가 부서졌어요\",TRN-BUS,민원\n\"A {tag} 가로등이 꺼져 있어요\",TRN-RD,민원\n\"A {tag} 도서관 운영 시간이 궁금해요\",CUL-POL,질의\n";
        var jsonlB = $"{{\"text\":\"B {tag} 놀이터 모래가 더러워요\",\"division\":\"PRK-POL\"}}\n{{\"text\":\"B {tag} 따릉이 대여소를 늘려 주세요\",\"division\":\"TRN-PED\",\"kind\":\"제안\"}}\n";
        var a = await ImportAsync(admin, csvA, "train=false", $"history-a-{tag}.csv");
        var b = await ImportAsync(admin, jsonlB, "train=false", $"C:\\exports\\history-b-{tag}.jsonl", "application/x-ndjson");
        a.Imported.ShouldBe(3);
        b.Imported.ShouldBe(2);

        var list = (await admin.GetFromJsonAsync<PageDto<BatchDto>>("/api/v1/triage/training-data/batches?pageSize=100"))!;
        var listedA = list.Items.Single(x => x.Id == a.BatchId);
        listedA.FileName.ShouldBe($"history-a-{tag}.csv");
        listedA.Rows.ShouldBe(3);
        listedA.Added.ShouldBe(3);
        listedA.Duplicates.ShouldBe(0);
        listedA.CreatedByName.ShouldNotBeNullOrWhiteSpace();
        list.Items.Single(x => x.Id == b.BatchId).FileName.ShouldBe($"history-b-{tag}.jsonl");
        // Newest first.
        list.Items.FindIndex(x => x.Id == b.BatchId).ShouldBeLessThan(list.Items.FindIndex(x => x.Id == a.BatchId));

        // Only administrators remove; nobody signed out sees the list.
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await comms.DeleteAsync($"/api/v1/triage/training-data/batches/{a.BatchId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.NewClient().GetAsync("/api/v1/triage/training-data/batches")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportedCountAsync(tag)).ShouldBe(5);

        var removed = await admin.DeleteAsync($"/api/v1/triage/training-data/batches/{a.BatchId}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removed").GetInt32().ShouldBe(3);
        (await admin.DeleteAsync($"/api/v1/triage/training-data/batches/{a.BatchId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.Set<TrainingExample>().CountAsync(e => e.BatchId == a.BatchId)).ShouldBe(0);
            (await db.Set<TrainingExample>().Where(e => e.Text.Contains(tag)).Select(e => e.BatchId).ToListAsync()).ShouldAllBe(x => x == b.BatchId);
            (await ImportedCountAsync(tag)).ShouldBe(2);
            var audit = await db.AuditEntries.SingleAsync(x => x.EntityId == a.BatchId.ToString() && x.Action == "BatchDeleted");
            audit.Detail!.ShouldContain("3");
            audit.ActorName.ShouldNotBeNullOrWhiteSpace();
            audit.ActorId.ShouldNotBe("cli");
        }
        (await admin.GetFromJsonAsync<PageDto<BatchDto>>("/api/v1/triage/training-data/batches?pageSize=100"))!.Items.ShouldNotContain(x => x.Id == a.BatchId);

        // Removed examples are no longer duplicates: the same file imports again.
        (await ImportAsync(admin, csvA, "train=false", $"history-a-{tag}.csv")).Imported.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_training_When_its_stored_progress_is_polled_Then_it_only_moves_forward_through_the_phases_to_100_percent()
    {
        var admin = await AdminAsync();
        var rows = TriageHistory.Rows(2000, 300);
        var report = await ImportAsync(admin, TriageHistory.Jsonl(rows), "train=false", "history.jsonl", "application/x-ndjson");
        report.Imported.ShouldBeGreaterThan(250);

        var started = await admin.PostAsync("/api/v1/triage/models", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var model = (await started.Content.ReadFromJsonAsync<ProgressDto>())!;
        var seen = new List<ProgressDto>();
        await Until(async () =>
        {
            var now = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/triage/models/{model.Id}")).GetProperty("summary").Deserialize<ProgressDto>(JsonSerializerOptions.Web)!;
            seen.Add(now);
            return now.State is "Ready" or "Failed";
        }, $"model v{model.Number} to train");

        var last = seen[^1];
        last.State.ShouldBe("Ready", last.Error);
        last.Percent.ShouldBe(100);
        last.Phase.ShouldBe(TrainingPhases.Done);
        last.PhaseName.ShouldBe("완료");
        seen.Select(s => s.Percent).ShouldBeInOrder(SortDirection.Ascending);
        string[] phases = [TrainingPhases.Queued, TrainingPhases.Loading, TrainingPhases.Featurising, TrainingPhases.Kind, TrainingPhases.Topic,
            TrainingPhases.Division, TrainingPhases.Evaluating, TrainingPhases.Routing, TrainingPhases.Done];
        seen.ShouldAllBe(s => phases.Contains(s.Phase));
        seen.Select(s => Array.IndexOf(phases, s.Phase)).ShouldBeInOrder(SortDirection.Ascending);

        // Every phase was reported, in order (the log has each one; a poll may fall between two quick ones).
        var reported = app.Logs.Where(l => l.Level == LogLevel.Information && l.Message.StartsWith($"Triage model {model.Number}: ", StringComparison.Ordinal))
            .Select(l => l.Message[$"Triage model {model.Number}: ".Length..].Split(' ')[0]).ToList();
        reported.ShouldBe([TrainingPhases.Loading, TrainingPhases.Featurising, TrainingPhases.Kind, TrainingPhases.Topic, TrainingPhases.Division,
            TrainingPhases.Evaluating, TrainingPhases.Routing, TrainingPhases.Done]);

        // In English the phase reads in English.
        var english = (await admin.GetFromJsonAsync<List<ProgressDto>>("/api/v1/triage/models?culture=en-US")).ShouldNotBeNull().Single(m => m.Id == model.Id);
        english.PhaseName.ShouldBe("done");

        // Live, its division head's confusions on the model page are named by division, not by id.
        (await admin.PostAsync($"/api/v1/triage/models/{model.Id}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await admin.GetStringAsync("/staff/triage/models");
        var at = html.IndexOf("data-testid=\"confusion", html.IndexOf("id=\"f1-Division\"", StringComparison.Ordinal), StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        var table = WebUtility.HtmlDecode(html[at..html.IndexOf("</table>", at, StringComparison.Ordinal)]);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var divisions = await db.Departments.Select(d => new { d.Id, d.NameKo }).ToListAsync();
        divisions.ShouldContain(d => table.Contains(d.NameKo));
        divisions.ShouldNotContain(d => table.Contains(d.Id.ToString().Substring(0, 8)));
    }

    [Fact]
    public async Task Given_import_problems_and_rule_violations_Then_people_read_them_in_Korean_or_English()
    {
        var admin = await AdminAsync();
        var csv = "text,division,kind,topic\n,TRN-BUS,,\n\"버스\",NOPE,Shouting,nowhere\n";
        var korean = await ImportAsync(admin, csv, "dryRun=true&train=false");
        korean.Errors.Select(e => e.Message).ShouldBe(["내용이 비어 있습니다.", "\"NOPE\"(이)라는 부서가 없습니다 (부서 코드, 한글 이름, 영문 이름 중 하나로 적으세요).",
            "\"Shouting\"은(는) 종류가 아닙니다 (격려·응원, 민원, 제안, 질의, 단순의견, 스팸·욕설 또는 Praise, Complaint, Suggestion, Question, Opinion, Spam).", "\"nowhere\"은(는) 주제가 아닙니다."]);
        var english = await ImportAsync(admin, csv, "dryRun=true&train=false&culture=en-US");
        english.Errors.Select(e => e.Message).ShouldBe(["The text is empty.", "No division is called \"NOPE\" (use its code, Korean or English name).",
            "\"Shouting\" is not a kind (Praise, Complaint, Suggestion, Question, Opinion, Spam or their Korean names).", "\"nowhere\" is not a topic."]);
        var header = await admin.PostAsync("/api/v1/triage/training-data?culture=en-US", new StringContent("message,dept\nx,y\n", Encoding.UTF8, "text/csv"));
        (await header.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["file"].ShouldBe(["The CSV header must name the columns text and division (kind and topic are optional)."]);

        var live = (await admin.GetFromJsonAsync<List<ProgressDto>>("/api/v1/triage/models"))!.Single(m => m.IsActive);
        var again = await admin.PostAsync($"/api/v1/triage/models/{live.Id}/promote", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await again.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Rule.ShouldBe("AlreadyLive");
        problem.Detail.ShouldBe("이미 운영 중인 모델입니다.");
        (await (await admin.PostAsync($"/api/v1/triage/models/{live.Id}/promote?culture=en-US", null)).Content.ReadFromJsonAsync<ProblemDto>())!.Detail
            .ShouldBe("This model is already the live one.");
    }

    private async Task<Guid> DivisionIdAsync(string code)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    private async Task<Guid> SubmitAsync(string text)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.Where(m => m.ReceiptNumber == receipt).Select(m => m.Id).SingleAsync();
    }

    private static async Task<TriageDto> DecisionAsync(HttpClient staff, Guid messageId)
    {
        TriageDto? view = null;
        await Until(async () =>
        {
            var response = await staff.GetAsync($"/api/v1/triage/messages/{messageId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                view = await response.Content.ReadFromJsonAsync<TriageDto>();
            }
            return view is not null;
        }, "the message to be classified");
        return view!;
    }
}
