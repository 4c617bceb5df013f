using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Submit;

namespace Sotong.Core.Inbox.Contacts;

/// <summary>One identity as it arrives: the kind and the platform's raw value (a phone number, a PSID …).</summary>
public sealed record IdentityValue(IdentityKind Kind, string Value)
{
    /// <summary>The form that is hashed: phone numbers as national digits, e-mail lower-case, ids as given.</summary>
    public string Normalized => Kind switch
    {
        IdentityKind.Phone => ContactRules.NormalizePhone(Value),
        IdentityKind.Email => Value.Trim().ToLowerInvariant(),
        IdentityKind.MetaPsid or IdentityKind.InstagramId or IdentityKind.XUserId or IdentityKind.KakaoUserKey or IdentityKind.TelegramChatId => Value.Trim(),
    };

    /// <summary>What staff screens show.</summary>
    public string Masked => Kind switch
    {
        IdentityKind.Phone => PersonalDataMasker.MaskPhone(Normalized),
        IdentityKind.Email => PersonalDataMasker.Mask(Normalized),
        IdentityKind.MetaPsid or IdentityKind.InstagramId or IdentityKind.XUserId or IdentityKind.KakaoUserKey or IdentityKind.TelegramChatId =>
            Normalized.Length <= 6 ? new string('*', Normalized.Length) : Normalized[..3] + new string('*', Normalized.Length - 6) + Normalized[^3..],
    };
}

/// <summary>Finds or creates the contact behind an identity, inside the caller's unit of work.</summary>
public sealed class ContactDirectory(PersonalDataProtector protector)
{
    /// <summary>
    /// Resolves many identities to contact ids with one query (identities by keyed hash) — two when a first display
    /// name may fill in — and creates the missing contacts in the caller's unit of work. Keyed by (kind, normalised value).
    /// </summary>
    public async Task<Dictionary<(IdentityKind, string), Guid>> FindOrCreateManyAsync(SotongDbContext db, IReadOnlyList<(IdentityValue Identity, string? DisplayName)> wanted, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wanted);
        var result = new Dictionary<(IdentityKind, string), Guid>();
        var hashes = new Dictionary<(IdentityKind, string), string>();
        foreach (var (identity, _) in wanted)
        {
            var key = (identity.Kind, identity.Normalized);
            if (!hashes.ContainsKey(key))
            {
                hashes[key] = await protector.LookupHashAsync(identity.Normalized, ct);
            }
        }
        var hashList = hashes.Values.Distinct().ToList();
        var kinds = hashes.Keys.Select(k => k.Item1).Distinct().ToList();
        // Read without tracking: a burst of webhooks touches hundreds of contacts and changes almost none of them.
        var found = (await db.ContactIdentities.AsNoTracking().Where(i => kinds.Contains(i.Kind) && hashList.Contains(i.LookupHash))
                .Select(i => new { i.Kind, i.LookupHash, i.ContactId }).ToListAsync(ct))
            .ToDictionary(i => (i.Kind, i.LookupHash), i => i.ContactId);
        Guid? ContactOf((IdentityKind Kind, string Normalized) key) => found.TryGetValue((key.Kind, hashes[key]), out var id) ? id : null;
        var named = wanted.Where(w => w.DisplayName is not null).Select(w => ContactOf((w.Identity.Kind, w.Identity.Normalized)))
            .OfType<Guid>().Distinct().ToList();
        var unnamed = named.Count == 0 ? [] : (await db.Contacts.AsNoTracking().Where(c => named.Contains(c.Id) && c.DisplayName == null).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (identity, displayName) in wanted)
        {
            var key = (identity.Kind, identity.Normalized);
            if (result.ContainsKey(key))
            {
                continue;
            }
            if (ContactOf(key) is { } existing)
            {
                // Only a first name fills in; a contact's thread order comes from its messages, so nothing else is written.
                if (displayName is not null && unnamed.Remove(existing))
                {
                    var stub = new Contact { Id = existing };
                    db.Contacts.Attach(stub);
                    stub.DisplayName = displayName;
                    db.Entry(stub).Property(c => c.DisplayName).IsModified = true;
                }
                result[key] = existing;
                continue;
            }
            var created = new Contact { DisplayName = displayName, CreatedAtUtc = nowUtc };
            created.Identities.Add(NewIdentity(created.Id, identity, hashes[key], nowUtc));
            db.Contacts.Add(created);
            result[key] = created.Id;
        }
        return result;
    }

    /// <summary>Adds a further identity to a contact unless some contact already has it.</summary>
    public async Task AttachAsync(SotongDbContext db, Guid contactId, IdentityValue identity, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(identity);
        var hash = await protector.LookupHashAsync(identity.Normalized, ct);
        if (db.ContactIdentities.Local.Any(i => i.Kind == identity.Kind && i.LookupHash == hash)
            || await db.ContactIdentities.AnyAsync(i => i.Kind == identity.Kind && i.LookupHash == hash, ct))
        {
            return;
        }
        db.ContactIdentities.Add(NewIdentity(contactId, identity, hash, nowUtc));
    }

    private ContactIdentity NewIdentity(Guid contactId, IdentityValue identity, string hash, DateTime nowUtc) => new()
    {
        ContactId = contactId,
        Kind = identity.Kind,
        LookupHash = hash,
        ProtectedValue = protector.Protect(identity.Normalized),
        MaskedValue = identity.Masked,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>The decrypted value of a contact's identity of one kind, for sending a reply; null when it has none.</summary>
    public async Task<string?> RevealAsync(SotongDbContext db, Guid contactId, IdentityKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var identity = await db.ContactIdentities.AsNoTracking().Where(i => i.ContactId == contactId && i.Kind == kind)
            .OrderByDescending(i => i.CreatedAtUtc).FirstOrDefaultAsync(ct);
        return identity is null ? null : protector.Unprotect(identity.ProtectedValue);
    }
}
