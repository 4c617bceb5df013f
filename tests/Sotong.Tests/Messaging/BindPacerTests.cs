using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Messaging.Delivery;

namespace Sotong.Tests.Messaging;

public sealed class BindPacerTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Given_a_paced_bind_Then_the_first_message_goes_at_once_and_the_rest_one_interval_apart()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(10, time); // 10/s, paced at 98%: one every 102 ms, a fiftieth of a second of burst
        var start = time.GetTimestamp();

        (await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(start);
        var second = pacer.AcquireAsync(1, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(70));
        await Task.Delay(50);
        second.IsCompleted.ShouldBeFalse("the second may not go before its interval, less the burst");
        time.Advance(TimeSpan.FromMilliseconds(15));
        (await second.WaitAsync(Settle) - start).ShouldBeInRange(Ms(time, 82), Ms(time, 85));
    }

    [Fact]
    public async Task Given_a_paced_bind_Then_over_a_second_it_lets_go_no_more_than_its_rate_and_the_burst()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(500, time);
        var start = time.GetTimestamp();
        var waiting = Enumerable.Range(0, 1_000).Select(_ => pacer.AcquireAsync(1, CancellationToken.None).AsTask()).ToList();
        for (var ms = 0; ms < 1_000; ms += 5)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(1);
        }
        await Task.WhenAll(waiting.Take(490)).WaitAsync(Settle);
        await Task.Delay(100);
        var released = waiting.Count(t => t.IsCompletedSuccessfully && t.Result - start <= Ms(time, 1_000));
        // 500/s at 98% is 490 in a second, plus the 20 ms of burst (about 10): never more, and none held back longer.
        released.ShouldBeInRange(495, 501);
    }

    [Fact]
    public void Given_one_overflow_answered_by_a_run_of_refusals_Then_the_pause_is_not_lengthened_by_each_of_them()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(0, time);
        // Three submissions on the wire together; the SMSC refuses all three, the answers arriving one after another.
        var sent = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(5));

        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(40));
        time.Advance(TimeSpan.FromMilliseconds(1));
        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(39));
        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(39));
    }

    [Fact]
    public async Task Given_a_refusal_of_what_was_sent_after_the_pause_Then_the_pause_doubles_and_a_success_starts_again_from_40_ms()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(0, time);
        pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(40));

        var next = pacer.AcquireAsync(1, CancellationToken.None).AsTask();
        await Task.Delay(50);
        next.IsCompleted.ShouldBeFalse("a paused bind lets nothing go");
        time.Advance(TimeSpan.FromMilliseconds(40));
        var afterPause = await next.WaitAsync(Settle);

        pacer.BackOff(afterPause).ShouldBe(TimeSpan.FromMilliseconds(80));
        time.Advance(TimeSpan.FromMilliseconds(80));
        pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(160));

        time.Advance(TimeSpan.FromMilliseconds(160));
        pacer.Succeeded();
        pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task Given_a_message_waiting_for_its_turn_When_the_bind_is_paused_meanwhile_Then_it_waits_the_pause_out()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(10, time);
        var start = time.GetTimestamp();
        var first = await pacer.AcquireAsync(1, CancellationToken.None);
        var second = pacer.AcquireAsync(1, CancellationToken.None).AsTask(); // its turn comes at 82 ms

        time.Advance(TimeSpan.FromMilliseconds(70));
        pacer.BackOff(first).ShouldBe(TimeSpan.FromMilliseconds(40)); // paused until 110 ms
        time.Advance(TimeSpan.FromMilliseconds(20));
        await Task.Delay(50);
        second.IsCompleted.ShouldBeFalse("its turn came during the pause");
        time.Advance(TimeSpan.FromMilliseconds(20));
        (await second.WaitAsync(Settle) - start).ShouldBe(Ms(time, 110));
    }

    private static long Ms(TimeProvider time, int milliseconds) => time.TimestampFrequency * milliseconds / 1000;
}
