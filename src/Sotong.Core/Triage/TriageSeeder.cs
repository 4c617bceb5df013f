using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Triage.Routing;
using Sotong.Core.Triage.Taxonomy;
using Sotong.Core.Triage.Training;

namespace Sotong.Core.Triage;

/// <summary>
/// Every city starts with the default topics and settings; a city whose divisions carry the demo codes also gets the
/// default routing table (a real city writes its own in the routing editor).
/// </summary>
internal sealed class TriageSeeder(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<TriageTopic>().AnyAsync(ct))
        {
            db.Set<TriageTopic>().AddRange(TriageTopic.Defaults.Select(t => new TriageTopic { Key = t.Key, NameKo = t.NameKo, NameEn = t.NameEn, SortOrder = t.SortOrder }));
        }
        if (!await db.Set<TriageSettings>().AnyAsync(ct))
        {
            db.Set<TriageSettings>().Add(new TriageSettings());
        }
        if (!await db.Set<RoutingRule>().AnyAsync(ct))
        {
            var codes = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var seed in StarterCorpus.DefaultRouting())
            {
                if (codes.TryGetValue(seed.Division, out var divisionId))
                {
                    db.Set<RoutingRule>().Add(new RoutingRule
                    {
                        Topic = seed.Topic,
                        Keywords = RoutingRule.JoinKeywords(seed.Keywords),
                        District = seed.District,
                        DivisionId = divisionId,
                        Note = seed.Note,
                        UpdatedAtUtc = now,
                        UpdatedByName = "Sotong",
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
