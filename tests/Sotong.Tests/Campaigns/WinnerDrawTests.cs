using System.Security.Cryptography;
using System.Text;
using Sotong.Core.Campaigns;
using Sotong.Core.Campaigns.Participation;

namespace Sotong.Tests.Campaigns;

public class WinnerDrawTests
{
    private static readonly byte[] Seed = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static IReadOnlyList<Guid> Entries(int count) =>
        WinnerDraw.Canonical(Enumerable.Range(1, count).Select(i => new Guid($"00000000-0000-7000-8000-{i:000000000000}")));

    [Fact]
    public void Given_the_same_seed_and_entries_Then_the_same_winners_in_the_same_order()
    {
        var entries = Entries(50);
        var first = WinnerDraw.Winners(Seed, entries, 5);
        first.Count.ShouldBe(5);
        first.Distinct().Count().ShouldBe(5);
        WinnerDraw.Winners(Seed, entries, 5).ShouldBe(first);
        // The order rows came in does not matter: the list is put in its fixed order first.
        WinnerDraw.Winners(Seed, WinnerDraw.Canonical(entries.Reverse()), 5).ShouldBe(first);
    }

    [Fact]
    public void Given_the_documented_function_Then_the_winners_are_the_lowest_hmac_ranks()
    {
        var entries = Entries(20);
        var expected = entries
            .Select(id => (id, rank: Convert.ToHexStringLower(HMACSHA256.HashData(Seed, Encoding.UTF8.GetBytes(id.ToString("N"))))))
            .OrderBy(x => x.rank, StringComparer.Ordinal).Take(3).Select(x => x.id).ToList();
        WinnerDraw.Winners(Seed, entries, 3).ShouldBe(expected);
    }

    [Fact]
    public void Given_another_seed_Then_the_winners_change()
    {
        var entries = Entries(200);
        var other = (byte[])Seed.Clone();
        other[0] ^= 1;
        WinnerDraw.Winners(other, entries, 5).ShouldNotBe(WinnerDraw.Winners(Seed, entries, 5));
    }

    [Fact]
    public void Given_one_entry_changed_Then_the_list_hash_changes()
    {
        var entries = Entries(30).ToList();
        var hash = WinnerDraw.ListHash(entries);
        var changed = entries.ToList();
        changed[7] = Guid.CreateVersion7();
        WinnerDraw.ListHash(WinnerDraw.Canonical(changed)).ShouldNotBe(hash);
        WinnerDraw.ListHash(WinnerDraw.Canonical(entries)).ShouldBe(hash);
        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', entries.Select(e => e.ToString("N")))))));
    }

    [Fact]
    public void Given_more_winners_than_entries_Then_every_entry_wins_once()
    {
        var entries = Entries(3);
        WinnerDraw.Winners(Seed, entries, 10).ShouldBe(entries, ignoreOrder: true);
    }

    [Fact]
    public void Given_the_list_text_Then_it_parses_back_to_the_same_list() =>
        WinnerDraw.ParseList(WinnerDraw.ListText(Entries(12))).ShouldBe(Entries(12));

    private static CampaignDraw Recorded(IReadOnlyList<Guid> eligible, byte[] seed, int winners) => new()
    {
        CampaignId = Guid.NewGuid(),
        Seed = Convert.ToHexStringLower(seed),
        WinnerCount = winners,
        EligibleCount = eligible.Count,
        EligibleIds = WinnerDraw.ListText(eligible),
        EligibleHash = WinnerDraw.ListHash(eligible),
        WinnerIds = string.Join('\n', WinnerDraw.Winners(seed, eligible, winners).Select(w => w.ToString("N"))),
        DrawnById = "officer",
        DrawnByName = "김담당",
    };

    [Fact]
    public void Given_a_recorded_draw_and_the_same_entries_Then_the_recheck_matches()
    {
        var eligible = Entries(40);
        var check = DrawWinnersHandler.Check(Recorded(eligible, WinnerDraw.NewSeed(), 4), eligible.Reverse().ToList());
        check.Matches.ShouldBeTrue();
        check.CurrentHash.ShouldBe(check.RecordedHash);
    }

    [Fact]
    public void Given_an_entry_added_after_the_draw_Then_the_recheck_says_the_entries_changed()
    {
        var eligible = Entries(40);
        var check = DrawWinnersHandler.Check(Recorded(eligible, Seed, 4), [.. eligible, Guid.CreateVersion7()]);
        check.WinnersMatch.ShouldBeTrue();
        check.ListIntact.ShouldBeTrue();
        check.EntriesUnchanged.ShouldBeFalse();
        check.Matches.ShouldBeFalse();
        check.CurrentCount.ShouldBe(41);
    }

    [Fact]
    public void Given_a_tampered_seed_or_list_Then_the_recheck_fails()
    {
        var eligible = Entries(40);
        var draw = Recorded(eligible, Seed, 4);
        var otherSeed = (byte[])Seed.Clone();
        otherSeed[31] ^= 0x80;
        var reseeded = Recorded(eligible, Seed, 4);
        reseeded.Seed = Convert.ToHexStringLower(otherSeed);
        DrawWinnersHandler.Check(reseeded, eligible).WinnersMatch.ShouldBeFalse();

        var edited = Recorded(eligible, Seed, 4);
        edited.EligibleIds = WinnerDraw.ListText(WinnerDraw.Canonical(eligible.Skip(1)));
        var check = DrawWinnersHandler.Check(edited, eligible);
        check.ListIntact.ShouldBeFalse();
        DrawWinnersHandler.Check(draw, eligible).Matches.ShouldBeTrue();
    }

    [Fact]
    public void Given_new_seeds_Then_they_are_256_random_bits() =>
        Convert.ToHexStringLower(WinnerDraw.NewSeed()).ShouldNotBe(Convert.ToHexStringLower(WinnerDraw.NewSeed()));
}
