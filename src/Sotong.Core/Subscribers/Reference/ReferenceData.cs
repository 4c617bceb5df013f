using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Subscribers.Consent;

namespace Sotong.Core.Subscribers.Reference;

public sealed record DongView(string Code, string NameKo, string NameEn, int SortOrder, bool IsActive)
{
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameKo;
}

public sealed record InterestView(string Code, int Bit, string NameKo, string NameEn, int SortOrder, bool IsActive)
{
    public int Mask => 1 << Bit;

    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : NameKo;
}

public sealed record ConsentNoticeView(int Version, string Purpose, string Items, string Retention, string Refusal, int RetentionMonths, DateTime PublishedAtUtc)
{
    public static ConsentNoticeView Of(ConsentNotice n, bool english)
    {
        ArgumentNullException.ThrowIfNull(n);
        return english
            ? new(n.Version, n.PurposeEn, n.ItemsEn, n.RetentionEn, n.RefusalEn, n.RetentionMonths, n.PublishedAtUtc)
            : new(n.Version, n.PurposeKo, n.ItemsKo, n.RetentionKo, n.RefusalKo, n.RetentionMonths, n.PublishedAtUtc);
    }
}

public sealed record ReferenceDataView(IReadOnlyList<DongView> Dongs, IReadOnlyList<InterestView> Interests);

public sealed record SaveDongRequest(string? Code, string? NameKo, string? NameEn, int? SortOrder, bool IsActive = true);

public sealed record SaveInterestRequest(string? Code, string? NameKo, string? NameEn, int? SortOrder, bool IsActive = true);

/// <summary>
/// What a form or a file row may name: dongs and interests by code, Korean or English name (active ones only).
/// Loaded once per operation.
/// </summary>
public sealed class ReferenceLookup(IReadOnlyList<DongView> dongs, IReadOnlyList<InterestView> interests)
{
    private readonly Dictionary<string, DongView> _dongs = Index(dongs.Where(d => d.IsActive), d => [d.Code, d.NameKo, d.NameEn]);
    private readonly Dictionary<string, InterestView> _interests = Index(interests.Where(i => i.IsActive), i => [i.Code, i.NameKo, i.NameEn]);

    public IReadOnlyList<DongView> Dongs { get; } = dongs;
    public IReadOnlyList<InterestView> Interests { get; } = interests;

    public DongView? Dong(string? name) => name is not null && _dongs.TryGetValue(name.Trim(), out var d) ? d : null;

    public InterestView? Interest(string? name) => name is not null && _interests.TryGetValue(name.Trim(), out var i) ? i : null;

    public int MaskOf(IEnumerable<string> codes) => codes.Select(Interest).Where(i => i is not null).Aggregate(0, (m, i) => m | i!.Mask);

    public IReadOnlyList<InterestView> InterestsIn(int mask) => Interests.Where(i => (mask & i.Mask) != 0).ToList();

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string[]> keys)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            foreach (var key in keys(item))
            {
                map.TryAdd(key.Trim(), item);
                // "신당 5동" and "신당5동", "보건 의료" and "보건·의료" are the same thing on paper.
                map.TryAdd(key.Replace(" ", "", StringComparison.Ordinal).Replace("·", "", StringComparison.Ordinal), item);
            }
        }
        return map;
    }
}

/// <summary>The district's dongs and interest areas (administrators edit them) and the consent notice in force.</summary>
public sealed partial class SubscriberReferenceHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, IStringLocalizer<Text> text)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,19}$")]
    private static partial Regex CodeShape();

    public async Task<ReferenceDataView> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new ReferenceDataView(await DongsAsync(db, ct), await InterestsAsync(db, ct));
    }

    public async Task<ReferenceLookup> LookupAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LookupAsync(db, ct);
    }

    internal static async Task<ReferenceLookup> LookupAsync(SotongDbContext db, CancellationToken ct) =>
        new(await DongsAsync(db, ct), await InterestsAsync(db, ct));

    public async Task<ConsentNotice> CurrentNoticeAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CurrentNoticeAsync(db, ct);
    }

    internal static async Task<ConsentNotice> CurrentNoticeAsync(SotongDbContext db, CancellationToken ct) =>
        await db.Set<ConsentNotice>().AsNoTracking().OrderByDescending(n => n.Version).FirstOrDefaultAsync(ct)
            ?? throw new RuleViolationException("NoConsentNotice", "No consent notice is published yet.");

    private static async Task<IReadOnlyList<DongView>> DongsAsync(SotongDbContext db, CancellationToken ct) =>
        await db.Set<SubscriberDong>().AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new DongView(d.Code, d.NameKo, d.NameEn, d.SortOrder, d.IsActive)).ToListAsync(ct);

    private static async Task<IReadOnlyList<InterestView>> InterestsAsync(SotongDbContext db, CancellationToken ct) =>
        await db.Set<SubscriberInterest>().AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Bit)
            .Select(i => new InterestView(i.Code, i.Bit, i.NameKo, i.NameEn, i.SortOrder, i.IsActive)).ToListAsync(ct);

    public async Task<DongView> SaveDongAsync(SaveDongRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var (code, nameKo, nameEn) = Check(request.Code, request.NameKo, request.NameEn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dong = await db.Set<SubscriberDong>().FirstOrDefaultAsync(d => d.Code == code, ct);
        var created = dong is null;
        if (dong is null)
        {
            dong = new SubscriberDong { Code = code, NameKo = nameKo, NameEn = nameEn, SortOrder = request.SortOrder ?? await db.Set<SubscriberDong>().CountAsync(ct) };
            db.Add(dong);
        }
        dong.NameKo = nameKo;
        dong.NameEn = nameEn;
        dong.SortOrder = request.SortOrder ?? dong.SortOrder;
        dong.IsActive = request.IsActive;
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(SubscriberDong), code, created ? "DongAdded" : "DongSaved",
            to: dong.IsActive ? "Active" : "Inactive", detail: $"{nameKo} / {nameEn}");
        await db.SaveChangesAsync(ct);
        return new DongView(dong.Code, dong.NameKo, dong.NameEn, dong.SortOrder, dong.IsActive);
    }

    public async Task<InterestView> SaveInterestAsync(SaveInterestRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var (code, nameKo, nameEn) = Check(request.Code, request.NameKo, request.NameEn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interest = await db.Set<SubscriberInterest>().FirstOrDefaultAsync(i => i.Code == code, ct);
        var created = interest is null;
        if (interest is null)
        {
            // A new area takes the lowest free bit; a bit is never reused for another meaning while subscribers hold it.
            var used = await db.Set<SubscriberInterest>().Select(i => i.Bit).ToListAsync(ct);
            var bit = Enumerable.Range(0, SubscriberInterest.MaxBits).Cast<int?>().FirstOrDefault(b => !used.Contains(b!.Value))
                ?? throw new RuleViolationException("InterestBitsFull", text["Subscribers.InterestsFull", SubscriberInterest.MaxBits]);
            interest = new SubscriberInterest { Code = code, Bit = bit, NameKo = nameKo, NameEn = nameEn, SortOrder = request.SortOrder ?? used.Count };
            db.Add(interest);
        }
        interest.NameKo = nameKo;
        interest.NameEn = nameEn;
        interest.SortOrder = request.SortOrder ?? interest.SortOrder;
        interest.IsActive = request.IsActive;
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(SubscriberInterest), code, created ? "InterestAdded" : "InterestSaved",
            to: interest.IsActive ? "Active" : "Inactive", detail: $"bit {interest.Bit}: {nameKo} / {nameEn}");
        await db.SaveChangesAsync(ct);
        return new InterestView(interest.Code, interest.Bit, interest.NameKo, interest.NameEn, interest.SortOrder, interest.IsActive);
    }

    private (string Code, string NameKo, string NameEn) Check(string? code, string? nameKo, string? nameEn)
    {
        var c = code?.Trim().ToLowerInvariant() ?? "";
        var ko = nameKo?.Trim() ?? "";
        var en = nameEn?.Trim() ?? "";
        new ValidationBuilder()
            .When(!CodeShape().IsMatch(c), "code", text["Subscribers.CodeShape"])
            .When(ko.Length is 0 or > 50, "nameKo", text["Subscribers.NameLength", 50])
            .When(en.Length is 0 or > 80, "nameEn", text["Subscribers.NameLength", 80])
            .ThrowIfAny();
        return (c, ko, en);
    }
}

internal static class ReferenceDataEndpoints
{
    public static void Map(RouteGroupBuilder staffApi)
    {
        staffApi.MapGet("/reference", async (SubscriberReferenceHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("SubscriberReferenceData").WithSummary("Dongs and interest areas, inactive ones included");
        staffApi.MapPut("/dongs/{code}", async (string code, SaveDongRequest request, ClaimsPrincipal user, SubscriberReferenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveDongAsync(request with { Code = code }, StaffContext.From(user), ct)))
            .WithName("SaveDong").WithSummary("Add or edit an administrative dong (administrators)")
            .RequireAuthorization(SotongPolicies.Administration).ProducesValidationProblem();
        staffApi.MapPut("/interests/{code}", async (string code, SaveInterestRequest request, ClaimsPrincipal user, SubscriberReferenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveInterestAsync(request with { Code = code }, StaffContext.From(user), ct)))
            .WithName("SaveInterest").WithSummary("Add or edit an interest area (administrators); a new one takes the lowest free bit")
            .RequireAuthorization(SotongPolicies.Administration).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }
}
