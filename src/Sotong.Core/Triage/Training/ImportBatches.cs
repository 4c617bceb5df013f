using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Triage.Training;

public sealed record ImportBatchView(Guid Id, string? FileName, int Rows, int Added, int Duplicates, int Errors, string? CreatedByName, DateTime CreatedAtUtc);

/// <summary>What removing a batch did: how many of its examples left the training data.</summary>
public sealed record ImportBatchRemoved(Guid Id, int Removed);

/// <summary>
/// The imports that stored examples, newest first, and taking one back out: its examples go (the next model no longer
/// learns from them; the live one keeps what it learned until another is promoted), the removal is audited.
/// </summary>
public sealed class ImportBatchesHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    public async Task<Page<ImportBatchView>> ListAsync(int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Page<ImportBatchView>.Normalize(page, size, defaultSize: 10);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batches = db.Set<TrainingBatch>().AsNoTracking();
        var total = await batches.CountAsync(ct);
        var items = await batches.OrderByDescending(b => b.CreatedAtUtc).ThenBy(b => b.Id).Skip((p - 1) * s).Take(s)
            .Select(b => new ImportBatchView(b.Id, b.FileName, b.Rows, b.Added, b.Duplicates, b.Errors, b.CreatedByName, b.CreatedAtUtc))
            .ToListAsync(ct);
        return new Page<ImportBatchView>(items, p, s, total);
    }

    public async Task<ImportBatchRemoved> DeleteAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Set<TrainingBatch>().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("The import batch");
        // Only imported rows: a correction never carries a batch id, and must survive whatever happens to imports.
        var removed = await db.Set<TrainingExample>().Where(e => e.BatchId == id && e.Source == ExampleSource.Import).ExecuteDeleteAsync(ct);
        db.Remove(batch);
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(TrainingExample), id.ToString(), "BatchDeleted",
            detail: $"{removed} examples removed{(batch.FileName is null ? "" : ", " + batch.FileName)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportBatchRemoved(id, removed);
    }
}

internal static class ImportBatchEndpoints
{
    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet("/training-data/batches", async (int? page, int? pageSize, ImportBatchesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(page, pageSize, ct)))
            .WithName("TrainingDataBatches")
            .WithSummary("Imports that stored examples, newest first: file, rows added, duplicates, who and when");
        triage.MapDelete("/training-data/batches/{id:guid}", async (Guid id, ClaimsPrincipal user, ImportBatchesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DeleteAsync(id, StaffContext.From(user), ct)))
            .WithName("DeleteTrainingDataBatch")
            .WithSummary("Remove one import's examples from the training data (train a new model to forget them)")
            .RequireAuthorization(SotongPolicies.Administration)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
