using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;

namespace Sotong.Core.Organization.SnsMap;

public sealed record SnsAccount(ChannelPlatform Platform, string Handle, string NameKo, string NameEn, string Url, int Followers, string DivisionNameKo, string DivisionNameEn, bool IsMayor);

public sealed record SnsFieldGroup(ChannelField Field, IReadOnlyList<SnsAccount> Accounts);

public sealed record SnsMapView(int AccountCount, long TotalFollowers, IReadOnlyList<SnsFieldGroup> Fields);

/// <summary>The public SNS map: the city's accounts grouped by field, the mayor's first and the rest by size.</summary>
public sealed class GetSnsMapHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    public async Task<SnsMapView> HandleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A mailbox is a channel, not a social account: the map shows where the city speaks in public.
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => a.IsActive && a.Platform != ChannelPlatform.Email)
            .Select(a => new { a.Field, Account = new SnsAccount(a.Platform, a.Handle, a.NameKo, a.NameEn, a.Url, a.FollowerCount, a.OwningDivision!.NameKo, a.OwningDivision!.NameEn, a.IsMayorAccount) })
            .ToListAsync(ct);
        var groups = accounts
            .GroupBy(a => a.Field)
            .OrderBy(g => g.Key == ChannelField.Mayor ? 0 : g.Key == ChannelField.CityNews ? 1 : 2)
            .ThenByDescending(g => g.Sum(a => (long)a.Account.Followers))
            .Select(g => new SnsFieldGroup(g.Key, g.Select(a => a.Account).OrderByDescending(a => a.Followers).ToList()))
            .ToList();
        return new SnsMapView(accounts.Count, accounts.Sum(a => (long)a.Account.Followers), groups);
    }
}

internal static class GetSnsMapEndpoint
{
    public static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/sns-map", async (GetSnsMapHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("GetSnsMap")
            .WithSummary("The city's social media accounts grouped by field");
}
