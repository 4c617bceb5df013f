using Sotong.Core.Common;

namespace Sotong.Core.Triage.Grouping;

/// <summary>A new message that joined an existing near-duplicate group (<paramref name="GroupId"/> is not its own id).</summary>
public sealed record GroupArrival(Guid MessageId, Guid GroupId);

/// <summary>
/// Lets a module built on triage act when new messages join existing near-duplicate groups, inside the transaction
/// that stores their decisions (cases attach them to the case opened from their group, so its answer reaches them).
/// Defined here so triage depends on nothing above it; the cases module implements it.
/// </summary>
public interface IGroupArrivals
{
    /// <summary>Adds and saves what it needs through <paramref name="db"/>; the caller owns the transaction.</summary>
    Task JoinedAsync(SotongDbContext db, IReadOnlyList<GroupArrival> arrivals, DateTime nowUtc, CancellationToken ct);
}
