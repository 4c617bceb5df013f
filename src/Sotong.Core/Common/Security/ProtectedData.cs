using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Common.Security;

/// <summary>A named secret generated once and stored protected by Data Protection (so every node shares it).</summary>
public sealed class StoredSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class StoredSecretConfiguration : IEntityTypeConfiguration<StoredSecret>
{
    public void Configure(EntityTypeBuilder<StoredSecret> b)
    {
        b.ToTable("sec_stored_secret");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
        b.Property(s => s.ProtectedValue).HasMaxLength(2000);
    }
}

/// <summary>
/// Personal data at rest: values are encrypted with Data Protection, and looked up by a keyed hash (HMAC-SHA256
/// with a secret key) so equality search works without decrypting and without a rainbow table of phone numbers.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    private const string LookupKeyName = "lookup-hash-key-v1";
    private readonly IDataProtector _values = provider.CreateProtector("Sotong.PersonalData.v1");
    private readonly IDataProtector _secrets = provider.CreateProtector("Sotong.StoredSecrets.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _lookupKey;

    public string Protect(string value) => _values.Protect(value);

    public string Unprotect(string protectedValue) => _values.Unprotect(protectedValue);

    /// <summary>Hex HMAC-SHA256 of the normalised value under the installation's lookup key.</summary>
    public async Task<string> LookupHashAsync(string normalizedValue, CancellationToken ct)
    {
        var key = await LookupKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedValue)));
    }

    private async Task<byte[]> LookupKeyAsync(CancellationToken ct)
    {
        if (_lookupKey is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_lookupKey is not null)
            {
                return _lookupKey;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var stored = await db.StoredSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == LookupKeyName, ct);
            if (stored is null)
            {
                db.StoredSecrets.Add(new StoredSecret
                {
                    Name = LookupKeyName,
                    ProtectedValue = _secrets.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                    CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another node created it first; use theirs.
                }
                db.ChangeTracker.Clear();
                stored = await db.StoredSecrets.AsNoTracking().FirstAsync(s => s.Name == LookupKeyName, ct);
            }
            _lookupKey = Convert.FromBase64String(_secrets.Unprotect(stored.ProtectedValue));
            return _lookupKey;
        }
        finally
        {
            _gate.Release();
        }
    }
}
