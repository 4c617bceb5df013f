using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;

namespace Sotong.IntegrationTests.Messaging;

public sealed class SqliteOutboxStagedTests(SqliteMessagingApp app) : OutboxStagedTests<SqliteMessagingApp>(app);

public sealed class PostgresOutboxStagedTests(PostgresMessagingApp app) : OutboxStagedTests<PostgresMessagingApp>(app)
{
    [Fact]
    public async Task Given_a_fan_out_that_died_after_the_first_slice_When_it_is_resumed_Then_only_the_missing_recipients_are_added_and_each_is_sent_once()
    {
        var (dong, phones) = await SubscribersAsync(250);
        var request = Request(Guid.CreateVersion7());
        var firstForty = (await RowsOfSubscribersAsync(dong)).Take(40).ToList();
        // What a node that died between the two transactions left: the batch and its first slice only.
        var partial = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong).Where(s => firstForty.Contains(s.SubscriberId)), Prefix(request), 40, CancellationToken.None);
        partial.Total.ShouldBe(40);
        var before = (await RowsAsync(request.BatchId!.Value)).ToDictionary(r => r.IdempotencyKey, r => r.Id);
        before.Count.ShouldBe(40);

        var again = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong), Prefix(request), 40, CancellationToken.None);
        again.Id.ShouldBe(request.BatchId!.Value);
        again.Total.ShouldBe(250);
        var after = await RowsAsync(request.BatchId!.Value);
        after.Count.ShouldBe(250);
        after.Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(250);
        // The rows already there were left alone (same ids), whatever the dispatcher had done with them.
        after.Where(r => before.ContainsKey(r.IdempotencyKey)).ShouldAllBe(r => before[r.IdempotencyKey] == r.Id);
        after.ShouldAllBe(r => r.Priority == OutboxPriority.Emergency);

        // Everyone reaches the SMSC exactly once.
        var smsc = ((IMessagingApp)Fixture).Smsc;
        await smsc.WaitForCountAsync("submit_sm", 250, e => phones.Contains(e.GetProperty("destination_addr").GetString()!), TimeSpan.FromSeconds(30));
        smsc.Events("submit_sm").Where(e => phones.Contains(e.GetProperty("destination_addr").GetString()!))
            .GroupBy(e => e.GetProperty("destination_addr").GetString()).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task Given_a_large_audience_Then_the_first_slice_is_the_lowest_subscriber_ids_and_is_claimed_before_the_rest()
    {
        var (dong, _) = await SubscribersAsync(120);
        // Held a day ahead so the dispatcher leaves the rows as written.
        var tomorrow = Fixture.App.Service<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(1);
        var request = Request(Guid.CreateVersion7()) with { NotBeforeUtc = tomorrow };

        var batch = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong), Prefix(request), 40, CancellationToken.None);

        batch.Total.ShouldBe(120);
        // The order the dispatcher claims in: NotBeforeUtc, then id.
        var claimed = (await RowsAsync(batch.Id)).OrderBy(m => m.NotBeforeUtc).ThenBy(m => m.Id, Comparer<Guid>.Create(PostgresOrder)).Select(m => m.SubscriberId!.Value).ToList();
        var lowest = (await RowsOfSubscribersAsync(dong)).Order(Comparer<Guid>.Create(PostgresOrder)).Take(40).ToHashSet();
        claimed.Take(40).ToHashSet().SetEquals(lowest).ShouldBeTrue();
    }

    [Fact]
    public async Task Idempotency_keys_compare_byte_by_byte_whatever_the_database_collation()
    {
        await using var db = await Fixture.App.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();

        var collations = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name || '.' || collation_name AS \"Value\" FROM information_schema.columns WHERE column_name = 'IdempotencyKey' ORDER BY table_name").ToListAsync();

        collations.ShouldBe(["inbox_outbound_reply.C", "messaging_outbox.C"]);
    }

    /// <summary>PostgreSQL orders uuids by their bytes as written (big-endian), unlike <see cref="Guid.CompareTo(Guid)"/>.</summary>
    private static int PostgresOrder(Guid a, Guid b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true));
}

/// <summary>
/// The write emergency alerts use: the audience a query selects goes into the outbox (on PostgreSQL by the database
/// itself, the first slice committed and sent before the rest is written), each subscriber keyed once; a second call
/// for the same batch — a fan-out resumed after a crash — adds only what is missing.
/// </summary>
public abstract class OutboxStagedTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : class, IMessagingApp
{
    private static int _dongs;

    protected TApp Fixture { get; } = fixture;

    protected Outbox Outbox => Fixture.App.Service<Outbox>();

    protected static OutboxRequest Request(Guid batchId) =>
        new(OutboxKind.Alert, null, MessagingSettings.ShortNumber, "[중구청] 시험 경보", OutboxPriority.Emergency, BatchId: batchId);

    protected static string Prefix(OutboxRequest request) => $"t:{request.BatchId:N}:";

    protected static IQueryable<OutboxSource> Select(SotongDbContext db, string dong) =>
        db.Set<Subscriber>().Where(s => s.DongCode == dong && s.Status == SubscriberStatus.Active)
            .Select(s => new OutboxSource { SubscriberId = s.Id, ProtectedRecipient = s.ProtectedPhone });

    /// <summary>Active subscribers in a dong of their own (and one withdrawn one, whom no selection here may reach).</summary>
    protected async Task<(string Dong, HashSet<string> Phones)> SubscribersAsync(int count)
    {
        var dong = $"T{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _dongs):D4}{typeof(TApp).Name[..1]}";
        var protector = Fixture.App.Service<PersonalDataProtector>();
        var now = Fixture.App.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        var phones = new HashSet<string>();
        await using var db = await Fixture.App.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        for (var i = 0; i <= count; i++)
        {
            var phone = $"0107{Random.Shared.Next(0, 10_000_000):D7}";
            if (!phones.Add(phone))
            {
                i--;
                continue;
            }
            db.Add(new Subscriber
            {
                ProtectedPhone = protector.Protect(phone), PhoneHash = $"{dong}-{i}", PhoneLast4 = phone[^4..], DongCode = dong, BirthYear = 1980,
                Status = i == count ? SubscriberStatus.Withdrawn : SubscriberStatus.Active, ConsentNoticeVersion = 1, ConsentedAtUtc = now, CreatedAtUtc = now, ExpiresAtUtc = now.AddYears(1),
            });
            if (i == count)
            {
                phones.Remove(phone);
            }
        }
        await db.SaveChangesAsync();
        return (dong, phones);
    }

    protected async Task<List<Guid>> RowsOfSubscribersAsync(string dong)
    {
        await using var db = await Fixture.App.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<Subscriber>().Where(s => s.DongCode == dong && s.Status == SubscriberStatus.Active).Select(s => s.Id).ToListAsync();
    }

    protected async Task<List<OutboxMessage>> RowsAsync(Guid batchId)
    {
        await using var db = await Fixture.App.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BatchId == batchId).ToListAsync();
    }

    [Fact]
    public async Task Given_an_audience_selected_by_a_query_Then_each_subscriber_is_written_once_with_their_number_and_reaches_the_SMSC()
    {
        var (dong, phones) = await SubscribersAsync(250);
        var request = Request(Guid.CreateVersion7());

        var batch = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong), Prefix(request), 40, CancellationToken.None);

        batch.Total.ShouldBe(250);
        var rows = await RowsAsync(batch.Id);
        rows.Count.ShouldBe(250);
        var protector = Fixture.App.Service<PersonalDataProtector>();
        rows.Select(r => protector.Unprotect(r.ProtectedRecipient)).ToHashSet().SetEquals(phones).ShouldBeTrue();
        rows.ShouldAllBe(r => r.IdempotencyKey == Prefix(request) + r.SubscriberId!.Value.ToString());
        rows.Select(r => r.SubscriberId).ToHashSet().SetEquals((await RowsOfSubscribersAsync(dong)).Cast<Guid?>()).ShouldBeTrue();
        rows.ShouldAllBe(r => r.Id.Version == 7);

        await Fixture.Smsc.WaitForCountAsync("submit_sm", 250, e => phones.Contains(e.GetProperty("destination_addr").GetString()!), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Given_a_batch_already_written_When_it_is_written_again_Then_nothing_is_added()
    {
        var (dong, _) = await SubscribersAsync(30);
        var request = Request(Guid.CreateVersion7());
        var first = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong), Prefix(request), 10, CancellationToken.None);

        var second = await Outbox.EnqueueSelectedAsync(request, db => Select(db, dong), Prefix(request), 10, CancellationToken.None);

        second.Id.ShouldBe(first.Id);
        second.Total.ShouldBe(30);
        (await RowsAsync(first.Id)).Count.ShouldBe(30);
    }
}
