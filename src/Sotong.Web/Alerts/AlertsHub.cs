using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Sotong.Core.Alerts.Public;
using Sotong.Core.Common.Links;

namespace Sotong.Web.Alerts;

/// <summary>
/// What an open public page hears. Public because SignalR builds the typed proxy at run time and cannot see internal
/// interfaces. The names are the wire names that wwwroot/js/alerts.js listens for.
/// </summary>
public interface IAlertsClient
{
    /// <summary>A message was issued (an alert or an update); <paramref name="replaces"/> are earlier messages of its chain to take down.</summary>
    Task AlertIssued(PublicAlert alert, string[] replaces);

    /// <summary>These messages were cancelled: take them down.</summary>
    Task AlertsWithdrawn(string[] identifiers);

    /// <summary>What the banner holds now, sent to each page as it connects (or reconnects).</summary>
    Task AlertsCurrent(PublicAlert[] alerts);
}

/// <summary>
/// The live banner's hub: anonymous and one way (the server speaks, pages listen). A page that connects is told what is
/// in force at once, because an alert issued between the page's rendering and its connection would otherwise pass it by;
/// the same goes for a page that reconnects after a gap (the Redis backplane keeps nothing for absent clients).
/// </summary>
[AllowAnonymous]
public sealed partial class AlertsHub(CurrentAlertsHandler alerts, IConfiguration configuration, ILogger<AlertsHub> logger) : Hub<IAlertsClient>
{
    public const string Path = "/hubs/alerts";

    public override async Task OnConnectedAsync()
    {
        try
        {
            var publicBase = PublicAddress.Of(configuration, Context.GetHttpContext()?.Request);
            var current = await alerts.BannerAsync(Context.ConnectionAborted);
            await Clients.Caller.AlertsCurrent([.. current.Select(a => PublicAlert.Of(a, publicBase))]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page still shows what it was rendered with and still hears new alerts; dropping it would only make it retry.
            LogCatchUpFailed(logger, e.Message);
        }
        await base.OnConnectedAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alerts hub could not tell a new page what is in force: {Reason}")]
    private static partial void LogCatchUpFailed(ILogger logger, string reason);
}
