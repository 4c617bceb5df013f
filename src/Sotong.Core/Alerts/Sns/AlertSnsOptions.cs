using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// Settings of the SNS fan-out, read from configuration on each use (like the channel adapters, so a test host's
/// settings apply). The platform base URLs are the inbox adapters' own keys: one place points both at a stand-in.
/// </summary>
internal sealed class AlertSnsOptions(IConfiguration configuration)
{
    public TimeSpan Deadline => Seconds("Alerts:Sns:DeadlineSeconds", 60);
    public int MaxParallel => Math.Max(1, Int("Alerts:Sns:MaxParallel", 16));
    public TimeSpan RequestTimeout => Seconds("Alerts:Sns:RequestTimeoutSeconds", 10);
    public TimeSpan RetryBase => TimeSpan.FromMilliseconds(Int("Alerts:Sns:RetryBaseMilliseconds", 500));
    public TimeSpan RetryCap => TimeSpan.FromMilliseconds(Int("Alerts:Sns:RetryMaxMilliseconds", 8000));

    /// <summary>The event block's name in the Kakao i Open Builder bot; it renders <c>event.data.text</c>.</summary>
    public string KakaoEventName => configuration["Alerts:Sns:KakaoEventName"] is { Length: > 0 } name ? name : "sotong_alert";

    /// <summary>Requests of 100 users each that one Kakao channel sends at once.</summary>
    public int KakaoParallelBatches => Math.Max(1, Int("Alerts:Sns:KakaoParallelBatches", 4));

    public string XApiBase => Base("Channels:X:ApiBaseUrl", "https://api.x.com");
    public string GraphBase => Base("Channels:Meta:GraphBaseUrl", "https://graph.facebook.com/v21.0");
    public string KakaoEventApiBase => Base("Channels:Kakao:EventApiBaseUrl", "https://bot-api.kakao.com");
    public string TelegramApiBase => Base("Channels:Telegram:ApiBaseUrl", "https://api.telegram.org");

    private string Base(string key, string fallback) => (configuration[key] is { Length: > 0 } value ? value : fallback).TrimEnd('/');

    private int Int(string key, int fallback) =>
        int.TryParse(configuration[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;

    private TimeSpan Seconds(string key, double fallback) =>
        TimeSpan.FromSeconds(double.TryParse(configuration[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback);
}
