using Sotong.Core.Triage.Trends;

namespace Sotong.Tests.Triage;

public class SpikeDetectorTests
{
    /// <summary>A normal week for a busy topic: 2–9 messages an hour, busier in the day.</summary>
    private static int[] NormalWeek()
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, 168).Select(h => (h % 24) is >= 8 and <= 20 ? random.Next(5, 10) : random.Next(0, 4))];
    }

    [Fact]
    public void A_snowstorm_hour_is_a_spike()
    {
        var verdict = SpikeDetector.Check(60, NormalWeek(), ratio: 4, minimum: 12);
        verdict.IsSpike.ShouldBeTrue();
        verdict.Ratio.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void The_busiest_hour_of_a_normal_week_is_not()
    {
        var week = NormalWeek();
        SpikeDetector.Check(week.Max(), week, ratio: 4, minimum: 12).IsSpike.ShouldBeFalse();
    }

    [Fact]
    public void A_handful_on_a_quiet_topic_is_below_the_minimum() =>
        SpikeDetector.Check(6, new int[168], ratio: 4, minimum: 12).IsSpike.ShouldBeFalse();

    [Fact]
    public void A_new_topic_with_no_history_spikes_once_it_reaches_the_minimum() =>
        SpikeDetector.Check(12, new int[168], ratio: 4, minimum: 12).IsSpike.ShouldBeTrue();

    [Fact]
    public void Poisson_tail_matches_known_values()
    {
        SpikeDetector.PoissonTail(0, 3).ShouldBe(1);
        SpikeDetector.PoissonTail(1, 3).ShouldBe(1 - Math.Exp(-3), 1e-12);
        // P(X >= 10 | λ = 2) ≈ 4.65e-5
        SpikeDetector.PoissonTail(10, 2).ShouldBe(4.65e-5, 0.01e-5);
    }
}
