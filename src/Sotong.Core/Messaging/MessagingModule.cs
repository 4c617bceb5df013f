using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging.Delivery;
using Sotong.Core.Messaging.Senders;

namespace Sotong.Core.Messaging;

/// <summary>The delivery engine: the durable outbox, the SMPP binds that drain it, sender numbers, delivery receipts.</summary>
public static class MessagingModule
{
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The outbox keeps numbers encrypted; the protector is the inbox's too (TryAdd: one instance either way).
        builder.Services.TryAddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<SmppGateway>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SmppGateway>());
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddSingleton<OutboxReceipts>();
        builder.Services.AddSingleton<IDeliveryReceiptSink>(sp => sp.GetRequiredService<OutboxReceipts>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxReceipts>());
        builder.Services.AddSingleton<OutboxRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRetention>());
        builder.Services.AddSingleton<IDataSeeder, SenderNumberSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        SenderNumberEndpoints.Map(app.MapGroup("/api/v1").WithTags("Messaging").RequireAuthorization(SotongPolicies.Administration));
        BatchProgressEndpoints.Map(app.MapGroup("/api/v1").WithTags("Messaging").RequireAuthorization(SotongPolicies.Staff));
        return app;
    }
}
