using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Open311.Keys;

public sealed record Open311KeyView(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, string CreatedBy, DateTime? RevokedAtUtc);

public sealed record CreateOpen311KeyRequest(string? Name);

/// <summary>The new key, shown once: only its SHA-256 is kept, so it cannot be shown again.</summary>
public sealed record CreatedOpen311Key(Guid Id, string Name, string Prefix, string Key, DateTime CreatedAtUtc);

/// <summary>API keys an integrator sends with GeoReport POSTs: issued and revoked by administrators, every change audited.</summary>
public sealed class Open311KeysHandler(IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    public const int MaxNameLength = 100;
    private const string Entity = nameof(Open311ApiKey);

    public async Task<IReadOnlyList<Open311KeyView>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Active keys first, newest first.
        return await db.Set<Open311ApiKey>().AsNoTracking()
            .OrderBy(k => k.RevokedAtUtc == null ? 0 : 1).ThenByDescending(k => k.CreatedAtUtc)
            .Select(k => new Open311KeyView(k.Id, k.Name, k.Prefix, k.CreatedAtUtc, k.CreatedBy, k.RevokedAtUtc)).ToListAsync(ct);
    }

    public async Task<CreatedOpen311Key> CreateAsync(CreateOpen311KeyRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var name = request.Name?.Trim() ?? "";
        new ValidationBuilder()
            .When(name.Length == 0, "name", "Name the integrator or app the key is for.")
            .When(name.Length > MaxNameLength, "name", $"A key's name is at most {MaxNameLength} characters.")
            .ThrowIfAny();
        var key = ApiKeys.New();
        var now = time.GetUtcNow().UtcDateTime;
        var entity = new Open311ApiKey
        {
            Name = name,
            Prefix = key[..ApiKeys.PrefixLength],
            KeyHash = ApiKeys.Hash(key),
            CreatedAtUtc = now,
            CreatedBy = TextCut.Cut(staff.DisplayName, 100),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(entity);
        db.Audit(now, staff.UserId, staff.DisplayName, Entity, entity.Id.ToString(), "Created", to: "Active", detail: $"{name} ({entity.Prefix}…)");
        await db.SaveChangesAsync(ct);
        return new CreatedOpen311Key(entity.Id, entity.Name, entity.Prefix, key, now);
    }

    /// <summary>Revokes a key; revoking a revoked key changes nothing and is not audited again.</summary>
    public async Task<Open311KeyView> RevokeAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.Set<Open311ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("The Open311 key");
        if (key.RevokedAtUtc is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            key.RevokedAtUtc = now;
            db.Audit(now, staff.UserId, staff.DisplayName, Entity, key.Id.ToString(), "Revoked", from: "Active", to: "Revoked", detail: $"{key.Name} ({key.Prefix}…)");
            await db.SaveChangesAsync(ct);
        }
        return new Open311KeyView(key.Id, key.Name, key.Prefix, key.CreatedAtUtc, key.CreatedBy, key.RevokedAtUtc);
    }
}

/// <summary>Random 32-byte keys in base64url; stored as the lower-case hex SHA-256 of their UTF-8 text.</summary>
public static class ApiKeys
{
    public const int PrefixLength = 8;

    public static string New() => RandomTokens.Base64Url(32);

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));
    }

    /// <summary>The id of the active key with this text, or null (unknown or revoked: the caller answers 403 either way).</summary>
    public static async Task<Guid?> ActiveKeyIdAsync(SotongDbContext db, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }
        var hash = Hash(key);
        var found = await db.Set<Open311ApiKey>().AsNoTracking().Where(k => k.KeyHash == hash)
            .Select(k => new { k.Id, k.RevokedAtUtc }).FirstOrDefaultAsync(ct);
        return found is { RevokedAtUtc: null } ? found.Id : null;
    }
}

internal static class Open311KeyEndpoints
{
    public static void Map(RouteGroupBuilder keys)
    {
        keys.MapGet("/", async (Open311KeysHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListOpen311Keys")
            .WithSummary("Open311 API keys (administrators): name, prefix, who issued it, whether revoked");

        keys.MapPost("/", async (CreateOpen311KeyRequest request, ClaimsPrincipal user, Open311KeysHandler handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/open311/keys/{created.Id}", created);
            })
            .WithName("CreateOpen311Key")
            .WithSummary("Issue an Open311 API key (administrators)")
            .WithDescription("Returns the key once, in clear; only its SHA-256 is stored. Give it to the integrator, who sends it as api_key with POST requests.")
            .ProducesValidationProblem();

        keys.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, Open311KeysHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RevokeAsync(id, StaffContext.From(user), ct)))
            .WithName("RevokeOpen311Key")
            .WithSummary("Revoke an Open311 API key (administrators); POSTs with it are refused with 403 from then on")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
