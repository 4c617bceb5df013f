using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;

namespace Sotong.Core.Organization;

public sealed record DivisionOption(Guid Id, string Code, string NameKo, string NameEn, string BureauNameKo, string BureauNameEn);

/// <summary>The organisation tree, flattened into the divisions a message can be routed to.</summary>
public sealed class DepartmentsHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public async Task<IReadOnlyList<DivisionOption>> DivisionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKind.Division)
            .OrderBy(d => d.Parent!.SortOrder).ThenBy(d => d.SortOrder)
            .Select(d => new DivisionOption(d.Id, d.Code, d.NameKo, d.NameEn, d.Parent!.NameKo, d.Parent!.NameEn))
            .ToListAsync(ct);
    }
}

internal static class DepartmentsEndpoint
{
    public static void Map(RouteGroupBuilder staffApi) =>
        staffApi.MapGet("/divisions", async (DepartmentsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.DivisionsAsync(ct)))
            .WithName("ListDivisions")
            .WithSummary("Every division, with its bureau");
}

internal static class OrganizationChartEndpoints
{
    public static void Map(RouteGroupBuilder staffApi)
    {
        staffApi.MapGet("/organization", async (OrganizationChartHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ChartAsync(ct)))
            .WithName("GetOrganizationChart")
            .WithSummary("Bureaus and their divisions, with staff and account counts");
        staffApi.MapGet("/channels", async (OrganizationChartHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.RegistryAsync(ct)))
            .WithName("ListChannelAccounts")
            .WithSummary("The channel registry: every account of the city");
    }
}
