namespace Sotong.Core.Triage.Trends;

public sealed record SpikeVerdict(bool IsSpike, double Expected, double Ratio, double TailProbability);

/// <summary>
/// Is the last hour's count far above the usual hourly level? The usual level is the mean of the previous week's hourly
/// counts (quiet hours included, so a topic that is always busy at 9 a.m. still needs a real jump). An hour is a spike
/// when it reaches the minimum count, is <c>ratio</c> times the usual level, and is that unlikely under a Poisson count
/// with the usual mean (p below one in ten thousand). Pure: the same counts always give the same verdict.
/// </summary>
public static class SpikeDetector
{
    public const double TailLimit = 1e-4;

    /// <summary>A topic nobody wrote about last week still needs this much to look unusual.</summary>
    public const double FloorRate = 0.5;

    public static SpikeVerdict Check(int lastHour, IReadOnlyCollection<int> previousHours, double ratio, int minimum)
    {
        ArgumentNullException.ThrowIfNull(previousHours);
        var expected = Math.Max(FloorRate, previousHours.Count == 0 ? 0 : previousHours.Average());
        var r = lastHour / expected;
        var tail = PoissonTail(lastHour, expected);
        return new SpikeVerdict(lastHour >= minimum && r >= ratio && tail < TailLimit, Math.Round(expected, 2), Math.Round(r, 1), tail);
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(λ), summed in log space so large counts do not overflow.</summary>
    public static double PoissonTail(int k, double lambda)
    {
        if (k <= 0)
        {
            return 1;
        }
        // 1 − P(X ≤ k−1)
        double logTerm = -lambda;
        var cdf = Math.Exp(logTerm);
        for (var i = 1; i < k; i++)
        {
            logTerm += Math.Log(lambda) - Math.Log(i);
            cdf += Math.Exp(logTerm);
        }
        return Math.Max(0, 1 - cdf);
    }
}
