using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;

namespace Sotong.Core.Organization;

/// <summary>Well-known credential names; each adapter documents which it reads.</summary>
public static class CredentialNames
{
    public const string AppSecret = "appSecret";
    public const string VerifyToken = "verifyToken";
    public const string PageAccessToken = "pageAccessToken";
    public const string ConsumerSecret = "consumerSecret";
    public const string UserAccessToken = "userAccessToken";
    public const string BotToken = "botToken";
    public const string SecretToken = "secretToken";
    public const string SkillSecret = "skillSecret";
    public const string RestApiKey = "restApiKey";
    public const string WebhookSecret = "webhookSecret";
    public const string SmtpHost = "smtpHost";
    public const string SmtpPort = "smtpPort";
    public const string SmtpUser = "smtpUser";
    public const string SmtpPassword = "smtpPassword";
    public const string SmtpSecurity = "smtpSecurity";
    public const string FromName = "fromName";
}

/// <summary>An active account with its decrypted credentials, as adapters need them.</summary>
public sealed record ChannelAccountSecrets(Guid Id, ChannelPlatform Platform, string Handle, string? ExternalId, Guid OwningDivisionId, IReadOnlyDictionary<string, string> Credentials)
{
    public string? this[string name] => Credentials.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// Credentials per account, encrypted at rest with Data Protection and never shown back in full. Webhooks read
/// them through a short cache so that a burst of deliveries does not decrypt the registry on every request.
/// </summary>
public sealed class ChannelCredentials(IDataProtectionProvider provider, IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly IDataProtector _protector = provider.CreateProtector("Sotong.ChannelCredentials.v1");
    private readonly Lock _gate = new();
    private volatile CacheEntry? _cache;
    private Task<CacheEntry>? _refreshing;
    private int _generation;

    public string Protect(IReadOnlyDictionary<string, string> credentials) => _protector.Protect(JsonSerializer.Serialize(credentials));

    public IReadOnlyDictionary<string, string> Unprotect(string? protectedCredentials) =>
        string.IsNullOrEmpty(protectedCredentials)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedCredentials)) ?? [];

    /// <summary>"••••abcd": enough for an administrator to recognise a secret, never enough to use it.</summary>
    public static string Mask(string secret) => secret.Length <= 4 ? "••••" : "••••" + secret[^4..];

    public async Task SetAsync(Guid accountId, IReadOnlyDictionary<string, string> credentials, string? externalId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.FirstAsync(a => a.Id == accountId, ct);
        account.ProtectedCredentials = Protect(credentials);
        account.ExternalId = externalId ?? account.ExternalId;
        await db.SaveChangesAsync(ct);
        Invalidate();
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _cache = null;
            _refreshing = null;
        }
    }

    /// <summary>Active accounts of the given platforms that have credentials, decrypted.</summary>
    public async Task<IReadOnlyList<ChannelAccountSecrets>> ForPlatformsAsync(IReadOnlyCollection<ChannelPlatform> platforms, CancellationToken ct)
    {
        var cache = _cache;
        if (cache is null || cache.ExpiresAt <= time.GetUtcNow())
        {
            // One refresh at a time (a burst of webhooks at expiry must not each read and decrypt the registry), and
            // while it runs everyone else keeps using the entry that just expired.
            Task<CacheEntry> refresh;
            lock (_gate)
            {
                var generation = _generation;
                refresh = _refreshing ??= Task.Run(() => RefreshAsync(generation), CancellationToken.None);
            }
            cache = cache ?? await refresh.WaitAsync(ct);
        }
        return [.. cache.Accounts.Where(a => platforms.Contains(a.Platform))];
    }

    private async Task<CacheEntry> RefreshAsync(int generation)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var rows = await db.ChannelAccounts.AsNoTracking().Where(a => a.IsActive && a.ProtectedCredentials != null)
                .Select(a => new { a.Id, a.Platform, a.Handle, a.ExternalId, a.OwningDivisionId, a.ProtectedCredentials })
                .ToListAsync();
            var entry = new CacheEntry(time.GetUtcNow() + CacheLifetime, [.. rows.Select(r => new ChannelAccountSecrets(r.Id, r.Platform, r.Handle, r.ExternalId, r.OwningDivisionId, Unprotect(r.ProtectedCredentials)))]);
            lock (_gate)
            {
                // Credentials changed while this read ran: its result is already old, so it is not kept.
                if (generation == _generation)
                {
                    _cache = entry;
                }
            }
            return entry;
        }
        finally
        {
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _refreshing = null;
                }
            }
        }
    }

    public async Task<ChannelAccountSecrets?> FindAsync(Guid accountId, CancellationToken ct) =>
        (await ForPlatformsAsync(Enum.GetValues<ChannelPlatform>(), ct)).FirstOrDefault(a => a.Id == accountId);

    private sealed record CacheEntry(DateTimeOffset ExpiresAt, IReadOnlyList<ChannelAccountSecrets> Accounts);
}
