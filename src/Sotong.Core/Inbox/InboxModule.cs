using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Answer;
using Sotong.Core.Inbox.Browse;
using Sotong.Core.Inbox.Canned;
using Sotong.Core.Inbox.Presence;
using Sotong.Core.Inbox.Channels;
using Sotong.Core.Inbox.Channels.Sms;
using Sotong.Core.Messaging.Delivery;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Inbox.Follow;
using Sotong.Core.Inbox.Publish;
using Sotong.Core.Inbox.Submit;

namespace Sotong.Core.Inbox;

public static class InboxModule
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<InboxNotifier>();
        builder.Services.AddSingleton<ClientRateLimiter>();
        builder.Services.AddScoped<SubmitMessageHandler>();
        builder.Services.AddScoped<BrowseInboxHandler>();
        builder.Services.AddScoped<AnswerMessageHandler>();
        builder.Services.AddScoped<PublishMessageHandler>();
        builder.Services.AddScoped<FollowMessageHandler>();
        builder.Services.AddSingleton<PersonalDataProtector>();
        builder.Services.AddSingleton<ContactDirectory>();
        builder.Services.AddSingleton<InboxIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxIntake>());
        builder.Services.AddScoped<SendReplyHandler>();
        builder.Services.AddScoped<ContactThreadHandler>();
        builder.Services.AddScoped<CannedAnswersHandler>();
        builder.Services.AddSingleton<ViewerPresence>();
        builder.Services.AddHttpClient();
        // Adapters are found, not listed: adding a channel is adding its folder.
        foreach (var adapter in typeof(InboxModule).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannelAdapter).IsAssignableFrom(t)))
        {
            builder.Services.AddSingleton(adapter);
            builder.Services.AddSingleton(typeof(IChannelAdapter), sp => sp.GetRequiredService(adapter));
            if (typeof(IHostedService).IsAssignableFrom(adapter))
            {
                // Channels with a connection of their own (the SMPP bind) start and stop with the app.
                builder.Services.AddSingleton(typeof(IHostedService), sp => sp.GetRequiredService(adapter));
            }
        }
        // The SMS channel stores what the SMPP binds receive and follows the receipts of its replies.
        builder.Services.AddSingleton<ISmsInboundHandler>(sp => sp.GetRequiredService<SmsAdapter>());
        builder.Services.AddSingleton<IDeliveryReceiptSink>(sp => sp.GetRequiredService<SmsAdapter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var publicApi = app.MapGroup("/api/v1").WithTags("Citizens");
        SubmitMessageEndpoint.Map(publicApi);
        FollowMessageEndpoint.Map(publicApi);

        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Inbox").RequireAuthorization(SotongPolicies.InboxWork);
        BrowseInboxEndpoints.Map(inbox);
        AnswerMessageEndpoints.Map(inbox);
        PublishMessageEndpoints.Map(inbox);
        SendReplyEndpoints.Map(inbox);
        ContactThreadEndpoints.Map(inbox);
        CannedAnswerEndpoints.Map(inbox);

        var hooks = app.MapGroup("/hooks").WithTags("Webhooks").DisableAntiforgery();
        foreach (var adapter in app.ServiceProvider.GetServices<IChannelAdapter>())
        {
            adapter.MapWebhooks(hooks);
        }
        return app;
    }
}
