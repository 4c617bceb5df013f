using Sotong.Core.Organization.Staff;

namespace Sotong.Tests.Organization;

public sealed class SecondFactorRulesTests
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly byte[] Key = Base32.Decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    // Mid-step, so ±15 s stays inside the same step.
    private static readonly DateTime Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_005).UtcDateTime;

    private static string CodeAt(DateTime utc) => new OtpNet.Totp(Key).ComputeTotp(utc);

    private static (SecondFactorResult Result, SecondFactorState State) Check(SecondFactorState state, string? code, DateTime? at = null) =>
        SecondFactorRules.Check(state, Key, code, at ?? Now, MaxFailures, Lockout);

    private static string Wrong(DateTime utc)
    {
        // A code that matches no step in the window, whatever the window holds.
        var inWindow = new[] { -1, 0, 1 }.Select(d => CodeAt(utc.AddSeconds(30 * d))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !inWindow.Contains(c));
    }

    [Fact]
    public void Given_the_current_code_Then_it_is_accepted_and_its_step_remembered()
    {
        var (result, state) = Check(SecondFactorState.New, CodeAt(Now));
        result.ShouldBe(SecondFactorResult.Ok);
        state.LastStep.ShouldBe(Totp.StepAt(Now));
    }

    [Theory]
    [InlineData(-30, SecondFactorResult.Ok)]
    [InlineData(30, SecondFactorResult.Ok)]
    [InlineData(-60, SecondFactorResult.Invalid)]
    [InlineData(60, SecondFactorResult.Invalid)]
    public void Given_a_code_from_a_neighbouring_step_Then_one_step_either_way_counts_and_two_do_not(int offsetSeconds, SecondFactorResult expected)
    {
        // Key and time are fixed, so no code here happens to equal another step's.
        var code = CodeAt(Now.AddSeconds(offsetSeconds));
        Check(SecondFactorState.New, code).Result.ShouldBe(expected);
    }

    [Fact]
    public void Given_a_code_already_accepted_Then_it_is_refused_as_reused_even_later_in_its_window()
    {
        var code = CodeAt(Now);
        var (_, state) = Check(SecondFactorState.New, code);
        Check(state, code).Result.ShouldBe(SecondFactorResult.Reused);
        Check(state, code, Now.AddSeconds(30)).Result.ShouldBe(SecondFactorResult.Reused);
        // An older code than the one accepted is refused too: steps only move forward.
        Check(state, CodeAt(Now.AddSeconds(-30))).Result.ShouldBe(SecondFactorResult.Reused);
        // The next step's code is a new code.
        Check(state, CodeAt(Now.AddSeconds(30)), Now.AddSeconds(30)).Result.ShouldBe(SecondFactorResult.Ok);
    }

    [Fact]
    public void Given_repeated_wrong_codes_Then_the_factor_locks_and_refuses_even_the_right_code_until_the_lock_ends()
    {
        var state = SecondFactorState.New;
        for (var i = 1; i < MaxFailures; i++)
        {
            (var result, state) = Check(state, Wrong(Now));
            result.ShouldBe(SecondFactorResult.Invalid);
            state.Failures.ShouldBe(i);
        }
        (var last, state) = Check(state, Wrong(Now));
        last.ShouldBe(SecondFactorResult.LockedOut);
        state.LockedUntilUtc.ShouldBe(Now + Lockout);

        Check(state, CodeAt(Now)).Result.ShouldBe(SecondFactorResult.LockedOut);
        var almost = Now + Lockout - TimeSpan.FromSeconds(1);
        Check(state, CodeAt(almost), almost).Result.ShouldBe(SecondFactorResult.LockedOut);
        var after = Now + Lockout;
        var (unlocked, cleared) = Check(state, CodeAt(after), after);
        unlocked.ShouldBe(SecondFactorResult.Ok);
        (cleared.Failures, cleared.LockedUntilUtc).ShouldBe((0, null));
    }

    [Fact]
    public void Given_replayed_codes_Then_they_count_towards_the_lock()
    {
        var code = CodeAt(Now);
        var (_, state) = Check(SecondFactorState.New, code);
        for (var i = 1; i < MaxFailures; i++)
        {
            (_, state) = Check(state, code);
        }
        Check(state, code).Result.ShouldBe(SecondFactorResult.LockedOut);
    }

    [Fact]
    public void Given_a_few_wrong_codes_then_the_right_one_Then_the_count_starts_again()
    {
        var state = SecondFactorState.New;
        for (var i = 1; i < MaxFailures; i++)
        {
            (_, state) = Check(state, Wrong(Now));
        }
        (var ok, state) = Check(state, CodeAt(Now));
        ok.ShouldBe(SecondFactorResult.Ok);
        state.Failures.ShouldBe(0);
        Check(state, Wrong(Now)).Result.ShouldBe(SecondFactorResult.Invalid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdef")]
    public void Given_no_code_or_not_a_code_Then_it_is_invalid_and_counted(string? code)
    {
        var (result, state) = Check(SecondFactorState.New, code);
        result.ShouldBe(SecondFactorResult.Invalid);
        state.Failures.ShouldBe(1);
    }
}
