using Sotong.Core.Organization;

namespace Sotong.Core.Alerts.Sns;

/// <summary>
/// One account's post while it is being made: counts tries across its requests, times it, and keeps the account's
/// secrets out of every error it reports (a platform or the network may echo a URL that holds a token).
/// </summary>
internal sealed class AlertRun(ChannelAccountSecrets account, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private int _requests;
    private int _retries;

    public ChannelAccountSecrets Account => account;

    /// <summary>1 plus the retries of any request; 0 when nothing was sent.</summary>
    public int Attempts => Volatile.Read(ref _requests) == 0 ? 0 : 1 + Volatile.Read(ref _retries);

    /// <summary>The last transient error, to explain a post that ran out of time.</summary>
    public string? LastError { get; set; }

    public void Sent(bool isRetry)
    {
        Interlocked.Increment(ref _requests);
        if (isRetry)
        {
            Interlocked.Increment(ref _retries);
        }
    }

    public AlertPostResult Posted(string? providerPostId) =>
        new(account.Id, account.Platform, true, providerPostId, null, Attempts, time.GetElapsedTime(_started));

    public AlertPostResult Failed(string error) =>
        new(account.Id, account.Platform, false, null, Redact(error), Attempts, time.GetElapsedTime(_started));

    public AlertPostResult OutOfTime() =>
        Failed(LastError is null ? "The deadline passed before the post was accepted." : $"The deadline passed before the post was accepted (last: {LastError}).");

    public string Redact(string text)
    {
        foreach (var secret in account.Credentials.Values)
        {
            // Short values (ports, flags) are not secrets, and masking them would garble the message.
            if (secret.Length >= 6)
            {
                text = text.Replace(secret, "••••", StringComparison.Ordinal);
            }
        }
        return text;
    }
}
