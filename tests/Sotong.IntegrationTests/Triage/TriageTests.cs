using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Triage.Decisions;
using Sotong.Core.Triage.Training;
using Sotong.Core.Triage.Trends;
using Sotong.IntegrationTests.Channels;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Triage;

public class TriageSqliteFixture : TriageSqliteApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ChannelSetup.RegisterAsync(this);
    }
}

public class TriagePostgresFixture : TriagePostgresApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ChannelSetup.RegisterAsync(this);
    }
}

public sealed class SqliteTriageTests(TriageSqliteFixture app) : TriageTests<TriageSqliteFixture>(app);

public sealed class PostgresTriageTests(TriagePostgresFixture app) : TriageTests<TriagePostgresFixture>(app);

public sealed record TriageDto(Guid MessageId, string Kind, double KindConfidence, string Topic, double TopicConfidence, string? District, Guid? DivisionId,
    string? DivisionNameKo, double DivisionConfidence, string DivisionSource, string? MatchedKeyword, double Confidence, int ModelVersion, string State,
    Guid GroupId, int GroupSize, int Version);
public sealed record ClassifiedDivisionDto(Guid Id, string Code);
public sealed record ClassifyDto(string Kind, string Topic, ClassifiedDivisionDto? Division, double Confidence, int ModelVersion, string DivisionSource, string? MatchedKeyword, bool NeedsReview);
public sealed record ModelDto(Guid Id, int Number, string State, bool IsActive, int Percent, string Phase, double? KindMacroF1, double? TopicMacroF1, double? DivisionAccuracy, double? RoutingAccuracy, int TrainCount, int TestCount, string? Error);
public sealed record HeadDto(string[] Labels, int[][] Confusion, double MacroF1, int TestCount);
public sealed record MetricsDto(HeadDto? Kind, HeadDto? Topic, HeadDto? Division, double? RoutingAccuracy);
public sealed record ModelDetailDto(ModelDto Summary, MetricsDto? Metrics);
public sealed record RowErrorDto(int Row, string Field, string Message);
public sealed record ImportReportDto(bool DryRun, int Rows, int Imported, int Skipped, int Duplicates, List<RowErrorDto> Errors, Guid? ModelId, int? ModelNumber);
public sealed record SettingsDto(double ConfidenceThreshold, double ModelDivisionThreshold, double SpikeRatio, int SpikeMinimum, int Version);
public sealed record RuleDto(Guid Id, string Topic, List<string> Keywords, string? District, Guid DivisionId, string DivisionCode, int Version);
public sealed record GroupMemberDto(Guid MessageId, string ReceiptNumber);
public sealed record ChannelRecipientsDto(string Channel, int Messages);
public sealed record GroupRecipientsDto(int Messages, int Citizens, int AlreadyAnswered, List<ChannelRecipientsDto> Channels);
public sealed record EmergingDto(Guid Id, string Topic, string? District, int LastHourCount, double UsualPerHour, bool IsOpen);

/// <summary>
/// Triage end to end: messages arrive classified and routed, low-confidence ones wait for a person whose correction
/// becomes a training example, an imported history trains a new model with stored metrics, near-duplicates group,
/// and spikes are spotted.
/// </summary>
public abstract partial class TriageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private async Task<HttpClient> ReadyAsync(string email = "comms@sotong.example")
    {
        var client = await app.SignedInAsync(email);
        var admin = await app.SignedInAsync("admin@sotong.example");
        await Until(async () => (await admin.GetFromJsonAsync<List<ModelDto>>("/api/v1/triage/models"))!.Any(m => m.IsActive), "the starter model goes live");
        return client;
    }

    private static Task Until(Func<Task<bool>> condition, string what) => Wait.UntilAsync(condition, what, Patience, 200);

    private async Task<TriageDto> DecisionAsync(HttpClient staff, Guid messageId)
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

    private async Task<Guid> SubmitAsync(string text, string? phone = null)
    {
        var response = await app.NewClient().PostAsJsonAsync("/api/v1/messages", new { text, phone });
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptDto>())!.ReceiptNumber;
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.Where(m => m.ReceiptNumber == receipt).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> DivisionAsync(string code)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Given_a_telegram_message_When_it_arrives_Then_it_is_labelled_and_routed_by_the_routing_table()
    {
        var comms = await ReadyAsync();
        var chatId = 800_000_000 + Random.Shared.Next(1, 1_000_000);
        var messageId = Random.Shared.Next(1, 1_000_000);
        const string text = BusText;
        var body = JsonSerializer.Serialize(new
        {
            update_id = messageId,
            message = new { message_id = messageId, from = new { id = chatId, is_bot = false, first_name = "지훈" }, chat = new { id = chatId, type = "private" }, date = 1_763_900_000, text },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/telegram") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TestChannels.TelegramSecret);
        (await app.NewClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Guid id;
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            id = await db.InboxMessages.Where(m => m.Channel == InboxChannel.Telegram && m.ProviderMessageId == $"{chatId}:{messageId}").Select(m => m.Id).SingleAsync();
        }
        var decision = await DecisionAsync(comms, id);
        decision.Topic.ShouldBe("transport");
        decision.District.ShouldBe("마포구");
        decision.DivisionSource.ShouldBe("Rule");
        decision.MatchedKeyword.ShouldBeOneOf("정류장", "버스");
        decision.DivisionId.ShouldBe(await DivisionAsync("TRN-BUS"));
        decision.State.ShouldBe("Routed");
        decision.ModelVersion.ShouldBe(1);
        decision.Confidence.ShouldBeInRange(0.5, 1.0);

        // The inbox carries the labels and the division; the bus officer now sees it, and the route is audited.
        var detail = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!;
        detail.DivisionId.ShouldBe(decision.DivisionId);
        var filtered = (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?topic=transport&kind={decision.Kind}&pageSize=100"))!;
        filtered.Items.ShouldContain(i => i.Id == id);
        (await comms.GetFromJsonAsync<PageDto<InboxItemDto>>($"/api/v1/inbox?topic=welfare&pageSize=100"))!.Items.ShouldNotContain(i => i.Id == id);
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.GetAsync($"/api/v1/inbox/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "Routed" && a.ActorId == TriageWorker.TriageActor)).ShouldBe(1);
        }

        // The classify endpoint is the same pure function.
        var classified = (await (await comms.PostAsJsonAsync("/api/v1/triage/classify", new { text })).Content.ReadFromJsonAsync<ClassifyDto>())!;
        classified.Topic.ShouldBe(decision.Topic);
        classified.Kind.ShouldBe(decision.Kind);
        classified.Division!.Code.ShouldBe("TRN-BUS");
        classified.ModelVersion.ShouldBe(1);
    }

    /// <summary>A message the starter model is sure of (the same words as the Telegram test): routed by the bus rule.</summary>
    private const string BusText = "마포구 망원동 정류장인데 7011번 버스가 40분째 안 와요. 배차간격이 너무 길어서 출근할 때마다 지각합니다. 버스 좀 늘려주세요";

    [Fact]
    public async Task Given_a_live_model_When_a_message_is_accepted_Then_it_is_stored_already_decided_in_the_same_transaction()
    {
        await ReadyAsync();
        var recorder = app.Service<TriageRecorder>();
        await Until(() => Task.FromResult(recorder.Ready), "the worker to rebuild the groups");
        var hour = TimeProvider.System.GetUtcNow().UtcDateTime;
        hour = new DateTime(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, DateTimeKind.Utc);
        int before;
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            before = await db.Set<HourlyCount>().Where(h => h.HourUtc >= hour && h.Topic == "transport" && h.District == "").SumAsync(h => h.Count);
        }

        // No waiting: when the sender is told "accepted", the labels, the division, the decision, the route's audit
        // and the hourly count are already stored with the message.
        var ids = new[]
        {
            await SubmitAsync(BusText),
            await SubmitAsync(BusText),
        };
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var bus = await DivisionAsync("TRN-BUS");
            foreach (var id in ids)
            {
                var message = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
                message.Topic.ShouldBe("transport");
                message.Intent.ShouldNotBeNull();
                message.DivisionId.ShouldBe(bus);
                var decision = await db.Set<TriageDecision>().AsNoTracking().SingleAsync(d => d.MessageId == id);
                decision.DivisionId.ShouldBe(bus);
                decision.State.ShouldBe(TriageState.Routed);
                (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "Routed" && a.ActorId == TriageWorker.TriageActor)).ShouldBe(1);
            }
            // Two batches (or one) add to the same hourly row rather than clash on its key.
            var after = await db.Set<HourlyCount>().Where(h => h.HourUtc >= hour && h.Topic == "transport" && h.District == "").SumAsync(h => h.Count);
            (after - before).ShouldBeGreaterThanOrEqualTo(2);
        }
    }

    [Fact]
    public async Task Given_a_message_stored_before_triage_could_decide_Then_the_worker_decides_it_once()
    {
        var comms = await ReadyAsync();
        // As if it arrived before the model was live: stored bare, then announced.
        var message = new InboxMessage
        {
            ReceiptNumber = ReceiptNumbers.New(InboxChannel.Web, TimeProvider.System.GetUtcNow().UtcDateTime),
            FollowKeyHash = ReceiptNumbers.Hash(ReceiptNumbers.NewFollowKey()),
            Channel = InboxChannel.Web,
            ProviderMessageId = Guid.NewGuid().ToString("N"),
            Text = BusText,
            Kind = MessageKind.WebForm,
            ReceivedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            db.InboxMessages.Add(message);
            await db.SaveChangesAsync();
        }
        await app.Service<InboxNotifier>().PublishAsync(new InboxChange(message.Id, null, "received"));
        var decision = await DecisionAsync(comms, message.Id);
        decision.Topic.ShouldBe("transport");
        decision.State.ShouldBe("Routed");
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
            stored.Topic.ShouldBe("transport");
            stored.DivisionId.ShouldBe(await DivisionAsync("TRN-BUS"));
            (await db.AuditEntries.CountAsync(a => a.EntityId == message.Id.ToString() && a.Action == "Routed")).ShouldBe(1);
        }
        // Announced again (another node, a replay): nothing is decided twice.
        await app.Service<InboxNotifier>().PublishAsync(new InboxChange(message.Id, null, "received"));
        await Task.Delay(500);
        (await DecisionAsync(comms, message.Id)).Version.ShouldBe(decision.Version);
    }

    [Fact]
    public async Task Given_a_low_confidence_message_Then_it_waits_for_a_person_and_the_correction_becomes_a_training_example()
    {
        var comms = await ReadyAsync();
        var admin = await app.SignedInAsync("admin@sotong.example");
        var settings = (await admin.GetFromJsonAsync<SettingsDto>("/api/v1/triage/settings"))!;
        var strict = settings with { ConfidenceThreshold = 0.999 };
        var saved = (await (await admin.PutAsJsonAsync("/api/v1/triage/settings", strict)).Content.ReadFromJsonAsync<SettingsDto>())!;
        try
        {
            var id = await SubmitAsync("공원 옆 공터에 뭐가 생긴다던데 그게 뭔지 궁금해서요 " + Guid.NewGuid().ToString("N")[..6]);
            var decision = await DecisionAsync(comms, id);
            decision.State.ShouldBe("NeedsReview");
            (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!.DivisionId.ShouldBeNull();
            var queue = (await comms.GetFromJsonAsync<PageDto<JsonElement>>("/api/v1/triage/queue?pageSize=100"))!;
            queue.Items.ShouldContain(i => i.GetProperty("messageId").GetGuid() == id);

            // A department officer cannot move it elsewhere; communications can.
            var parks = await DivisionAsync("PRK-POL");
            var bus = await app.SignedInAsync("bus@sotong.example");
            (await bus.GetAsync("/api/v1/triage/queue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var bad = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Question", topic = "no-such-topic", divisionId = parks, version = decision.Version });
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.ShouldContainKey("topic");
            var reviewed = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Question", topic = "environment", divisionId = parks, version = decision.Version });
            reviewed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var after = (await reviewed.Content.ReadFromJsonAsync<TriageDto>())!;
            after.State.ShouldBe("Reviewed");
            after.DivisionSource.ShouldBe("Officer");
            // The same stale version again is a conflict, not a silent overwrite.
            (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{id}/review", new { kind = "Praise", topic = "culture", divisionId = parks, version = decision.Version }))
                .StatusCode.ShouldBe(HttpStatusCode.Conflict);

            (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!.DivisionId.ShouldBe(parks);
            (await comms.GetFromJsonAsync<PageDto<JsonElement>>("/api/v1/triage/queue?pageSize=100"))!.Items.ShouldNotContain(i => i.GetProperty("messageId").GetGuid() == id);
            await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
            var example = await db.Set<TrainingExample>().SingleAsync(e => e.MessageId == id);
            example.Source.ShouldBe(ExampleSource.Correction);
            example.Intent.ShouldBe(MessageIntent.Question);
            example.Topic.ShouldBe("environment");
            example.DivisionId.ShouldBe(parks);
            (await db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == "Reviewed")).ShouldBe(1);
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/triage/settings", settings with { Version = saved.Version })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Given_an_imported_history_Then_a_new_model_trains_with_stored_metrics_and_can_be_promoted_and_rolled_back()
    {
        await ReadyAsync();
        var admin = await app.SignedInAsync("admin@sotong.example");
        var csv = new StringBuilder("text,division,kind,topic\n");
        foreach (var line in HistorySample(400))
        {
            csv.Append(line).Append('\n');
        }
        csv.Append(",TRN-BUS,,\n");                                  // no text
        csv.Append("\"버스가 안 와요\",NO-SUCH-DIVISION,,\n");           // unknown division
        csv.Append("\"버스가 안 와요\",버스정책과,Shouting,\n");           // unknown kind

        var dry = await PostCsvAsync(admin, csv.ToString(), "dryRun=true");
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var dryReport = (await dry.Content.ReadFromJsonAsync<ImportReportDto>())!;
        dryReport.DryRun.ShouldBeTrue();
        dryReport.Rows.ShouldBe(403);
        dryReport.Imported.ShouldBe(0);
        dryReport.Errors.Select(e => (e.Row, e.Field)).ShouldBe([(402, "text"), (403, "division"), (404, "kind")]);
        dryReport.ModelId.ShouldBeNull();
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.Set<TrainingExample>().CountAsync(e => e.Source == ExampleSource.Import)).ShouldBe(0);
        }

        var real = (await (await PostCsvAsync(admin, csv.ToString(), "train=true")).Content.ReadFromJsonAsync<ImportReportDto>())!;
        real.Imported.ShouldBe(400 - real.Duplicates);
        real.Skipped.ShouldBe(3 + real.Duplicates);
        real.ModelNumber.ShouldBe(2);

        ModelDto? trained = null;
        await Until(async () =>
        {
            trained = (await admin.GetFromJsonAsync<List<ModelDto>>("/api/v1/triage/models"))!.Single(m => m.Number == 2);
            return trained.State is "Ready" or "Failed";
        }, "model v2 to train");
        trained!.State.ShouldBe("Ready", trained.Error);
        trained.IsActive.ShouldBeFalse();
        trained.KindMacroF1!.Value.ShouldBeGreaterThan(0.3);
        trained.TopicMacroF1!.Value.ShouldBeGreaterThan(0.3);
        trained.RoutingAccuracy!.Value.ShouldBeGreaterThan(0.3);
        trained.DivisionAccuracy.ShouldNotBeNull();
        var detail = (await admin.GetFromJsonAsync<ModelDetailDto>($"/api/v1/triage/models/{trained.Id}"))!;
        detail.Metrics!.Kind!.Confusion.Length.ShouldBe(6);
        detail.Metrics.Kind.Confusion.Sum(r => r.Sum()).ShouldBe(detail.Metrics.Kind.TestCount);
        detail.Metrics.Topic!.Labels.Length.ShouldBe(11);
        detail.Metrics.Division.ShouldNotBeNull();

        // Only an administrator promotes; the live model changes, and an earlier one can be restored.
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await comms.PostAsync($"/api/v1/triage/models/{trained.Id}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/v1/triage/models/{trained.Id}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/triage/models/{trained.Id}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Classify(comms, "지하철 2호선 에어컨이 너무 세요")).ModelVersion.ShouldBe(2);
        var first = (await admin.GetFromJsonAsync<List<ModelDto>>("/api/v1/triage/models"))!.Single(m => m.Number == 1);
        (await admin.PostAsync($"/api/v1/triage/models/{first.Id}/promote", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Classify(comms, "지하철 2호선 에어컨이 너무 세요")).ModelVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Given_bad_import_files_Then_each_gets_a_clear_4xx_and_nothing_is_stored()
    {
        var admin = await app.SignedInAsync("admin@sotong.example");
        var notUtf8 = new ByteArrayContent([0x74, 0x65, 0x78, 0x74, 0x2C, 0x64, 0x69, 0x76, 0x69, 0x73, 0x69, 0x6F, 0x6E, 0x0A, 0xB9, 0xF6, 0xBD, 0xBA, 0x2C, 0x41, 0x0A]);
        notUtf8.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await admin.PostAsync("/api/v1/triage/training-data?train=false", notUtf8);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!["file"][0].ShouldContain("UTF-8");

        (await PostCsvAsync(admin, "message,dept\nhello,TRN-BUS\n", "train=false")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsync("/api/v1/triage/training-data", new StringContent("<xml/>", Encoding.UTF8, "application/xml"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var officer = await app.SignedInAsync("bus@sotong.example");
        (await PostCsvAsync(officer, "text,division\n버스,TRN-BUS\n", "train=false")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.NewClient().PostAsJsonAsync("/api/v1/triage/classify", new { text = "버스" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await comms.PostAsJsonAsync("/api/v1/triage/classify", new { text = "  " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var jsonl = new StringContent("{\"text\":\"따릉이 대여소가 부족해요\",\"division\":\"TRN-PED\"}\nnot json\n{\"text\":\"쓰레기\",\"division\":\"ENV-RES\",\"topic\":\"환경·청소\"}\n", Encoding.UTF8, "application/x-ndjson");
        var report = (await (await admin.PostAsync("/api/v1/triage/training-data?train=false&dryRun=true", jsonl)).Content.ReadFromJsonAsync<ImportReportDto>())!;
        report.Rows.ShouldBe(3);
        report.Errors.ShouldHaveSingleItem().Row.ShouldBe(2);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.Set<TrainingExample>().CountAsync(e => e.Source == ExampleSource.Import && e.Text.Contains("따릉이"))).ShouldBe(0);
    }

    [Fact]
    public async Task Given_the_same_issue_from_three_citizens_Then_their_messages_form_one_group()
    {
        var comms = await ReadyAsync();
        var place = $"성미산로{Random.Shared.Next(100, 999)}길 {Random.Shared.Next(1, 99)}";
        var ids = new[]
        {
            await SubmitAsync($"{place} 앞 도로에 포트홀이 크게 생겨서 차가 덜컹거려요. 밤에는 안 보여서 위험합니다.", "010-2000-0001"),
            await SubmitAsync($"안녕하세요 {place} 앞 도로 포트홀 신고합니다. 밤에 안 보여서 위험해요 빨리 메워주세요", "010-2000-0002"),
            await SubmitAsync($"{place} 앞에 도로가 움푹 패였어요!! 포트홀 때문에 자전거 타다 넘어질 뻔", "010-2000-0003"),
        };
        var decisions = new List<TriageDto>();
        foreach (var id in ids)
        {
            decisions.Add(await DecisionAsync(comms, id));
        }
        decisions.Select(d => d.GroupId).Distinct().ShouldHaveSingleItem();
        (await DecisionAsync(comms, ids[2])).GroupSize.ShouldBe(3);
        var group = (await comms.GetFromJsonAsync<List<GroupMemberDto>>($"/api/v1/triage/messages/{ids[1]}/group"))!;
        group.Select(g => g.MessageId).ShouldBe(ids, ignoreOrder: true);

        // One answer reaches all three, each recorded on its own message, once the officer has confirmed how many it reaches.
        const string answer = "포트홀은 오늘 중으로 보수하겠습니다. 불편을 드려 죄송합니다.";
        var unconfirmed = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = answer });
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unconfirmed.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["recipients"]);
        var recipients = (await comms.GetFromJsonAsync<GroupRecipientsDto>($"/api/v1/triage/messages/{ids[0]}/group/recipients"))!;
        recipients.Messages.ShouldBe(3);
        recipients.Citizens.ShouldBe(3);
        recipients.AlreadyAnswered.ShouldBe(0);
        recipients.Channels.ShouldBe([new ChannelRecipientsDto("Web", 3)]);
        var miscounted = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = answer, recipients = 2 });
        miscounted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await miscounted.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Rule.ShouldBe("ConfirmGroupRecipients");
        problem.Detail.ShouldBe("그룹이 바뀌어 답변이 2건이 아니라 3건에 갑니다. 받는 사람을 확인하고 다시 확정하세요.");
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.OutboundReplies.CountAsync(r => ids.Contains(r.MessageId))).ShouldBe(0);
        }
        var answered = await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = answer, recipients = recipients.Messages });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await answered.Content.ReadFromJsonAsync<List<JsonElement>>())!;
        results.Select(r => r.GetProperty("messageId").GetGuid()).ShouldBe(ids, ignoreOrder: true);
        foreach (var id in ids)
        {
            var detail = (await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{id}"))!;
            detail.AnswerText.ShouldBe(answer);
            detail.Status.ShouldBe("Answered");
        }
        (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = "", recipients = 3 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A second click sends nothing twice: nobody is left to answer, so the count confirmed before no longer holds.
        (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = "다시 보냅니다", recipients = 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var after = (await comms.GetFromJsonAsync<GroupRecipientsDto>($"/api/v1/triage/messages/{ids[0]}/group/recipients"))!;
        (after.Messages, after.AlreadyAnswered).ShouldBe((0, 3));
        (await comms.PostAsJsonAsync($"/api/v1/triage/messages/{ids[0]}/group/reply", new { text = "다시 보냅니다", recipients = 0 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            (await db.OutboundReplies.CountAsync(r => ids.Contains(r.MessageId))).ShouldBe(3);
            (await db.AuditEntries.CountAsync(a => a.EntityId == decisions[0].GroupId.ToString() && a.Action == "GroupReplied")).ShouldBe(1);
        }

        // The group becomes one case holding every sender's message.
        var opened = await comms.PostAsJsonAsync("/api/v1/cases/from-group", new { messageId = ids[1], type = "Grievance" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var caseDetail = await comms.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        caseDetail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetGuid()).ShouldBe(ids, ignoreOrder: true);

        var elsewhere = await SubmitAsync($"무악재로 {Random.Shared.Next(100, 999)} 앞 도로에 포트홀이 크게 생겨서 차가 덜컹거려요. 밤에는 안 보여서 위험합니다.", "010-2000-0004");
        (await DecisionAsync(comms, elsewhere)).GroupId.ShouldNotBe(decisions[0].GroupId);
    }

    [Fact]
    public async Task Given_the_routing_table_Then_communications_edit_it_with_validation_and_conflict_checks()
    {
        var comms = await ReadyAsync();
        var walking = await DivisionAsync("TRN-PED");
        var created = await comms.PostAsJsonAsync("/api/v1/triage/routing", new { topic = "transport", keywords = new[] { "킥보드", "scooter" }, divisionId = walking, note = "공유 킥보드" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var rule = (await created.Content.ReadFromJsonAsync<RuleDto>())!;
        rule.Keywords.ShouldBe(["킥보드", "scooter"]);
        var classified = await Classify(comms, "인도 한가운데 공유 킥보드가 쓰러져 있어서 지나가기 힘들어요. 버스 정류장 바로 앞이에요");
        if (classified.Topic == "transport")
        {
            classified.MatchedKeyword.ShouldBe("킥보드");
            classified.Division!.Code.ShouldBe("TRN-PED");
        }

        var invalid = await comms.PostAsJsonAsync("/api/v1/triage/routing", new { topic = "nothing", keywords = new[] { "a,b" }, district = "없는구", divisionId = Guid.NewGuid() });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["topic", "divisionId", "keywords", "district"], ignoreOrder: true);

        var tooLong = await comms.PostAsJsonAsync("/api/v1/triage/routing", new { topic = "transport", keywords = new[] { new string('가', 61) }, divisionId = walking });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<ProblemDto>())!.Errors!.Keys.ShouldBe(["keywords"]);
        var nullKeyword = await comms.PostAsync("/api/v1/triage/routing", new StringContent($"{{\"topic\":\"transport\",\"keywords\":[null],\"divisionId\":\"{walking}\"}}", Encoding.UTF8, "application/json"));
        nullKeyword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var updated = await comms.PutAsJsonAsync($"/api/v1/triage/routing/{rule.Id}", new { topic = "transport", keywords = new[] { "킥보드" }, district = "마포구", divisionId = walking, version = rule.Version });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await comms.PutAsJsonAsync($"/api/v1/triage/routing/{rule.Id}", new { topic = "transport", keywords = new[] { "x" }, divisionId = walking, version = rule.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var bus = await app.SignedInAsync("bus@sotong.example");
        (await bus.DeleteAsync($"/api/v1/triage/routing/{rule.Id}?version=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await comms.DeleteAsync($"/api/v1/triage/routing/{rule.Id}?version=1")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await comms.GetFromJsonAsync<List<RuleDto>>("/api/v1/triage/routing?topic=transport"))!.ShouldNotContain(r => r.Id == rule.Id);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.Where(a => a.EntityId == rule.Id.ToString()).Select(a => a.Action).ToListAsync()).ShouldBe(["Created", "Changed", "Deleted"], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_a_burst_in_one_district_Then_a_topic_by_district_issue_opens_and_the_staff_menu_counts_the_open_issues()
    {
        var comms = await ReadyAsync();
        var topic = "local-" + Guid.NewGuid().ToString("N")[..8];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var thisHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            // A usual week: the topic 20–30 messages an hour across the city, 0–1 of them from 중구.
            var random = new Random(5);
            for (var h = 2; h <= 24 * 7; h++)
            {
                db.Add(new HourlyCount { HourUtc = thisHour.AddHours(-h), Topic = topic, Count = random.Next(20, 31) });
                db.Add(new HourlyCount { HourUtc = thisHour.AddHours(-h), Topic = topic, District = "중구", Count = random.Next(0, 2) });
            }
            // The last hour: a usual city-wide total (25), but 20 of them from 중구.
            for (var i = 0; i < 25; i++)
            {
                var message = new InboxMessage
                {
                    ReceiptNumber = $"T-{Guid.NewGuid():N}"[..30], FollowKeyHash = "x", ProviderMessageId = Guid.NewGuid().ToString(), Text = "중구 단수 문의",
                    ReceivedAtUtc = now.AddMinutes(-(i % 50)),
                };
                db.InboxMessages.Add(message);
                db.Add(new TriageDecision { MessageId = message.Id, ReceivedAtUtc = message.ReceivedAtUtc, DecidedAtUtc = now, Topic = topic, District = i < 20 ? "중구" : null, GroupId = message.Id });
            }
            await db.SaveChangesAsync();
        }

        var opened = await app.Service<TrendWatcher>().CheckAsync(CancellationToken.None);

        opened.ShouldContain(e => e.Topic == topic && e.District == "중구" && e.LastHourCount == 20);
        opened.ShouldNotContain(e => e.Topic == topic && e.District == null);
        // The staff menu counts what is open, on every staff page.
        var open = (await comms.GetFromJsonAsync<List<EmergingDto>>("/api/v1/triage/emerging?openOnly=true"))!;
        var page = await comms.GetStringAsync("/staff/cases");
        page.ShouldContain($"data-testid=\"emerging-badge\">{open.Count}<");
        foreach (var issue in open)
        {
            (await comms.PostAsync($"/api/v1/triage/emerging/{issue.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        (await comms.GetStringAsync("/staff/cases")).ShouldNotContain("data-testid=\"emerging-badge\"");
    }

    [Fact]
    public async Task Given_a_burst_on_one_topic_Then_an_emerging_issue_opens_and_a_normal_hour_does_not()
    {
        var comms = await ReadyAsync();
        var topic = "burst-" + Guid.NewGuid().ToString("N")[..8];
        var calm = "calm-" + Guid.NewGuid().ToString("N")[..8];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var thisHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            // A normal week: the burst topic 0–2 messages an hour, the calm one 6–9.
            var random = new Random(3);
            for (var h = 2; h <= 24 * 7; h++)
            {
                db.Add(new HourlyCount { HourUtc = thisHour.AddHours(-h), Topic = topic, Count = random.Next(0, 3) });
                db.Add(new HourlyCount { HourUtc = thisHour.AddHours(-h), Topic = calm, Count = random.Next(6, 10) });
            }
            // The last hour: the snowstorm (40) and an ordinary hour (8).
            for (var i = 0; i < 48; i++)
            {
                var message = new InboxMessage
                {
                    ReceiptNumber = $"T-{Guid.NewGuid():N}"[..30], FollowKeyHash = "x", ProviderMessageId = Guid.NewGuid().ToString(), Text = "눈이 너무 많이 와요",
                    ReceivedAtUtc = now.AddMinutes(-(i % 50)),
                };
                db.InboxMessages.Add(message);
                db.Add(new TriageDecision { MessageId = message.Id, ReceivedAtUtc = message.ReceivedAtUtc, DecidedAtUtc = now, Topic = i < 40 ? topic : calm, GroupId = message.Id });
            }
            await db.SaveChangesAsync();
        }
        var told = new List<EmergingIssue>();
        var notifier = app.Service<TrendNotifier>();
        Task Listen(EmergingIssue e)
        {
            lock (told)
            {
                told.Add(e);
            }
            return Task.CompletedTask;
        }
        notifier.Emerged += Listen;
        try
        {
            var opened = await app.Service<TrendWatcher>().CheckAsync(CancellationToken.None);
            opened.ShouldContain(e => e.Topic == topic && e.District == null && e.LastHourCount == 40);
            opened.ShouldNotContain(e => e.Topic == calm);
            lock (told)
            {
                told.ShouldContain(e => e.Topic == topic);
            }
            // A second check in the same storm refreshes the issue instead of opening another.
            await app.Service<TrendWatcher>().CheckAsync(CancellationToken.None);
            var listed = (await comms.GetFromJsonAsync<List<EmergingDto>>("/api/v1/triage/emerging"))!;
            listed.Count(e => e.Topic == topic).ShouldBe(1);
            listed.ShouldNotContain(e => e.Topic == calm);
            var issue = listed.Single(e => e.Topic == topic);
            issue.UsualPerHour.ShouldBeLessThan(2);
            (await comms.PostAsync($"/api/v1/triage/emerging/{issue.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await comms.GetFromJsonAsync<List<EmergingDto>>("/api/v1/triage/emerging?openOnly=true"))!.ShouldNotContain(e => e.Id == issue.Id);
        }
        finally
        {
            notifier.Emerged -= Listen;
        }
    }

    [Fact]
    public async Task Given_topics_Then_administrators_rename_them_and_others_cannot()
    {
        var admin = await app.SignedInAsync("admin@sotong.example");
        var topics = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/triage/topics"))!;
        topics.Select(t => t.GetProperty("key").GetString()).ShouldBe(["transport", "safety", "housing", "culture", "welfare", "health", "education", "economy", "environment", "roads", "administration"]);
        (await admin.PutAsJsonAsync("/api/v1/triage/topics", new { key = "culture", nameKo = "문화·관광·체육", nameEn = "Culture, tourism and sports" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/triage/topics"))!.Single(t => t.GetProperty("key").GetString() == "culture").GetProperty("nameKo").GetString().ShouldBe("문화·관광·체육");
        (await admin.PutAsJsonAsync("/api/v1/triage/topics", new { key = "Bad Key", nameKo = "", nameEn = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var comms = await app.SignedInAsync("comms@sotong.example");
        (await comms.PutAsJsonAsync("/api/v1/triage/topics", new { key = "culture", nameKo = "x", nameEn = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<ClassifyDto> Classify(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/v1/triage/classify", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ClassifyDto>())!;
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv, string query) =>
        client.PostAsync($"/api/v1/triage/training-data?{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>The first rows of the synthetic city history kept in the repository (data/triage/history.csv).</summary>
    private static IEnumerable<string> HistorySample(int rows)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sotong.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir!.FullName, "data", "triage", "history.csv");
        using var reader = new StreamReader(path);
        reader.ReadLine();
        // Records may span lines (quoted newlines); keep whole records by counting quotes.
        var record = new StringBuilder();
        var taken = 0;
        while (taken < rows && reader.ReadLine() is { } line)
        {
            record.Append(record.Length > 0 ? "\n" : "").Append(line);
            if (record.ToString().Count(c => c == '"') % 2 == 0)
            {
                // history.csv is text,division,kind,topic,received_at: drop the last column.
                var full = record.ToString();
                yield return full[..full.LastIndexOf(',')];
                record.Clear();
                taken++;
            }
        }
    }
}
