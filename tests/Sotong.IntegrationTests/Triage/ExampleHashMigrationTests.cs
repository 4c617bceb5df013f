using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Triage.Training;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Triage;

public sealed class SqliteExampleHashMigrationTests() : ExampleHashMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresExampleHashMigrationTests() : ExampleHashMigrationTests(DatabaseProvider.Postgres);

/// <summary>
/// A database that already holds the duplicates re-imports used to add: the migration that brings the unique index
/// must not fail on it, and the start-up backfill keeps the first copy of each, fixes its batches' counts, and leaves
/// officers' corrections alone.
/// </summary>
public abstract class ExampleHashMigrationTests(DatabaseProvider provider) : ScratchDatabaseTests(provider)
{
    private SotongDbContext NewContext() => Database.CreateDbContext();

    private object Id(Guid id) => Database.Id(id);

    [Fact]
    public async Task Given_examples_imported_twice_before_the_migration_When_it_runs_and_the_app_starts_Then_one_copy_of_each_remains()
    {
        var division = Guid.NewGuid();
        var otherDivision = Guid.NewGuid();
        var firstBatch = Guid.NewGuid();
        var secondBatch = Guid.NewGuid();
        var message = Guid.NewGuid();
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = NewContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_TriageImportBatches", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);

            // Raw SQL: the model already knows columns this older schema does not have.
            async Task Insert(string text, Guid division, string source, Guid batch, Guid message, int minutes) =>
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO triage_example (\"Id\", \"Text\", \"DivisionId\", \"Source\", \"BatchId\", \"MessageId\", \"IsTest\", \"CreatedAtUtc\", \"CreatedByName\") " +
                    "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
                    Id(Guid.NewGuid()), text, Id(division), source, Id(batch), Id(message), false, start.AddMinutes(minutes), "관리자");

            // The first import, then the same file again a day later (and one row that only differs in its numbers).
            await Insert("버스 143번이 안 와요", division, "Import", firstBatch, Guid.Empty, 0);
            await Insert("가로등이 꺼졌어요", division, "Import", firstBatch, Guid.Empty, 1);
            await Insert("가로등이 꺼졌어요", otherDivision, "Import", firstBatch, Guid.Empty, 2);
            await Insert("버스 143번이 안 와요", division, "Import", secondBatch, Guid.Empty, 1440);
            await Insert("가로등이  꺼졌어요", division, "Import", secondBatch, Guid.Empty, 1441);
            await Insert("버스 420번이 안 와요", division, "Import", secondBatch, Guid.Empty, 1442);
            await Insert("새로 생긴 공원이 좋아요", division, "Import", secondBatch, Guid.Empty, 1443);
            // An officer's correction of a message with the same text is not an import duplicate.
            await Insert("버스 143번이 안 와요", division, "Correction", Guid.Empty, message, 2000);
            await db.Database.ExecuteSqlRawAsync("UPDATE triage_example SET \"BatchId\" = NULL WHERE \"Source\" = 'Correction'");
            await db.Database.ExecuteSqlRawAsync("UPDATE triage_example SET \"MessageId\" = NULL WHERE \"Source\" = 'Import'");

            await db.Database.MigrateAsync();
        }

        var backfill = new ExampleHashBackfill(Database, NullLogger<ExampleHashBackfill>.Instance);
        await backfill.SeedAsync(CancellationToken.None);
        await backfill.SeedAsync(CancellationToken.None);

        await using (var db = NewContext())
        {
            var examples = await db.Set<TrainingExample>().AsNoTracking().ToListAsync();
            examples.ShouldAllBe(e => e.TextHash != null);
            var imports = examples.Where(e => e.Source == ExampleSource.Import).ToList();
            imports.Select(e => (e.Text, e.DivisionId, e.BatchId)).OrderBy(x => x.Text, StringComparer.Ordinal).ThenBy(x => x.DivisionId == otherDivision)
                .ShouldBe([("가로등이 꺼졌어요", (Guid?)division, (Guid?)firstBatch), ("가로등이 꺼졌어요", otherDivision, firstBatch),
                    ("버스 143번이 안 와요", division, firstBatch), ("새로 생긴 공원이 좋아요", division, secondBatch)]);
            examples.Single(e => e.Source == ExampleSource.Correction).MessageId.ShouldBe(message);

            // The migration made batches of the old imports; the backfill moved the removed rows to the duplicates.
            var batches = await db.Set<TrainingBatch>().AsNoTracking().ToDictionaryAsync(b => b.Id);
            batches.Count.ShouldBe(2);
            (batches[firstBatch].Added, batches[firstBatch].Duplicates).ShouldBe((3, 0));
            (batches[secondBatch].Added, batches[secondBatch].Duplicates).ShouldBe((1, 3));
            batches[secondBatch].CreatedAtUtc.ShouldBe(start.AddMinutes(1440));
            batches[secondBatch].CreatedByName.ShouldBe("관리자");

            // From now on the database itself refuses a second copy.
            db.Add(new TrainingExample
            {
                Text = "버스 999번이 안 와요", DivisionId = division, Source = ExampleSource.Import, TextHash = TrainingExample.HashOf("버스 999번이 안 와요"), CreatedAtUtc = start,
            });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
