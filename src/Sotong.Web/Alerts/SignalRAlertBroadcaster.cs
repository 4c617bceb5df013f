using Microsoft.AspNetCore.SignalR;
using Sotong.Core.Alerts;
using Sotong.Core.Alerts.Public;

namespace Sotong.Web.Alerts;

/// <summary>Pushes issued and withdrawn alerts to every open public page through <see cref="AlertsHub"/>.</summary>
internal sealed class SignalRAlertBroadcaster(IHubContext<AlertsHub, IAlertsClient> hub) : IAlertBroadcaster
{
    public Task IssuedAsync(PublicAlert alert, IReadOnlyList<string> replaces, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(replaces);
        return hub.Clients.All.AlertIssued(alert, [.. replaces]);
    }

    public Task WithdrawnAsync(IReadOnlyList<string> identifiers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        return identifiers.Count == 0 ? Task.CompletedTask : hub.Clients.All.AlertsWithdrawn([.. identifiers]);
    }
}
