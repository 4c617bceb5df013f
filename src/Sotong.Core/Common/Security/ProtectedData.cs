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
/// Personal data at rest: values are encrypted with AES-256-GCM under the installation's value key (itself stored
/// protected by Data Protection, so every node shares it), and looked up by a keyed hash (HMAC-SHA256 with a secret
/// key) so equality search works without decrypting and without a rainbow table of phone numbers. Values written by
/// the first version (Data Protection payloads, no "g1." prefix) still decrypt. Data Protection itself costs about
/// 40 µs a value (a key derivation per payload); a campaign decrypts tens of thousands of numbers a second, so the
/// values use one derived key and a random nonce each (about 2 µs).
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time)
{
    private const string LookupKeyName = "lookup-hash-key-v1";
    private const string ValueKeyName = "personal-data-key-v1";
    private const string ValuePrefix = "g1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector _values = provider.CreateProtector("Sotong.PersonalData.v1");
    private readonly IDataProtector _secrets = provider.CreateProtector("Sotong.StoredSecrets.v1");
    private readonly Lock _keyGate = new();
    private byte[]? _lookupKey;
    private byte[]? _valueKey;

    public string Protect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(ValueKey(), TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        }
        return ValuePrefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value was not protected under this installation's keys.</summary>
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!protectedValue.StartsWith(ValuePrefix, StringComparison.Ordinal))
        {
            return _values.Unprotect(protectedValue);
        }
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(protectedValue[ValuePrefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The protected value is not valid base64.", e);
        }
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is too short.");
        }
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        ThreadCipher(ValueKey()).Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    // A dispatcher decrypts every number it sends; setting up the cipher for each one cost more than the decryption.
    // AesGcm is not safe for concurrent use, so each thread keeps its own, for the key it was made with.
    [ThreadStatic]
    private static AesGcm? t_cipher;
    [ThreadStatic]
    private static byte[]? t_cipherKey;

    private static AesGcm ThreadCipher(byte[] key)
    {
        if (t_cipher is null || !ReferenceEquals(t_cipherKey, key))
        {
            t_cipher?.Dispose();
            t_cipher = new AesGcm(key, TagSize);
            t_cipherKey = key;
        }
        return t_cipher;
    }

    private byte[] ValueKey() => Volatile.Read(ref _valueKey) ?? LoadKey(ref _valueKey, ValueKeyName);

    /// <summary>Hex HMAC-SHA256 of the normalised value under the installation's lookup key.</summary>
    public Task<string> LookupHashAsync(string normalizedValue, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var key = Volatile.Read(ref _lookupKey) ?? LoadKey(ref _lookupKey, LookupKeyName);
        return Task.FromResult(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedValue))));
    }

    /// <summary>
    /// A stored secret key, loaded (or created by the first node to need it) once per process: 32 random bytes kept
    /// protected by Data Protection, so every node shares them. Read synchronously once; callers cache it in <paramref name="slot"/>.
    /// </summary>
    private byte[] LoadKey(ref byte[]? slot, string name)
    {
        lock (_keyGate)
        {
            if (slot is not null)
            {
                return slot;
            }
            using var db = dbFactory.CreateDbContext();
            var stored = db.StoredSecrets.AsNoTracking().FirstOrDefault(s => s.Name == name);
            if (stored is null)
            {
                db.StoredSecrets.Add(new StoredSecret
                {
                    Name = name,
                    ProtectedValue = _secrets.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                    CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                });
                try
                {
                    db.SaveChanges();
                }
                catch (DbUpdateException)
                {
                    // Another node created it first; use theirs.
                }
                db.ChangeTracker.Clear();
                stored = db.StoredSecrets.AsNoTracking().First(s => s.Name == name);
            }
            var key = Convert.FromBase64String(_secrets.Unprotect(stored.ProtectedValue));
            Volatile.Write(ref slot, key);
            return key;
        }
    }
}
