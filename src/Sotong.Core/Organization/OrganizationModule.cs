using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization.Demo;
using Sotong.Core.Organization.SnsMap;
using Sotong.Core.Organization.Staff;

namespace Sotong.Core.Organization;

public static class OrganizationModule
{
    public static IHostApplicationBuilder AddOrganization(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<GetSnsMapHandler>();
        builder.Services.AddScoped<DepartmentsHandler>();
        builder.Services.AddScoped<OrganizationChartHandler>();
        builder.Services.AddSingleton<ChannelCredentials>();
        builder.Services.AddScoped<AdminBootstrap>();
        // One instance for pages and for approvals alike: it holds nothing but its dependencies, all singletons.
        builder.Services.AddSingleton<SecondFactorHandler>();
        builder.Services.AddSingleton<ISecondFactor>(sp => sp.GetRequiredService<SecondFactorHandler>());
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        GetSnsMapEndpoint.Map(app.MapGroup("/api/v1").WithTags("Organization"));
        var staffApi = app.MapGroup("/api/v1").WithTags("Organization").RequireAuthorization(SotongPolicies.Staff);
        DepartmentsEndpoint.Map(staffApi);
        OrganizationChartEndpoints.Map(staffApi);
        ChannelCredentialsEndpoints.Map(app.MapGroup("/api/v1").WithTags("Organization").RequireAuthorization(SotongPolicies.Administration));
        return app;
    }
}
