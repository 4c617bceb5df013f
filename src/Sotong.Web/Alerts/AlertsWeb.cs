using Microsoft.Extensions.DependencyInjection.Extensions;
using Sotong.Core.Alerts;

namespace Sotong.Web.Alerts;

/// <summary>The public side of emergency alerts in the web host: the live banner's hub and the public alert pages.</summary>
internal static class AlertsWeb
{
    public static WebApplicationBuilder AddAlertsWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddHubOptions<AlertsHub>(o =>
        {
            // Pages only listen; anything bigger than a handshake or a ping from an anonymous client is not ours.
            o.MaximumReceiveMessageSize = 4 * 1024;
        });
        // Whichever of AddAlerts and this runs first, the hub's broadcaster is the one the issuer gets.
        builder.Services.RemoveAll<IAlertBroadcaster>();
        builder.Services.AddSingleton<IAlertBroadcaster, SignalRAlertBroadcaster>();
        builder.Services.AddScoped<AlertPagesHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAlertsWeb(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHub<AlertsHub>(AlertsHub.Path).AllowAnonymous();
        return app;
    }
}
