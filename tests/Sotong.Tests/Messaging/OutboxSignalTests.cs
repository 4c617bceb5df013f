using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Messaging;

namespace Sotong.Tests.Messaging;

public sealed class OutboxSignalTests
{
    [Fact]
    public void Given_an_emergency_hold_Then_non_emergency_work_waits_until_it_is_released_or_runs_out()
    {
        var time = new FakeTimeProvider();
        var signal = new OutboxSignal();
        signal.NonEmergencyHeld(time).ShouldBeFalse();

        var first = signal.HoldNonEmergency(time, TimeSpan.FromSeconds(10));
        var second = signal.HoldNonEmergency(time, TimeSpan.FromSeconds(10));
        signal.NonEmergencyHeld(time).ShouldBeTrue();
        first.Dispose();
        first.Dispose();
        // One release (even twice) does not end another writer's hold.
        signal.NonEmergencyHeld(time).ShouldBeTrue();
        second.Dispose();
        signal.NonEmergencyHeld(time).ShouldBeFalse();

        // A hold never released (a writer that hung) ends by itself.
        _ = signal.HoldNonEmergency(time, TimeSpan.FromSeconds(10));
        signal.NonEmergencyHeld(time).ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(11));
        signal.NonEmergencyHeld(time).ShouldBeFalse();
    }
}
