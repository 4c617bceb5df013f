using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>The KakaoTalk users a channel can message first (its bot's user keys).</summary>
internal interface IKakaoAudience
{
    Task<IReadOnlyList<string>> UserKeysAsync(ChannelAccountSecrets account, CancellationToken ct);
}

/// <summary>
/// Kakao offers no API that lists a channel's friends; a bot knows a user only by the botUserKey its skill request
/// carried. The inbox keeps those: every KakaoTalk message names the channel account it came to and the contact
/// who wrote it, and the contact's KakaoUserKey identity holds the key, encrypted. So the audience is every contact
/// who has written to this channel. A contact merged by an officer may carry a second channel's key too; Kakao
/// refuses that user in the task's result, not the request.
/// </summary>
internal sealed class InboxKakaoAudience(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector) : IKakaoAudience
{
    public async Task<IReadOnlyList<string>> UserKeysAsync(ChannelAccountSecrets account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var writers = db.InboxMessages.Where(m => m.Channel == InboxChannel.KakaoTalk && m.ChannelAccountId == account.Id && m.ContactId != null)
            .Select(m => m.ContactId!.Value);
        var stored = await db.ContactIdentities.AsNoTracking()
            .Where(i => i.Kind == IdentityKind.KakaoUserKey && writers.Contains(i.ContactId))
            .Select(i => i.ProtectedValue)
            .ToListAsync(ct);
        var keys = new List<string>(stored.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in stored)
        {
            try
            {
                var key = protector.Unprotect(value);
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }
            catch (CryptographicException)
            {
                // A value protected under keys this installation no longer has: that user cannot be reached.
            }
        }
        return keys;
    }
}
