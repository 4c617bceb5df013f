using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;

namespace Sotong.Core.Subscribers.Verification;

/// <summary>What the resident is told after asking for a code (never whether the number is a subscriber).</summary>
public sealed record CodeSent(Guid ChallengeId, DateTime ExpiresAtUtc, int CodeLength);

/// <summary>
/// Sends a 6-digit code by SMS through the outbox and checks it: stored as a keyed hash, valid for 5 minutes, dead after
/// 5 wrong tries; a number gets at most <see cref="SubscribersSettings.CodesPerNumberPerHour"/> codes an hour and a
/// client is limited by the shared <see cref="ClientRateLimiter"/>.
/// </summary>
public sealed class PhoneVerification(
    IDbContextFactory<SotongDbContext> dbFactory,
    PersonalDataProtector protector,
    Outbox outbox,
    ClientRateLimiter clients,
    SubscribersSettings settings,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    public async Task<CodeSent> SendCodeAsync(string? phone, ChallengePurpose purpose, string clientKey, CancellationToken ct)
    {
        new ValidationBuilder().When(!SubscriberRules.IsMobile(phone), "phone", text["Subscribers.PhoneInvalid"]).ThrowIfAny();
        if (settings.Sender is not { } sender)
        {
            throw new RuleViolationException("SmsNotConfigured", text["Subscribers.SmsNotConfigured"]);
        }
        clients.Acquire($"subscribers:{clientKey}");
        var normalized = SubscriberRules.NormalizePhone(phone!);
        var hash = await protector.LookupHashAsync(normalized, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hourAgo = now.AddHours(-1);
        var recent = await db.Set<PhoneChallenge>().Where(c => c.PhoneHash == hash && c.CreatedAtUtc > hourAgo).Select(c => c.CreatedAtUtc).ToListAsync(ct);
        if (recent.Count >= settings.CodesPerNumberPerHour)
        {
            throw new RateLimitedException(recent.Min() - hourAgo);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var challenge = new PhoneChallenge
        {
            Purpose = purpose,
            PhoneHash = hash,
            ProtectedPhone = protector.Protect(normalized),
            PhoneLast4 = SubscriberRules.Last4(normalized),
            CodeHash = "",
            CreatedAtUtc = now,
            ExpiresAtUtc = now + PhoneChallenge.Lifetime,
        };
        challenge.CodeHash = await CodeHashAsync(challenge.Id, code, ct);
        db.Add(challenge);
        db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(PhoneChallenge), challenge.Id.ToString(), "CodeSent", detail: purpose.ToString());
        await db.SaveChangesAsync(ct);
        var message = purpose == ChallengePurpose.SignUp
            ? text["Subscribers.CodeSmsSignUp", text["App.Name"], code, (int)PhoneChallenge.Lifetime.TotalMinutes]
            : text["Subscribers.CodeSmsWithdraw", text["App.Name"], code, (int)PhoneChallenge.Lifetime.TotalMinutes];
        await outbox.SendOneAsync(OutboxKind.Verification, challenge.Id, sender, normalized, message, $"subscribers-code:{challenge.Id:N}", OutboxPriority.Interactive, ct);
        return new CodeSent(challenge.Id, challenge.ExpiresAtUtc, PhoneChallenge.CodeLength);
    }

    /// <summary>
    /// Checks the code and claims the challenge; the audit entry joins <paramref name="db"/>'s unit of work, saved with
    /// the change the code allows. A wrong code is counted at once, so the count survives the request failing.
    /// </summary>
    internal async Task<PhoneChallenge> VerifyAsync(SotongDbContext db, Guid challengeId, string? code, ChallengePurpose purpose, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var challenge = await db.Set<PhoneChallenge>().FirstOrDefaultAsync(c => c.Id == challengeId && c.Purpose == purpose, ct);
        if (challenge is null || challenge.UsedAtUtc is not null)
        {
            throw Invalid(text["Subscribers.CodeUnknown"]);
        }
        if (challenge.ExpiresAtUtc <= now)
        {
            throw Invalid(text["Subscribers.CodeExpired"]);
        }
        if (challenge.WrongTries >= PhoneChallenge.MaxWrongTries)
        {
            throw Invalid(text["Subscribers.CodeTooManyTries"]);
        }
        var given = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        var expected = Encoding.ASCII.GetBytes(challenge.CodeHash);
        var actual = Encoding.ASCII.GetBytes(given.Length == PhoneChallenge.CodeLength ? await CodeHashAsync(challenge.Id, given, ct) : new string('0', expected.Length));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            // Counted in one statement of its own, so two wrong guesses at once are both counted.
            await db.Set<PhoneChallenge>().Where(c => c.Id == challenge.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.WrongTries, c => c.WrongTries + 1), ct);
            var left = PhoneChallenge.MaxWrongTries - challenge.WrongTries - 1;
            throw Invalid(left > 0 ? text["Subscribers.CodeWrong", left] : text["Subscribers.CodeTooManyTries"]);
        }
        // Claimed in one statement: the same code sent twice at once allows one change, not two.
        if (await db.Set<PhoneChallenge>().Where(c => c.Id == challenge.Id && c.UsedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtUtc, now), ct) == 0)
        {
            throw Invalid(text["Subscribers.CodeUnknown"]);
        }
        db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(PhoneChallenge), challenge.Id.ToString(), "CodeConfirmed", detail: purpose.ToString());
        return challenge;
    }

    private Task<string> CodeHashAsync(Guid challengeId, string code, CancellationToken ct) =>
        protector.LookupHashAsync($"subscribers-code:{challengeId:N}:{code}", ct);

    private static RequestValidationException Invalid(string message) => new(new Dictionary<string, string[]> { ["code"] = [message] });
}
