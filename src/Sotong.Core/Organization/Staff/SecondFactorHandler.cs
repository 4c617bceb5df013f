using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Organization.Staff;

/// <summary>
/// Two-factor authentication for staff over ASP.NET Identity's authenticator key: enrolment with a confirming code,
/// reset with a current code, and verification for actions such as approving an alert.
/// </summary>
/// <remarks>
/// The key stays where Identity keeps it (so <c>UserManager.GetAuthenticatorKeyAsync</c> reads the same one);
/// enrolment, the last accepted step and the failure count sit beside it in the same token table, so no schema
/// change is needed. Identity's <c>TwoFactorEnabled</c> is left off on purpose: it would make password sign-in
/// ask for a code, which the sign-in form does not do. Every change bumps the user's concurrency stamp, so two
/// requests racing with the same code cannot both be accepted.
/// </remarks>
public sealed partial class SecondFactorHandler(IDbContextFactory<SotongDbContext> dbs, TimeProvider clock, IOptions<IdentityOptions> identity,
    ILogger<SecondFactorHandler> logger) : ISecondFactor
{
    /// <summary>Where Identity's user store keeps the authenticator key (its internal login provider and token name).</summary>
    internal const string IdentityStore = "[AspNetUserStore]";
    internal const string AuthenticatorKey = "AuthenticatorKey";

    internal const string Provider = "[Sotong.SecondFactor]";
    private const string EnrolledAtName = "EnrolledAtUtc";
    private const string LastStepName = "LastStep";
    private const string FailuresName = "Failures";
    private const string LockedUntilName = "LockedUntilUtc";

    public const string AuditEntity = "StaffUser";
    public const string EnrolledAction = "SecondFactorEnrolled";
    public const string ResetAction = "SecondFactorReset";
    public const string FailedAction = "SecondFactorFailed";

    /// <summary>Each round of a race has one winner, so this covers that many requests for one person at once (a double click, a few tabs).</summary>
    private const int SaveAttempts = 8;

    public Task<bool> IsEnrolledAsync(Guid staffUserId, CancellationToken ct) =>
        WithUserAsync(staffUserId.ToString(), (_, stored, _) => stored.State.EnrolledAtUtc is not null && stored.Key is not null, false, ct);

    public Task<SecondFactorResult> VerifyAsync(Guid staffUserId, string code, CancellationToken ct) =>
        WithUserAsync(staffUserId.ToString(), (db, stored, now) =>
            stored.State.EnrolledAtUtc is null || stored.Key is null ? SecondFactorResult.NotEnrolled : Check(db, stored, code, now, "verify"),
            SecondFactorResult.NotEnrolled, ct);

    /// <summary>The page's view; while off, a key to enrol is made (once, so a reload shows the code already scanned).</summary>
    public async Task<SecondFactorView> GetAsync(StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return await WithUserAsync<SecondFactorView?>(staff.UserId, (_, stored, now) =>
        {
            var state = stored.State;
            SecondFactorSetup? setup = null;
            if (state.EnrolledAtUtc is null)
            {
                var key = stored.Key;
                if (key is null)
                {
                    key = SecondFactorEnrolment.NewKey();
                    stored.SetKey(key);
                }
                var uri = SecondFactorEnrolment.OtpAuthUri(stored.User.Email ?? stored.User.UserName ?? stored.User.Id, key);
                setup = new SecondFactorSetup(SecondFactorEnrolment.FormatKey(key), uri, SecondFactorEnrolment.QrDataUri(uri));
            }
            return new SecondFactorView(state.EnrolledAtUtc is not null, state.EnrolledAtUtc, state.IsLocked(now) ? state.LockedUntilUtc : null, setup);
        }, null, ct) ?? throw new InvalidOperationException("The signed-in staff account no longer exists.");
    }

    /// <summary>Turns the factor on once the code from the app shows the key was copied correctly.</summary>
    public Task<SecondFactorResult> EnrolAsync(StaffContext staff, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return WithUserAsync(staff.UserId, (db, stored, now) =>
        {
            if (stored.State.EnrolledAtUtc is not null)
            {
                return SecondFactorResult.Ok;
            }
            if (stored.Key is null)
            {
                // The page always makes a key before it offers the form; without one there is nothing to confirm.
                return SecondFactorResult.NotEnrolled;
            }
            var result = Check(db, stored, code, now, "enrol");
            if (result == SecondFactorResult.Ok)
            {
                stored.State = stored.State with { EnrolledAtUtc = now };
                db.Audit(now, stored.User.Id, stored.User.DisplayName, AuditEntity, stored.User.Id, EnrolledAction, "Off", "On");
            }
            return result;
        }, SecondFactorResult.NotEnrolled, ct);
    }

    /// <summary>Turns the factor off and replaces the key (a lost or replaced phone); needs a current code.</summary>
    public Task<SecondFactorResult> ResetAsync(StaffContext staff, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return WithUserAsync(staff.UserId, (db, stored, now) =>
        {
            if (stored.State.EnrolledAtUtc is null || stored.Key is null)
            {
                return SecondFactorResult.NotEnrolled;
            }
            var result = Check(db, stored, code, now, "reset");
            if (result == SecondFactorResult.Ok)
            {
                stored.SetKey(SecondFactorEnrolment.NewKey());
                // Steps used with the old key say nothing about the new one; keeping them would refuse its first code.
                stored.State = stored.State with { EnrolledAtUtc = null, LastStep = 0 };
                db.Audit(now, stored.User.Id, stored.User.DisplayName, AuditEntity, stored.User.Id, ResetAction, "On", "Off");
            }
            return result;
        }, SecondFactorResult.NotEnrolled, ct);
    }

    private SecondFactorResult Check(SotongDbContext db, StoredFactor stored, string? code, DateTime now, string purpose)
    {
        var lockout = identity.Value.Lockout;
        var before = stored.State;
        var (result, after) = SecondFactorRules.Check(before, Base32.Decode(stored.Key!), code, now, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
        stored.State = after;
        if (result != SecondFactorResult.Ok)
        {
            var lockedNow = after.LockedUntilUtc != before.LockedUntilUtc;
            db.Audit(now, stored.User.Id, stored.User.DisplayName, AuditEntity, stored.User.Id, FailedAction,
                to: lockedNow ? "Locked" : null, detail: string.Create(CultureInfo.InvariantCulture, $"{purpose}: {result}"));
            if (lockedNow)
            {
                LogLocked(logger, stored.User.Id, after.LockedUntilUtc!.Value);
            }
        }
        return result;
    }

    /// <summary>
    /// Loads the user and their factor, runs <paramref name="work"/>, and saves what it changed under the user's
    /// concurrency stamp; a request that lost a race runs again on what the winner wrote.
    /// </summary>
    private async Task<T> WithUserAsync<T>(string userId, Func<SotongDbContext, StoredFactor, DateTime, T> work, T whenNoUser, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return whenNoUser;
            }
            var tokens = await db.UserTokens
                .Where(t => t.UserId == userId && (t.LoginProvider == Provider || (t.LoginProvider == IdentityStore && t.Name == AuthenticatorKey)))
                .ToListAsync(ct);
            var stored = new StoredFactor(db, user, tokens);
            var result = work(db, stored, clock.GetUtcNow().UtcDateTime);
            if (!db.ChangeTracker.HasChanges())
            {
                return result;
            }
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < SaveAttempts)
            {
                // Another request changed this user first (or made the same key row); decide again on its outcome.
            }
        }
    }

    /// <summary>The factor's token rows for one user, read and written as one state.</summary>
    private sealed class StoredFactor(SotongDbContext db, StaffUser user, List<IdentityUserToken<string>> tokens)
    {
        public StaffUser User => user;

        public string? Key => Find(IdentityStore, AuthenticatorKey)?.Value;

        public void SetKey(string key) => Set(IdentityStore, AuthenticatorKey, key);

        public SecondFactorState State
        {
            get => new(
                Read(EnrolledAtName) is { } enrolled ? ParseUtc(enrolled) : null,
                long.TryParse(Read(LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : 0,
                int.TryParse(Read(FailuresName), NumberStyles.None, CultureInfo.InvariantCulture, out var failures) ? failures : 0,
                Read(LockedUntilName) is { } locked ? ParseUtc(locked) : null);
            set
            {
                Set(Provider, EnrolledAtName, value.EnrolledAtUtc?.ToString("O", CultureInfo.InvariantCulture));
                Set(Provider, LastStepName, value.LastStep == 0 ? null : value.LastStep.ToString(CultureInfo.InvariantCulture));
                Set(Provider, FailuresName, value.Failures == 0 ? null : value.Failures.ToString(CultureInfo.InvariantCulture));
                Set(Provider, LockedUntilName, value.LockedUntilUtc?.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        private string? Read(string name) => Find(Provider, name)?.Value;

        private IdentityUserToken<string>? Find(string provider, string name) =>
            tokens.FirstOrDefault(t => t.LoginProvider == provider && t.Name == name);

        /// <summary>Adds, changes or (for null) removes one row; writing the value it already has changes nothing.</summary>
        private void Set(string provider, string name, string? value)
        {
            var row = Find(provider, name);
            if (row is null)
            {
                if (value is not null)
                {
                    row = new IdentityUserToken<string> { UserId = user.Id, LoginProvider = provider, Name = name, Value = value };
                    tokens.Add(row);
                    db.UserTokens.Add(row);
                }
            }
            else if (value is null)
            {
                tokens.Remove(row);
                db.UserTokens.Remove(row);
            }
            else if (row.Value != value)
            {
                row.Value = value;
            }
        }

        private static DateTime ParseUtc(string text) =>
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Two-factor codes for staff user {UserId} locked until {LockedUntilUtc} after repeated failures")]
    private static partial void LogLocked(ILogger logger, string userId, DateTime lockedUntilUtc);
}
