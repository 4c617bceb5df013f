using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Messaging;

/// <summary>
/// The staged write emergency alerts use on PostgreSQL: the first slice is committed (and sent) before the rest is
/// written, and a second call for the same batch — a fan-out resumed after a crash between the two — adds only what is
/// missing.
/// </summary>
public sealed class OutboxStagedTests(PostgresMessagingApp fixture) : IClassFixture<PostgresMessagingApp>
{
    private readonly SotongApp _app = fixture.App;

    private async Task<List<OutboxMessage>> RowsAsync(Guid batchId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BatchId == batchId).ToListAsync();
    }

    [Fact]
    public async Task Given_a_staged_batch_whose_second_slice_was_lost_Then_a_second_call_adds_only_the_missing_recipients()
    {
        var protector = _app.Service<PersonalDataProtector>();
        var outbox = _app.Service<Outbox>();
        var batchId = Guid.CreateVersion7();
        var recipients = Enumerable.Range(0, 250).Select(i => new OutboxRecipient(protector.Protect($"010771{i:D5}"), $"staged:{batchId:N}:{i}")).ToList();
        var request = new OutboxRequest(OutboxKind.Alert, null, MessagingSettings.ShortNumber, "[중구청] 시험 경보", OutboxPriority.Emergency, BatchId: batchId);

        var batch = await outbox.EnqueueStagedAsync(request, recipients, firstSlice: 40, CancellationToken.None);
        batch.Total.ShouldBe(250);
        var rows = await RowsAsync(batchId);
        rows.Count.ShouldBe(250);
        // The first slice went in first: its rows were written before any of the rest.
        var firstCreated = rows.Where(r => int.Parse(r.IdempotencyKey.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture) < 40).Max(r => r.CreatedAtUtc);
        rows.Where(r => int.Parse(r.IdempotencyKey.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 40).ShouldAllBe(r => r.CreatedAtUtc >= firstCreated);

        await ((IMessagingApp)fixture).Smsc.WaitForCountAsync("submit_sm", 250, e => e.GetProperty("destination_addr").GetString()!.StartsWith("010771", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Given_a_fan_out_that_died_after_the_first_slice_When_it_is_resumed_Then_only_the_missing_recipients_are_added_and_each_is_sent_once()
    {
        var protector = _app.Service<PersonalDataProtector>();
        var outbox = _app.Service<Outbox>();
        var batchId = Guid.CreateVersion7();
        var recipients = Enumerable.Range(0, 250).Select(i => new OutboxRecipient(protector.Protect($"010772{i:D5}"), $"staged:{batchId:N}:{i}")).ToList();
        var request = new OutboxRequest(OutboxKind.Alert, null, MessagingSettings.ShortNumber, "[중구청] 시험 경보", OutboxPriority.Emergency, BatchId: batchId);
        // What a node that died between the two transactions left: the batch and its first slice only.
        await outbox.EnqueueStagedAsync(request, recipients.Take(40).ToList(), firstSlice: 40, CancellationToken.None);
        var before = (await RowsAsync(batchId)).ToDictionary(r => r.IdempotencyKey, r => r.Id);
        before.Count.ShouldBe(40);

        var again = await outbox.EnqueueStagedAsync(request, recipients, firstSlice: 40, CancellationToken.None);
        again.Id.ShouldBe(batchId);
        var after = await RowsAsync(batchId);
        after.Count.ShouldBe(250);
        after.Select(r => r.IdempotencyKey).Distinct().Count().ShouldBe(250);
        // The rows already there were left alone (same ids), whatever the dispatcher had done with them.
        after.Where(r => before.ContainsKey(r.IdempotencyKey)).ShouldAllBe(r => before[r.IdempotencyKey] == r.Id);
        after.Where(r => !before.ContainsKey(r.IdempotencyKey)).ShouldAllBe(r => r.Priority == OutboxPriority.Emergency);

        // Everyone reaches the SMSC exactly once.
        var phones = Enumerable.Range(0, 250).Select(i => $"010772{i:D5}").ToHashSet();
        await ((IMessagingApp)fixture).Smsc.WaitForCountAsync("submit_sm", 250, e => phones.Contains(e.GetProperty("destination_addr").GetString()!), TimeSpan.FromSeconds(30));
        ((IMessagingApp)fixture).Smsc.Events("submit_sm").Where(e => phones.Contains(e.GetProperty("destination_addr").GetString()!))
            .GroupBy(e => e.GetProperty("destination_addr").GetString()).ShouldAllBe(g => g.Count() == 1);
    }
}
