using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Subscribers;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Subscribers;

public sealed class SqliteSegmentQueryTests(SqliteApp app) : SegmentQueryTests<SqliteApp>(app);

public sealed class PostgresSegmentQueryTests(PostgresApp app) : SegmentQueryTests<PostgresApp>(app);

/// <summary>
/// <see cref="SubscriberSegment.Apply"/> translated to SQL on each provider: subscribers with known attributes are
/// seeded in dongs of their own, and each segment's count is checked against the number worked out by hand; then
/// every segment is also run over the whole table (demo subscribers included) and compared with the same filter in memory.
/// </summary>
public abstract class SegmentQueryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SotongApp
{
    private const int Year = 2026;
    private const int Welfare = 1 << 0, Health = 1 << 1, Culture = 1 << 3, Transport = 1 << 5, News = 1 << 8;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string A, string B)? _dongs;

    /// <summary>Twelve people in two fresh dongs (A and B), plus a withdrawn and a pending one who never count.</summary>
    private async Task<(string A, string B)> SeedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_dongs is { } seeded)
            {
                return seeded;
            }
            var tag = Guid.NewGuid().ToString("N")[..8];
            var (a, b) = ($"seg-a-{tag}", $"seg-b-{tag}");
            var people = new (SubscriberGender Gender, int Age, string Dong, int Interests, SubscriberStatus Status)[]
            {
                (SubscriberGender.Female, 14, a, Welfare, SubscriberStatus.Active),
                (SubscriberGender.Female, 19, a, Welfare | Health, SubscriberStatus.Active),
                (SubscriberGender.Female, 20, a, Culture, SubscriberStatus.Active),
                (SubscriberGender.Male, 29, a, Welfare | Transport, SubscriberStatus.Active),
                (SubscriberGender.Male, 30, a, Transport, SubscriberStatus.Active),
                (SubscriberGender.Unspecified, 45, a, News, SubscriberStatus.Active),
                (SubscriberGender.Female, 64, b, Welfare | Health | News, SubscriberStatus.Active),
                (SubscriberGender.Male, 65, b, Health, SubscriberStatus.Active),
                (SubscriberGender.Male, 80, b, Welfare | Health, SubscriberStatus.Active),
                (SubscriberGender.Female, 91, b, Culture | News, SubscriberStatus.Active),
                (SubscriberGender.Female, 40, b, Welfare | Transport | Culture, SubscriberStatus.Active),
                (SubscriberGender.Male, 50, b, Welfare | Health | Transport, SubscriberStatus.Active),
                (SubscriberGender.Female, 30, a, Welfare | Health | Culture | Transport | News, SubscriberStatus.Withdrawn),
                (SubscriberGender.Male, 30, b, Welfare | Health | Culture | Transport | News, SubscriberStatus.Pending),
            };
            await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
            var n = 0;
            foreach (var p in people)
            {
                n++;
                db.Add(new Subscriber
                {
                    ProtectedPhone = "x", PhoneHash = $"{tag}-{n}", PhoneLast4 = "0000", Gender = p.Gender, BirthYear = Year - p.Age, DongCode = p.Dong,
                    Interests = p.Interests, Status = p.Status, ConsentNoticeVersion = 1, ExpiresAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddYears(1),
                });
            }
            await db.SaveChangesAsync();
            _dongs = (a, b);
            return (a, b);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> CountAsync(SubscriberSegment segment)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await segment.Apply(db.Set<Subscriber>(), Year).CountAsync();
    }

    private static SubscriberSegment In((string A, string B) d, SubscriberSegment s, bool onlyA = false, bool onlyB = false) =>
        s with { DongCodes = onlyA ? [d.A] : onlyB ? [d.B] : [d.A, d.B] };

    public static TheoryData<string, SubscriberSegment, int> Segments => new()
    {
        { "everyone active", new SubscriberSegment(), 12 },
        { "any of welfare", new SubscriberSegment(Welfare), 7 },
        { "any of welfare, health", new SubscriberSegment(Welfare | Health), 8 },
        { "all of welfare, health", new SubscriberSegment(Welfare | Health, InterestMatch.All), 4 },
        { "all of welfare, health, transport", new SubscriberSegment(Welfare | Health | Transport, InterestMatch.All), 1 },
        { "all of one interest is any of it", new SubscriberSegment(News, InterestMatch.All), 3 },
        { "women", new SubscriberSegment(Genders: [SubscriberGender.Female]), 6 },
        { "women and men", new SubscriberSegment(Genders: [SubscriberGender.Female, SubscriberGender.Male]), 11 },
        { "unspecified", new SubscriberSegment(Genders: [SubscriberGender.Unspecified]), 1 },
        { "teenagers 14-19", new SubscriberSegment(AgeBands: [new AgeBand(14, 19)]), 2 },
        { "20s", new SubscriberSegment(AgeBands: [new AgeBand(20, 29)]), 2 },
        { "65 and over (open-ended)", new SubscriberSegment(AgeBands: [new AgeBand(65, null)]), 3 },
        { "up to 19 (open-ended)", new SubscriberSegment(AgeBands: [new AgeBand(null, 19)]), 2 },
        { "two bands: 14-19 and 60+", new SubscriberSegment(AgeBands: [new AgeBand(14, 19), new AgeBand(60, null)]), 6 },
        { "overlapping bands count once", new SubscriberSegment(AgeBands: [new AgeBand(20, 40), new AgeBand(30, 50)]), 6 },
        { "an empty band", new SubscriberSegment(AgeBands: [new AgeBand(100, null)]), 0 },
        { "women over 60 in welfare", new SubscriberSegment(Welfare, Genders: [SubscriberGender.Female], AgeBands: [new AgeBand(60, null)]), 1 },
        { "men in health or transport, 30-69", new SubscriberSegment(Health | Transport, Genders: [SubscriberGender.Male], AgeBands: [new AgeBand(30, 69)]), 3 },
        { "welfare and health, 20-29 or 75+", new SubscriberSegment(Welfare | Health, InterestMatch.All, AgeBands: [new AgeBand(20, 29), new AgeBand(75, null)]), 1 },
    };

    [Theory]
    [MemberData(nameof(Segments))]
    public async Task Given_known_subscribers_Then_each_segment_counts_exactly_the_active_ones_it_describes(string name, SubscriberSegment segment, int expected)
    {
        var dongs = await SeedAsync();
        (await CountAsync(In(dongs, segment))).ShouldBe(expected, name);
    }

    [Fact]
    public async Task Given_dong_filters_Then_one_dong_or_both_are_counted()
    {
        var dongs = await SeedAsync();
        (await CountAsync(In(dongs, new SubscriberSegment(), onlyA: true))).ShouldBe(6);
        (await CountAsync(In(dongs, new SubscriberSegment(), onlyB: true))).ShouldBe(6);
        (await CountAsync(In(dongs, new SubscriberSegment(Welfare, Genders: [SubscriberGender.Female]), onlyB: true))).ShouldBe(2);
        (await CountAsync(new SubscriberSegment(DongCodes: ["no-such-dong"]))).ShouldBe(0);
        // A dong named twice is still one dong.
        (await CountAsync(new SubscriberSegment(DongCodes: [dongs.A, dongs.A]))).ShouldBe(6);
    }

    [Fact]
    public async Task Given_the_whole_registry_Then_sql_and_the_same_filter_in_memory_agree_for_every_segment()
    {
        await SeedAsync();
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var everyone = await db.Set<Subscriber>().AsNoTracking().ToListAsync();
        everyone.Count.ShouldBeGreaterThan(250); // the demo registry is there too
        foreach (var row in Segments)
        {
            var segment = (SubscriberSegment)row[1];
            var sql = await segment.Apply(db.Set<Subscriber>(), Year).CountAsync();
            var memory = segment.Apply(everyone.AsQueryable(), Year).Count();
            sql.ShouldBe(memory, (string)row[0]);
        }
        var busy = new SubscriberSegment(Welfare | Transport, InterestMatch.Any, [SubscriberGender.Male], [new AgeBand(null, 29), new AgeBand(50, 59), new AgeBand(70, null)], ["myeong", "sindang", "jungnim"]);
        (await busy.Apply(db.Set<Subscriber>(), Year).CountAsync()).ShouldBe(busy.Apply(everyone.AsQueryable(), Year).Count());
    }
}
