using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sotong.Core.Common.Time;

namespace Sotong.Core.Campaigns;

/// <summary><c>Campaigns:*</c> in configuration.</summary>
public sealed class CampaignSettings
{
    /// <summary>A second, city-wide officer approves every campaign before it goes (on unless set to false).</summary>
    public bool RequireApproval { get; set; } = true;

    public QuietHoursSettings QuietHours { get; set; } = new();

    /// <summary>How often the scheduler looks for due campaigns and finished batches.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary><c>Campaigns:QuietHours:Start</c> and <c>End</c>, "HH:mm" in Asia/Seoul; equal times mean no quiet hours.</summary>
public sealed class QuietHoursSettings
{
    public string Start { get; set; } = "21:00";
    public string End { get; set; } = "08:00";
}

/// <summary>
/// The hours in which non-urgent campaigns are not sent (21:00–08:00 by default, Asia/Seoul). A window whose start is
/// after its end runs across midnight.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, TimeZoneInfo Zone)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0), SeoulTime.Zone);

    public bool IsEmpty => Start == End;

    public bool IsQuietAt(DateTime utc)
    {
        if (IsEmpty)
        {
            return false;
        }
        var t = TimeOnly.FromDateTime(ToLocal(utc));
        return Start > End ? t >= Start || t < End : t >= Start && t < End;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="utc"/> a campaign may be sent: the instant itself when it is
    /// urgent or outside quiet hours, else the end of the quiet hours it falls in.
    /// </summary>
    public DateTime EarliestSendUtc(DateTime utc, bool urgent)
    {
        if (urgent || !IsQuietAt(utc))
        {
            return utc;
        }
        var local = ToLocal(utc);
        // Across midnight, the evening part ends tomorrow morning; the morning part (and a same-day window) ends today.
        var endDay = Start > End && TimeOnly.FromDateTime(local) >= Start ? local.Date.AddDays(1) : local.Date;
        var endLocal = DateTime.SpecifyKind(endDay.Add(End.ToTimeSpan()), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(endLocal, Zone);
    }

    public static QuietHours From(QuietHoursSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new QuietHours(Parse(settings.Start, "Start"), Parse(settings.End, "End"), SeoulTime.Zone);
    }

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private static TimeOnly Parse(string value, string name) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new InvalidOperationException($"Campaigns:QuietHours:{name} must be a time like 21:00 (was '{value}').");
}

/// <summary>The settings as the handlers use them, read afresh on each use (configuration may be reloaded).</summary>
public sealed class CampaignPolicy(IOptionsMonitor<CampaignSettings> settings, IConfiguration configuration)
{
    public bool RequireApproval => settings.CurrentValue.RequireApproval;

    public QuietHours QuietHours => QuietHours.From(settings.CurrentValue.QuietHours);

    public TimeSpan PollInterval => settings.CurrentValue.PollInterval <= TimeSpan.Zero ? TimeSpan.FromSeconds(5) : settings.CurrentValue.PollInterval;

    /// <summary>The registered short number campaigns go out from and residents reply to (<c>Channels:Sms:ShortNumber</c>).</summary>
    public string ShortNumber => configuration["Channels:Sms:ShortNumber"] ?? "";
}
