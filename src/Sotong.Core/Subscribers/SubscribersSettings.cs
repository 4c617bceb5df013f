using Microsoft.Extensions.Configuration;

namespace Sotong.Core.Subscribers;

/// <summary>The module's configuration (appsettings or environment variables), read once at start.</summary>
public sealed class SubscribersSettings(IConfiguration configuration)
{
    /// <summary>The registered short number the codes and confirmations go out from (the one residents text).</summary>
    public string? Sender { get; } = string.IsNullOrWhiteSpace(configuration["Channels:Sms:ShortNumber"]) ? null : configuration["Channels:Sms:ShortNumber"]!.Trim();

    /// <summary>Withdrawn subscribers are deleted this many days after they withdrew.</summary>
    public int PurgeWithdrawnAfterDays { get; } = Math.Max(0, configuration.GetValue("Subscribers:PurgeWithdrawnAfterDays", 5));

    /// <summary>How many codes one number may be sent in an hour (whoever asks).</summary>
    public int CodesPerNumberPerHour { get; } = Math.Max(1, configuration.GetValue("Subscribers:CodesPerNumberPerHour", 5));

    /// <summary>Demo subscribers created when demo mode starts on an empty registry.</summary>
    public int DemoSubscribers { get; } = Math.Max(0, configuration.GetValue("Subscribers:DemoSubscribers", 300));

    public bool DemoMode { get; } = configuration.GetValue("Demo:Enabled", false);
}
