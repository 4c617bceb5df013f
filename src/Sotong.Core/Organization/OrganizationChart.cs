using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;

namespace Sotong.Core.Organization;

public sealed record ChartDivision(Guid Id, string Code, string NameKo, string NameEn, ChannelField Field, int StaffCount, int AccountCount);

public sealed record ChartBureau(Guid Id, string Code, string NameKo, string NameEn, IReadOnlyList<ChartDivision> Divisions);

public sealed record RegistryAccount(Guid Id, ChannelPlatform Platform, string Handle, string NameKo, string NameEn, string Url, ChannelField Field,
    int Followers, bool IsMayor, bool IsActive, string DivisionCode, string DivisionNameKo, string DivisionNameEn);

/// <summary>The organisation tree and the channel registry, for staff.</summary>
public sealed class OrganizationChartHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ChartBureau>> ChartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.Where(u => u.DivisionId != null).GroupBy(u => u.DivisionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var accounts = await db.ChannelAccounts.GroupBy(a => a.OwningDivisionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        return departments.Where(d => d.Kind == DepartmentKind.Bureau)
            .Select(b => new ChartBureau(b.Id, b.Code, b.NameKo, b.NameEn, departments.Where(d => d.ParentId == b.Id)
                .Select(d => new ChartDivision(d.Id, d.Code, d.NameKo, d.NameEn, d.Field, staff.GetValueOrDefault(d.Id), accounts.GetValueOrDefault(d.Id)))
                .ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<RegistryAccount>> RegistryAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.Platform).ThenBy(a => a.Handle)
            .Select(a => new RegistryAccount(a.Id, a.Platform, a.Handle, a.NameKo, a.NameEn, a.Url, a.Field, a.FollowerCount, a.IsMayorAccount, a.IsActive,
                a.OwningDivision!.Code, a.OwningDivision!.NameKo, a.OwningDivision!.NameEn))
            .ToListAsync(ct);
    }
}
