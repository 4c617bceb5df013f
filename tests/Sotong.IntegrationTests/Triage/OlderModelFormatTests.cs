using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Triage;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Training;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Triage;

public sealed class SqliteOlderModelFormatTests() : OlderModelFormatTests(DatabaseProvider.Sqlite);

public sealed class PostgresOlderModelFormatTests() : OlderModelFormatTests(DatabaseProvider.Postgres);

/// <summary>
/// A city upgrading from a Sotong whose models held ML.NET's featuriser: the live model cannot be read any more, so the
/// training service trains its successor from the same examples at start-up and puts it live by itself.
/// </summary>
public abstract class OlderModelFormatTests(DatabaseProvider provider) : ScratchDatabaseTests(provider)
{
    private SotongDbContext NewContext() => Database.CreateDbContext();

    private static byte[] OlderFormat()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("featurizer.zip").Open())
        {
            entry.Write("PK"u8);
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_model_of_the_older_format_is_not_read_says_why_and_cannot_go_live()
    {
        TriageModelFile.IsReadable(OlderFormat()).ShouldBeFalse();
        TriageModelFile.IsReadable([1, 2, 3]).ShouldBeFalse();
        TriageModelFile.IsReadable(null).ShouldBeFalse();
        Should.Throw<InvalidDataException>(() => TextClassifierModel.Load(OlderFormat())).Message.ShouldContain("earlier version");

        var text = new StringLocalizer<Text>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var model = new TriageModelVersion { State = ModelState.Ready, Bytes = OlderFormat() };
        var refused = Should.Throw<RuleViolationException>(() => model.EnsurePromotable(text));
        refused.Rule.ShouldBe("OlderModelFormat");
        refused.Message.ShouldNotBe("Triage.Rule.OlderModelFormat"); // the resource has a text
    }

    [Fact]
    public async Task Given_a_live_model_of_the_older_format_When_the_app_starts_Then_its_successor_trains_and_goes_live()
    {
        var old = new TriageModelVersion
        {
            Number = 1, State = ModelState.Ready, Trigger = TrainingTrigger.Starter, Phase = TrainingPhases.Done, Percent = 100, Bytes = OlderFormat(),
            IsActive = true, CreatedAtUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), PromotedByName = "Sotong",
        };
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
            db.Add(old);
            await db.SaveChangesAsync();
        }
        var factory = Database;
        using var engine = new TriageEngine(factory, NullLogger<TriageEngine>.Instance);
        using var service = new TrainingService(factory, engine, TimeProvider.System, NullLogger<TrainingService>.Instance);

        await service.StartAsync(CancellationToken.None);
        try
        {
            // Until the successor is live, this node has no model it can read: classifying waits rather than failing.
            await Wait.UntilAsync(() => Task.FromResult(engine.Current is not null), "the successor to go live", TimeSpan.FromSeconds(180), 200);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        engine.Current!.ModelVersion.ShouldBe(2);
        engine.Current.Classify("지하철 2호선 에어컨이 너무 세요").Topic.ShouldBe("transport");
        await using (var db = NewContext())
        {
            var models = await db.Set<TriageModelVersion>().AsNoTracking().OrderBy(m => m.Number).ToListAsync();
            models.Select(m => (m.Number, m.State, m.Trigger, m.IsActive)).ShouldBe([(1, ModelState.Ready, TrainingTrigger.Starter, false), (2, ModelState.Ready, TrainingTrigger.Starter, true)]);
            models[1].KindMacroF1!.Value.ShouldBeGreaterThan(0.8);
            var promoted = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(TriageModelVersion) && a.Action == "Promoted").ToListAsync();
            promoted.Select(a => (a.EntityId, a.FromState, a.ToState, a.ActorName)).ShouldBe([(models[1].Id.ToString(), "v1", "v2", "Sotong")]);
        }
    }
}
