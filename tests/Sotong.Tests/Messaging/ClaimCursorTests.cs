using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Messaging;
using Sotong.Core.Messaging.Delivery;

namespace Sotong.Tests.Messaging;

public sealed class ClaimCursorTests
{
    private static readonly DateTime T = new(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Given_no_claim_yet_Then_the_next_claim_goes_from_the_head()
    {
        new ClaimCursor(new FakeTimeProvider()).After(OutboxPriority.Bulk).ShouldBeNull();
    }

    [Fact]
    public void Given_claims_after_the_position_Then_it_only_moves_on_and_each_priority_keeps_its_own()
    {
        var cursor = new ClaimCursor(new FakeTimeProvider());
        var (a, b, c) = (Guid.Parse("00000001-0000-0000-0000-000000000000"), Guid.Parse("00000002-0000-0000-0000-000000000000"),
            Guid.Parse("00000003-0000-0000-0000-000000000000"));

        cursor.Claimed(OutboxPriority.Bulk, T, b, after: null);
        var started = cursor.After(OutboxPriority.Bulk);
        cursor.Claimed(OutboxPriority.Bulk, T, c, started);
        At(cursor.After(OutboxPriority.Bulk)).ShouldBe((T, c));
        // Two workers' claims can finish out of order: the one that ended earlier does not pull the position back.
        cursor.Claimed(OutboxPriority.Bulk, T, a, started);
        At(cursor.After(OutboxPriority.Bulk)).ShouldBe((T, c));
        cursor.After(OutboxPriority.Emergency).ShouldBeNull();
    }

    [Fact]
    public void Given_a_claim_from_the_head_Then_it_sets_the_position_back_so_rows_left_behind_are_walked_in_order()
    {
        var cursor = new ClaimCursor(new FakeTimeProvider());
        var id = Guid.CreateVersion7();
        cursor.Claimed(OutboxPriority.Bulk, T.AddMinutes(5), id, after: null);

        cursor.Claimed(OutboxPriority.Bulk, T, id, after: null);

        At(cursor.After(OutboxPriority.Bulk)).ShouldBe((T, id));
    }

    [Fact]
    public void Given_a_claim_that_began_before_a_claim_from_the_head_set_the_position_back_Then_it_does_not_move_it_on_again()
    {
        var cursor = new ClaimCursor(new FakeTimeProvider());
        var id = Guid.CreateVersion7();
        cursor.Claimed(OutboxPriority.Bulk, T.AddMinutes(5), id, after: null);
        var late = cursor.After(OutboxPriority.Bulk); // a worker starts a claim after the position
        cursor.Claimed(OutboxPriority.Bulk, T, id, after: null); // another, from the head, finds rows left behind

        cursor.Claimed(OutboxPriority.Bulk, T.AddMinutes(6), id, late);

        At(cursor.After(OutboxPriority.Bulk)).ShouldBe((T, id));
        // Nor does one that began before a reset.
        var beforeReset = cursor.After(OutboxPriority.Bulk);
        cursor.Reset(OutboxPriority.Bulk);
        cursor.Claimed(OutboxPriority.Bulk, T, id, after: null);
        cursor.Claimed(OutboxPriority.Bulk, T.AddMinutes(7), id, beforeReset);
        At(cursor.After(OutboxPriority.Bulk)).ShouldBe((T, id));
    }

    [Fact]
    public void Given_the_last_claim_from_the_head_is_a_second_old_Then_the_next_goes_from_the_head_again()
    {
        var time = new FakeTimeProvider();
        var cursor = new ClaimCursor(time);
        var id = Guid.CreateVersion7();
        cursor.Claimed(OutboxPriority.Bulk, T, id, after: null);
        time.Advance(ClaimCursor.FullScanEvery - TimeSpan.FromMilliseconds(1));
        cursor.Claimed(OutboxPriority.Bulk, T.AddSeconds(1), id, cursor.After(OutboxPriority.Bulk)); // moving on does not renew it

        cursor.After(OutboxPriority.Bulk).ShouldNotBeNull();
        time.Advance(TimeSpan.FromMilliseconds(1));
        cursor.After(OutboxPriority.Bulk).ShouldBeNull();
    }

    [Fact]
    public void Given_a_reset_Then_the_next_claim_goes_from_the_head()
    {
        var cursor = new ClaimCursor(new FakeTimeProvider());
        cursor.Claimed(OutboxPriority.Interactive, T, Guid.CreateVersion7(), after: null);

        cursor.Reset(OutboxPriority.Interactive);

        cursor.After(OutboxPriority.Interactive).ShouldBeNull();
    }

    private static (DateTime, Guid)? At(ClaimPosition? position) => position is null ? null : (position.NotBeforeUtc, position.Id);

    [Theory]
    [InlineData("7fffffff-0000-0000-0000-000000000000", "80000000-0000-0000-0000-000000000000")] // first field unsigned
    [InlineData("00000000-ffff-0000-0000-000000000000", "00000001-0000-0000-0000-000000000000")]
    [InlineData("00000000-0000-0000-00ff-000000000000", "00000000-0000-0000-0100-000000000000")]
    [InlineData("00000000-0000-0000-0000-0000000000ff", "00000000-0000-0000-0000-000000000100")]
    public void Given_two_ids_at_the_same_time_Then_the_order_is_that_of_their_text(string lower, string higher)
    {
        ClaimCursor.IsAfter(T, Guid.Parse(higher), T, Guid.Parse(lower)).ShouldBeTrue();
        ClaimCursor.IsAfter(T, Guid.Parse(lower), T, Guid.Parse(higher)).ShouldBeFalse();
        ClaimCursor.IsAfter(T.AddTicks(10), Guid.Parse(lower), T, Guid.Parse(higher)).ShouldBeTrue(); // time comes first
    }
}
