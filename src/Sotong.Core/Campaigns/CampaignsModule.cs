using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Campaigns.Compose;
using Sotong.Core.Campaigns.Participation;
using Sotong.Core.Campaigns.Replies;
using Sotong.Core.Campaigns.Report;
using Sotong.Core.Campaigns.Sending;
using Sotong.Core.Campaigns.Workflow;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;

namespace Sotong.Core.Campaigns;

/// <summary>Targeted SMS to subscriber segments, with approval, quiet hours, progress, replies and participation.</summary>
public static class CampaignsModule
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<CampaignSettings>(builder.Configuration.GetSection("Campaigns"));
        builder.Services.AddSingleton<CampaignPolicy>();
        builder.Services.AddSingleton<CampaignStarter>();
        builder.Services.AddSingleton<CampaignScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CampaignScheduler>());
        // Replies to a campaign are recognised after the opt-out keywords (order 0) and before the inbox.
        builder.Services.AddSingleton<IInboundSmsStep, CampaignReplyStep>();
        builder.Services.AddScoped<ComposeCampaignHandler>();
        builder.Services.AddScoped<CampaignWorkflowHandler>();
        builder.Services.AddScoped<BrowseCampaignsHandler>();
        builder.Services.AddScoped<DrawWinnersHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var campaigns = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization(SotongPolicies.InboxWork);
        ComposeCampaignEndpoints.Map(campaigns);
        CampaignWorkflowEndpoints.Map(campaigns);
        BrowseCampaignsEndpoints.Map(campaigns);
        DrawWinnersEndpoints.Map(campaigns);
        return app;
    }
}
