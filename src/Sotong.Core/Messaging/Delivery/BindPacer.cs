namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Spaces submissions on one bind to at most the carrier's rate (a generic cell-rate algorithm: each message moves
/// the "next allowed" instant on by 1/rate, with a fiftieth of a second of burst), and holds the bind back after the
/// SMSC says it is throttled or its queue is full. Rate 0 means unpaced.
/// </summary>
/// <remarks>
/// One overflow at the SMSC is answered by a run of 0x58s: every submission already on its way when the first answer
/// came back is refused too. While the pause that answer started lasts, refusals of what the pacer let go before it
/// began are that same overflow and do not lengthen it, and their successes do not reset the doubling. A refusal of
/// something let go after the pause began, or any refusal once it has ended, doubles it. (Counting each answer as a new
/// throttle took a bind from 40 ms to a 2.56-s pause after one stall of the VM, which cost the throttled benchmark a
/// tenth of its rate.)
/// </remarks>
internal sealed class BindPacer(double ratePerSecond, TimeProvider time)
{
    /// <summary>
    /// The share of the contracted rate actually used. Our clock and the carrier's bucket never tick together; pacing at
    /// exactly the contract drew a 0x58 now and then (each costing a paused bind), 2% under it drew none in the benchmark.
    /// </summary>
    public const double Margin = 0.98;

    /// <summary>The longest pause: 40 ms doubled six times.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(40 << 6);

    private readonly Lock _gate = new();
    private readonly long _interval = ratePerSecond > 0 ? (long)(time.TimestampFrequency / (ratePerSecond * Margin)) : 0;
    // A fiftieth of a second of burst: less than a carrier bucket usually allows, so pacing alone avoids 0x58.
    private readonly long _burst = time.TimestampFrequency / 50;
    private long _next = time.GetTimestamp();
    private long _pausedUntil;
    private long _pausedAt = long.MinValue;
    private int _backOffSteps;

    /// <summary>
    /// Waits until this bind may submit <paramref name="parts"/> more parts (reserving them at once), and returns the
    /// instant it let them go (read under the pacer's lock): pass it to <see cref="BackOff"/> or <see cref="Succeeded"/>.
    /// </summary>
    public async ValueTask<long> AcquireAsync(int parts, CancellationToken ct)
    {
        long wait;
        long now;
        lock (_gate)
        {
            now = time.GetTimestamp();
            wait = Reserve(parts, now);
        }
        while (wait > 0)
        {
            await Task.Delay(ToTimeSpan(wait), time, ct);
            lock (_gate)
            {
                now = time.GetTimestamp();
                // A pause began while this one waited for its turn, and its turn fell inside it: it takes a new turn after
                // the pause rather than going out with every other turn the pause held back.
                wait = now < _pausedUntil ? Reserve(parts, now) : 0;
            }
        }
        return now;
    }

    /// <summary>Books the next turn (under the lock); returns how long to wait for it.</summary>
    private long Reserve(int parts, long now)
    {
        var earliest = Math.Max(now, _pausedUntil);
        if (_interval == 0)
        {
            return earliest - now;
        }
        // GCRA: _next is the theoretical arrival time; a request may go once the arrival time it books is no more than
        // one burst ahead. (So after an idle spell the first message waits one interval less the burst, and no two go
        // closer than one interval unless the bind has fallen behind.)
        var tat = Math.Max(_next, earliest);
        _next = tat + _interval * parts;
        return Math.Max(_next - _burst, earliest) - now;
    }

    /// <summary>
    /// The SMSC answered 0x58 or 0x14 to what was let go at <paramref name="sentAt"/>: pause this bind, twice as long each
    /// time the pause was not enough (40 ms up to <see cref="LongestPause"/>). Returns how long the bind is paused from now.
    /// </summary>
    public TimeSpan BackOff(long sentAt)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (sentAt < _pausedAt && now < _pausedUntil)
            {
                // Let go before the current pause began, answered while it lasts: the same overflow.
                return ToTimeSpan(_pausedUntil - now);
            }
            _pausedAt = now;
            _backOffSteps = Math.Min(_backOffSteps + 1, 7);
            var delay = TimeSpan.FromMilliseconds(40 << (_backOffSteps - 1));
            _pausedUntil = Math.Max(_pausedUntil, now + (long)(delay.TotalSeconds * time.TimestampFrequency));
            return delay;
        }
    }

    /// <summary>
    /// What was let go at <paramref name="sentAt"/> went through: the next throttle starts the back-off from the
    /// beginning, unless it was let go before the current pause began (an answer from before the overflow).
    /// </summary>
    public void Succeeded(long sentAt)
    {
        if (Volatile.Read(ref _backOffSteps) != 0)
        {
            lock (_gate)
            {
                if (sentAt >= _pausedAt)
                {
                    _backOffSteps = 0;
                }
            }
        }
    }

    /// <summary>Whole milliseconds, rounded up: a shorter delay would complete at once and spin.</summary>
    private TimeSpan ToTimeSpan(long timestampTicks) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(timestampTicks * 1000.0 / time.TimestampFrequency));
}
