namespace Sotong.Core.Organization.Staff;

/// <summary>
/// A staff member's authenticator-app code, for actions that need a second proof of who is acting (approving an
/// alert). A code is accepted once; repeated wrong codes lock the factor for a while.
/// </summary>
public interface ISecondFactor
{
    Task<bool> IsEnrolledAsync(Guid staffUserId, CancellationToken ct);

    Task<SecondFactorResult> VerifyAsync(Guid staffUserId, string code, CancellationToken ct);
}

public enum SecondFactorResult
{
    Ok,

    /// <summary>The staff member has not turned two-factor authentication on (or the account does not exist).</summary>
    NotEnrolled,

    /// <summary>Not the current code (or not a six-digit code at all).</summary>
    Invalid,

    /// <summary>The current code, but it was already accepted once: someone may have read it over a shoulder.</summary>
    Reused,

    /// <summary>Too many wrong codes; nothing is accepted until the lock ends, the right code included.</summary>
    LockedOut,
}

/// <summary>What the enrolment page shows: on or off, the lock if any, and while off the key to enrol.</summary>
public sealed record SecondFactorView(bool Enrolled, DateTime? EnrolledAtUtc, DateTime? LockedUntilUtc, SecondFactorSetup? Setup);

/// <summary>The key grouped in fours for typing, the otpauth URI, and its QR code as an SVG data URI.</summary>
public sealed record SecondFactorSetup(string GroupedKey, string OtpAuthUri, string QrDataUri);

/// <summary>What is kept per staff member beside Identity's authenticator key.</summary>
internal sealed record SecondFactorState(DateTime? EnrolledAtUtc, long LastStep, int Failures, DateTime? LockedUntilUtc)
{
    public static readonly SecondFactorState New = new(null, 0, 0, null);

    public bool IsLocked(DateTime nowUtc) => LockedUntilUtc > nowUtc;
}

/// <summary>The decision for one typed code, apart from storage so every edge (window, replay, lock) is testable.</summary>
internal static class SecondFactorRules
{
    public static (SecondFactorResult Result, SecondFactorState State) Check(SecondFactorState state, ReadOnlySpan<byte> key, string? code,
        DateTime nowUtc, int maxFailures, TimeSpan lockout)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsLocked(nowUtc))
        {
            return (SecondFactorResult.LockedOut, state);
        }
        var (step, reused) = Totp.Match(key, code, nowUtc, state.LastStep);
        if (step is { } accepted)
        {
            return (SecondFactorResult.Ok, state with { LastStep = accepted, Failures = 0, LockedUntilUtc = null });
        }
        // A replayed code counts against the lock like a wrong one: it is what an onlooker would try.
        var failures = state.Failures + 1;
        if (failures >= maxFailures)
        {
            return (SecondFactorResult.LockedOut, state with { Failures = 0, LockedUntilUtc = nowUtc + lockout });
        }
        return (reused ? SecondFactorResult.Reused : SecondFactorResult.Invalid, state with { Failures = failures });
    }
}
