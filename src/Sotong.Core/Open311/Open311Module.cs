using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Security;
using Sotong.Core.Open311.Discovery;
using Sotong.Core.Open311.Formats;
using Sotong.Core.Open311.Keys;
using Sotong.Core.Open311.Requests;
using Sotong.Core.Open311.Catalog;
using Sotong.Core.Open311.Updates;

namespace Sotong.Core.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): third-party apps list the services, report issues
/// into the inbox with an API key, and follow them as the cases that hold them move (with mySociety's
/// servicerequestupdates extension). Built on Inbox, Triage and Cases; nothing depends on it.
/// </summary>
public static class Open311Module
{
    public static IHostApplicationBuilder AddOpen311(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection("Open311"));
        builder.Services.AddScoped<ServiceDiscoveryHandler>();
        builder.Services.AddScoped<Open311ServicesHandler>();
        builder.Services.AddScoped<PostServiceRequestHandler>();
        builder.Services.AddScoped<Open311RequestsHandler>();
        builder.Services.AddScoped<ServiceRequestUpdatesHandler>();
        builder.Services.AddScoped<Open311KeysHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Public, like the spec's GETs; POST checks its api_key itself. Errors are GeoReport error lists, not problems.
        var open311 = app.MapGroup("/open311").WithTags("Open311").AddEndpointFilter<Open311ErrorFilter>();
        ServiceDiscoveryEndpoint.Map(open311);
        var v2 = open311.MapGroup("/v2");
        Open311ServiceEndpoints.Map(v2);
        Open311RequestEndpoints.Map(v2);
        ServiceRequestUpdatesEndpoint.Map(v2);
        // Anything else under /open311 is the spec's 404 with an error list, not the site's "page not found".
        open311.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post], (string? rest) =>
            {
                var json = rest?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true;
                return new Open311Result(Open311Error.Document([new Open311Error(StatusCodes.Status404NotFound, $"There is no Open311 resource '/open311/{rest}'.")]),
                    json ? Open311Format.Json : Open311Format.Xml, StatusCodes.Status404NotFound);
            })
            .ExcludeFromDescription();

        var keys = app.MapGroup("/api/v1/open311/keys").WithTags("Open311").RequireAuthorization(SotongPolicies.Administration);
        Open311KeyEndpoints.Map(keys);
        return app;
    }
}
