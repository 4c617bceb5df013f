using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sotong.Core.Qna;

public static class QnaModule
{
    public static IHostApplicationBuilder AddQna(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<BrowseAnswersHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQna(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        BrowseAnswersEndpoints.Map(app.MapGroup("/api/v1").WithTags("Public answers"));
        return app;
    }
}
