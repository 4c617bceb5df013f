using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Sotong.Core.Subscribers;

/// <summary>The SMS subscriber registry (U-행복소통): sign-up with a confirmed number, consent, interests, opt-out, purge.</summary>
public static class SubscribersModule
{
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    public static IEndpointRouteBuilder MapSubscribers(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
