namespace Sotong.Core.Messaging.Delivery;

/// <summary>
/// Spaces submissions on one bind to at most the carrier's rate (a generic cell-rate algorithm: each message moves
/// the "next allowed" instant on by 1/rate, with a fiftieth of a second of burst), and holds the bind back after the
/// SMSC says it is throttled or its queue is full. Rate 0 means unpaced.
/// </summary>
/// <remarks>
/// One overflow at the SMSC is answered by a run of 0x58s: every submission already on the wire when the first answer
/// came back is refused too. Those answers belong to the same pause and do not lengthen it; only a refusal of something
/// sent after the pause began doubles it. (Counting each answer as a new throttle took a bind from 40 ms to a 5-s pause
/// after one stall of the VM, which cost the throttled benchmark a tenth of its rate.)
/// </remarks>
internal sealed class BindPacer(double ratePerSecond, TimeProvider time)
{
    /// <summary>
    /// The share of the contracted rate actually used. Our clock and the carrier's bucket never tick together; pacing at
    /// exactly the contract drew a 0x58 now and then (each costing a paused bind), 2% under it drew none in the benchmark.
    /// </summary>
    public const double Margin = 0.98;

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
    /// instant it let them go: pass it to <see cref="BackOff"/> if the SMSC refuses them.
    /// </summary>
    public async ValueTask<long> AcquireAsync(int parts, CancellationToken ct)
    {
        long wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var earliest = Math.Max(now, _pausedUntil);
            if (_interval == 0)
            {
                wait = earliest - now;
            }
            else
            {
                // GCRA: _next is the theoretical arrival time of the next part; a request may go once that is no more
                // than one burst ahead of now, and moves it on by one interval per part.
                var tat = Math.Max(_next, earliest);
                _next = tat + _interval * parts;
                var allowedAt = tat - _burst;
                wait = Math.Max(allowedAt, earliest) - now;
            }
        }
        while (wait > 0)
        {
            await Task.Delay(ToTimeSpan(wait), time, ct);
            // A pause may have begun while this one waited for its turn: it waits that out too.
            lock (_gate)
            {
                wait = _pausedUntil - time.GetTimestamp();
            }
        }
        return time.GetTimestamp();
    }

    /// <summary>
    /// The SMSC answered 0x58 or 0x14 to what was let go at <paramref name="sentAt"/>: pause this bind, twice as long each
    /// time the pause was not enough (up to 5 s). Returns how long the bind is paused from now.
    /// </summary>
    public TimeSpan BackOff(long sentAt)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (sentAt < _pausedAt)
            {
                // Sent before the current pause began: the same overflow, answered late.
                return ToTimeSpan(Math.Max(0, _pausedUntil - now));
            }
            _pausedAt = now;
            _backOffSteps = Math.Min(_backOffSteps + 1, 7);
            var delay = TimeSpan.FromMilliseconds(40 * (1 << (_backOffSteps - 1)));
            delay = delay > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : delay;
            _pausedUntil = Math.Max(_pausedUntil, now + (long)(delay.TotalSeconds * time.TimestampFrequency));
            return delay;
        }
    }

    private TimeSpan ToTimeSpan(long timestampTicks) => TimeSpan.FromTicks(timestampTicks * TimeSpan.TicksPerSecond / time.TimestampFrequency);

    /// <summary>A submission went through: the next throttle starts the back-off from the beginning.</summary>
    public void Succeeded()
    {
        if (Volatile.Read(ref _backOffSteps) != 0)
        {
            lock (_gate)
            {
                _backOffSteps = 0;
            }
        }
    }
}
