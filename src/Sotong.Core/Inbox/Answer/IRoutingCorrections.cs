using Sotong.Core.Common;

namespace Sotong.Core.Inbox.Answer;

/// <summary>A message a person sent to another division by hand: the division is their judgement of where it belongs.</summary>
public sealed record HandRouted(Guid MessageId, string Text, Guid DivisionId);

/// <summary>
/// Lets the module that learns routing hear of a person moving messages to another division (from the inbox, or with
/// a transferred case), inside the same save, so the lesson is stored with the move or not at all. Defined here so the
/// inbox depends on nothing above it; triage implements it.
/// </summary>
public interface IRoutingCorrections
{
    /// <summary>Adds what it records to <paramref name="db"/> without saving; the caller saves it with the move.</summary>
    Task RecordAsync(SotongDbContext db, IReadOnlyList<HandRouted> messages, string staffName, DateTime nowUtc, CancellationToken ct);
}
