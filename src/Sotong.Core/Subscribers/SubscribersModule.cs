using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers.Import;
using Sotong.Core.Subscribers.OptOut;
using Sotong.Core.Subscribers.Reference;
using Sotong.Core.Subscribers.Retention;
using Sotong.Core.Subscribers.Staff;
using Sotong.Core.Subscribers.Subscribe;
using Sotong.Core.Subscribers.Verification;

namespace Sotong.Core.Subscribers;

/// <summary>The SMS subscriber registry (U-행복소통): sign-up with a confirmed number, consent, interests, opt-out, purge.</summary>
public static class SubscribersModule
{
    public static IHostApplicationBuilder AddSubscribers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SubscribersSettings>();
        builder.Services.AddSingleton<IDataSeeder, SubscribersSeeder>();
        // The SMS adapter resolves its steps once, as a singleton: this step keeps no state and opens a context per text.
        builder.Services.AddSingleton<IInboundSmsStep, OptOutBySms>();
        builder.Services.AddSingleton<PhoneVerification>();
        builder.Services.AddSingleton<RetentionPurgeHandler>();
        builder.Services.AddHostedService<RetentionPurgeService>();
        builder.Services.AddScoped<SubscriptionHandler>();
        builder.Services.AddScoped<SubscriberReferenceHandler>();
        builder.Services.AddScoped<ManageSubscribersHandler>();
        builder.Services.AddScoped<ImportSubscribersHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSubscribers(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The resident's side: no account; the code sent to the phone is the permission.
        var subscriptions = app.MapGroup("/api/v1/subscriptions").WithTags("Subscriptions").AllowAnonymous();
        SubscriptionEndpoints.Map(subscriptions);

        var staff = app.MapGroup("/api/v1/subscribers").WithTags("Subscribers").RequireAuthorization(SotongPolicies.Staff);
        ManageSubscribersEndpoints.Map(staff);
        ImportSubscribersEndpoints.Map(staff);
        ReferenceDataEndpoints.Map(staff);
        RetentionPurgeEndpoints.Map(staff);
        return app;
    }
}
