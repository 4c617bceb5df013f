using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Sotong.Core.Common.Security;

/// <summary>The caller sent too many requests; answered with 429 and Retry-After.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter) : Exception("Too many requests.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Per-client limit on citizen submissions, shared by the API and the web form so neither is a way around the other.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public ClientRateLimiter(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var permits = configuration.GetValue("RateLimits:CitizenMessagesPerWindow", 5);
        _window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:CitizenWindowSeconds", 60));
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = _window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public void Acquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : _window);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
