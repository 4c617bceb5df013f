using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;

namespace Sotong.Core.Triage.Training;

/// <summary>
/// Fills <see cref="TrainingExample.TextHash"/> on examples stored before it existed; the hash is the normaliser's, which
/// SQL cannot compute, so the migration leaves it null and this runs at start-up after it. An imported example whose
/// (hash, division) an earlier import already holds is the duplicate a re-import used to add: it is removed (the earliest
/// copy stays) and its batch's counts say so. Does nothing once every row has its hash.
/// </summary>
internal sealed partial class ExampleHashBackfill(IDbContextFactory<SotongDbContext> dbFactory, ILogger<ExampleHashBackfill> logger) : IDataSeeder
{
    private const int Chunk = 2000;

    public async Task SeedAsync(CancellationToken ct)
    {
        var hashed = 0;
        var removed = 0;
        for (var attempt = 0; ;)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Set<TrainingExample>().Where(e => e.TextHash == null)
                .OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Take(Chunk).ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }
            foreach (var e in rows)
            {
                e.TextHash = TrainingExample.HashOf(e.Text);
            }
            var imports = rows.Where(e => e.Source == ExampleSource.Import).ToList();
            var hashes = imports.Select(e => e.TextHash!).Distinct(StringComparer.Ordinal).ToList();
            var taken = (await db.Set<TrainingExample>().AsNoTracking()
                    .Where(e => e.Source == ExampleSource.Import && e.TextHash != null && hashes.Contains(e.TextHash))
                    .Select(e => new { e.TextHash, e.DivisionId }).ToListAsync(ct))
                .Select(k => (k.TextHash!, k.DivisionId)).ToHashSet();
            var lostPerBatch = new Dictionary<Guid, int>();
            var duplicates = 0;
            foreach (var e in imports)
            {
                if (!taken.Add((e.TextHash!, e.DivisionId)))
                {
                    db.Remove(e);
                    duplicates++;
                    if (e.BatchId is { } batch)
                    {
                        lostPerBatch[batch] = lostPerBatch.GetValueOrDefault(batch) + 1;
                    }
                }
            }
            foreach (var batch in await db.Set<TrainingBatch>().Where(b => lostPerBatch.Keys.Contains(b.Id)).ToListAsync(ct))
            {
                var lost = lostPerBatch[batch.Id];
                batch.Added = Math.Max(0, batch.Added - lost);
                batch.Duplicates += lost;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                hashed += rows.Count;
                removed += duplicates;
            }
            catch (DbUpdateException) when (++attempt < 5)
            {
                // Another node is filling the same rows; read again what is left.
            }
        }
        if (hashed > 0)
        {
            LogBackfilled(logger, hashed, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage examples: text hash filled on {Hashed} rows, {Removed} duplicate imports removed")]
    private static partial void LogBackfilled(ILogger logger, int hashed, int removed);
}
