using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Sotong.Core.Campaigns;

/// <summary>Targeted SMS to subscriber segments, with approval, quiet hours, progress, replies and participation.</summary>
public static class CampaignsModule
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
