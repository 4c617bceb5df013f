using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// One alert message as the SNS accounts post it. <paramref name="AlertKey"/> is stable for the message (an update
/// or cancel has its own): with the account it names one post, so a repeated publish of the same key does not post
/// twice. <paramref name="ShortText"/> is the SMS form; <paramref name="LongText"/> the web and SNS form, trimmed
/// where a platform allows less (X). <paramref name="ImageUrl"/> must be a public JPEG for Instagram.
/// </summary>
public sealed record AlertPost(string AlertKey, string ShortText, string LongText, string? Link, string? ImageUrl, bool IsExercise)
{
    /// <summary>A CAP "Test" message: marked [시험·Test] instead of [훈련·Exercise] (wins over <see cref="IsExercise"/>).</summary>
    public bool IsTest { get; init; }
}

/// <summary>
/// What became of one account's post. <paramref name="Attempts"/> is 1 plus the number of retries of any of its
/// requests (0 when nothing could be sent); <paramref name="ProviderPostId"/> is the platform's id for the post
/// (Kakao: the event API's task id, or ids when the audience took several requests).
/// </summary>
public sealed record AlertPostResult(Guid AccountId, ChannelPlatform Platform, bool Posted, string? ProviderPostId, string? Error, int Attempts, TimeSpan Took);

/// <summary>Posts one alert on one account of its platform, retrying its own requests within the caller's deadline.</summary>
internal interface IAlertPublisher
{
    ChannelPlatform Platform { get; }

    Task<AlertPostResult> PostAsync(ChannelAccountSecrets account, AlertPost post, CancellationToken ct);
}
