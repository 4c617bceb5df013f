using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Messaging.Delivery;

namespace Sotong.Tests.Messaging;

public sealed class BindPacerTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Given_a_paced_bind_Then_no_two_messages_go_closer_than_one_interval()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(10, time); // 10/s, paced at 98%: one every 102 ms, a fiftieth of a second of burst
        var start = time.GetTimestamp();

        var first = pacer.AcquireAsync(1, CancellationToken.None).AsTask();
        var second = pacer.AcquireAsync(1, CancellationToken.None).AsTask();
        await AdvanceUntil(time, second, 400);

        var (firstAt, secondAt) = (await first, await second);
        (firstAt - start).ShouldBeInRange(Ms(time, 82), Ms(time, 86));
        (secondAt - firstAt).ShouldBeInRange(Ms(time, 101), Ms(time, 105));
    }

    [Fact]
    public async Task Given_a_paced_bind_Then_over_a_second_it_lets_go_no_more_than_the_contract()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(500, time);
        var waiting = Enumerable.Range(0, 1_000).Select(_ => pacer.AcquireAsync(1, CancellationToken.None).AsTask()).ToList();
        for (var ms = 0; ms < 1_000; ms += 5)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Delay(1);
        }
        await Task.WhenAll(waiting.Take(490)).WaitAsync(Settle);
        await Task.Delay(100);
        // 500/s at 98% is 490 in a second, plus the 20 ms of burst: never more than the 500 contracted, none held back.
        waiting.Count(t => t.IsCompleted).ShouldBeInRange(490, 500);
    }

    [Fact]
    public void Given_one_overflow_answered_by_a_run_of_refusals_Then_it_is_one_pause_and_the_next_overflow_doubles_it_once()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(0, time);
        // Three submissions on their way together; the SMSC refuses two and accepts one, the answers arriving one by one.
        var sent = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(5));

        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(40));
        time.Advance(TimeSpan.FromMilliseconds(1));
        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(39));
        pacer.Succeeded(sent); // from before the overflow: it does not undo the pause's doubling

        // After the pause, a refusal (even of something sent before it) is a new overflow: 80 ms, not 160 (the late
        // answers did not count) and not 40 (the old success did not reset it).
        time.Advance(TimeSpan.FromMilliseconds(40));
        pacer.BackOff(sent).ShouldBe(TimeSpan.FromMilliseconds(80));
    }

    [Fact]
    public async Task Given_a_refusal_of_what_was_sent_after_the_pause_Then_the_pause_doubles_up_to_its_longest_and_a_success_starts_again_from_40_ms()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(0, time);
        pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(40));

        var next = pacer.AcquireAsync(1, CancellationToken.None).AsTask();
        await Task.Delay(50);
        next.IsCompleted.ShouldBeFalse("a paused bind lets nothing go");
        time.Advance(TimeSpan.FromMilliseconds(40));
        var afterPause = await next.WaitAsync(Settle);

        var pause = pacer.BackOff(afterPause);
        pause.ShouldBe(TimeSpan.FromMilliseconds(80));
        for (var i = 0; i < 8; i++)
        {
            time.Advance(pause);
            pause = pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None));
        }
        pause.ShouldBe(BindPacer.LongestPause);

        time.Advance(pause);
        pacer.Succeeded(await pacer.AcquireAsync(1, CancellationToken.None));
        pacer.BackOff(await pacer.AcquireAsync(1, CancellationToken.None)).ShouldBe(TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task Given_a_message_whose_turn_falls_in_a_pause_Then_it_takes_a_new_turn_after_it()
    {
        var time = new FakeTimeProvider();
        var pacer = new BindPacer(10, time);
        var start = time.GetTimestamp();
        var first = pacer.AcquireAsync(1, CancellationToken.None).AsTask(); // its turn: 82 ms
        var second = pacer.AcquireAsync(1, CancellationToken.None).AsTask(); // its turn: 184 ms
        await AdvanceUntil(time, first, 100);

        time.Advance(TimeSpan.FromMilliseconds(150) - time.GetElapsedTime(start));
        pacer.BackOff(await first).ShouldBe(TimeSpan.FromMilliseconds(40)); // paused from 150 to 190 ms
        await AdvanceUntil(time, second, 600);

        // Not at 184 (inside the pause), nor at 190 with every other held-back turn, but at the next free turn: 286 ms.
        (await second - start).ShouldBeInRange(Ms(time, 285), Ms(time, 290));
    }

    /// <summary>Moves the fake clock a millisecond at a time, giving continuations real time to run, until the task ends.</summary>
    private static async Task AdvanceUntil(FakeTimeProvider time, Task task, int maxMilliseconds)
    {
        for (var ms = 0; ms < maxMilliseconds && !task.IsCompleted; ms++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(2);
        }
        await task.WaitAsync(Settle);
    }

    private static long Ms(TimeProvider time, int milliseconds) => time.TimestampFrequency * milliseconds / 1000;
}
