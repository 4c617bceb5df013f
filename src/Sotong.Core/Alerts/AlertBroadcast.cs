using Sotong.Core.Alerts.Public;

namespace Sotong.Core.Alerts;

/// <summary>
/// Pushes alerts to every open Sotong page (the web host implements it with a SignalR hub). <c>replaces</c> and
/// <c>identifiers</c> name earlier messages of the chain that open pages should take down.
/// </summary>
public interface IAlertBroadcaster
{
    Task IssuedAsync(PublicAlert alert, IReadOnlyList<string> replaces, CancellationToken ct);

    Task WithdrawnAsync(IReadOnlyList<string> identifiers, CancellationToken ct);
}

/// <summary>Without a web host (a command-line run) there is nobody to push to.</summary>
internal sealed class NoBroadcaster : IAlertBroadcaster
{
    public Task IssuedAsync(PublicAlert alert, IReadOnlyList<string> replaces, CancellationToken ct) => Task.CompletedTask;

    public Task WithdrawnAsync(IReadOnlyList<string> identifiers, CancellationToken ct) => Task.CompletedTask;
}
