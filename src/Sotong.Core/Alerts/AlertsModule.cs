using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Alerts.Approve;
using Sotong.Core.Alerts.Author;
using Sotong.Core.Alerts.Board;
using Sotong.Core.Alerts.Issue;
using Sotong.Core.Alerts.Public;
using Sotong.Core.Alerts.Sns;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Alerts;

/// <summary>Emergency broadcasts: CAP 1.2, two-person approval with 2FA, every channel at once.</summary>
public static class AlertsModule
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAlertSns();
        builder.Services.AddSingleton<AlertSettings>();
        builder.Services.TryAddSingleton<IAlertBroadcaster, NoBroadcaster>();
        builder.Services.AddSingleton<AlertIssuer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertIssuer>());
        builder.Services.AddScoped<AuthorAlertHandler>();
        builder.Services.AddScoped<ApproveAlertHandler>();
        builder.Services.AddScoped<AlertBoardHandler>();
        builder.Services.AddScoped<CurrentAlertsHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CurrentAlertsEndpoints.Map(app);
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(SotongPolicies.AlertWork);
        AuthorAlertEndpoints.Map(alerts);
        ApproveAlertEndpoints.Map(alerts);
        AlertBoardEndpoints.Map(alerts);
        return app;
    }
}
