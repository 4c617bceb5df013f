using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Sotong.Core.Alerts.Sns;

public static class AlertSnsModule
{
    /// <summary>
    /// The SNS publishers and <see cref="AlertSnsFanOut"/>. Needs the inbox's services (the Kakao audience reads its
    /// contacts) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAlertSns(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        // No logging handler: Telegram's bot token is part of its URLs. Timeouts are per try (AlertHttp), not per client.
        services.AddHttpClient(AlertHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.TryAddSingleton<AlertSnsOptions>();
        services.TryAddSingleton<AlertHttp>();
        services.TryAddSingleton<IKakaoAudience, InboxKakaoAudience>();
        services.AddSingleton<IAlertPublisher, XAlertPublisher>();
        services.AddSingleton<IAlertPublisher, FacebookAlertPublisher>();
        services.AddSingleton<IAlertPublisher, InstagramAlertPublisher>();
        services.AddSingleton<IAlertPublisher, KakaoAlertPublisher>();
        services.AddSingleton<IAlertPublisher, TelegramAlertPublisher>();
        services.TryAddSingleton(sp => new AlertSnsFanOut(
            sp.GetServices<IAlertPublisher>(), sp.GetRequiredService<AlertSnsOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AlertSnsFanOut>>()));
        return services;
    }
}
