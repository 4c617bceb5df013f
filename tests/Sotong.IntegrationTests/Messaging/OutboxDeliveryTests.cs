using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Messaging;

public sealed class SqliteOutboxDeliveryTests(SqliteMessagingApp app) : OutboxDeliveryTests<SqliteMessagingApp>(app);

public sealed class PostgresOutboxDeliveryTests(PostgresMessagingApp app) : OutboxDeliveryTests<PostgresMessagingApp>(app);

/// <summary>
/// The delivery engine against the npm smpp SMSC over real SMPP: every outbox row reaches the SMSC once, throttling is
/// ridden out, refusals are recorded with their status, receipts are matched, emergencies overtake bulk traffic, and
/// an SMSC that drops the link or goes away only delays the send.
/// </summary>
public abstract class OutboxDeliveryTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : class, IMessagingApp
{
    private SotongApp App => fixture.App;

    private static string Prefix() => Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<JsonElement> SubmitsTo(IReadOnlyCollection<string> phones) =>
        [.. fixture.Smsc.Events("submit_sm").Where(e => e.TryGetProperty("message_id", out _) && phones.Contains(e.GetProperty("destination_addr").GetString()!))];

    [Fact]
    public async Task Given_a_batch_Then_each_recipient_gets_it_once_from_the_registered_number_and_receipts_mark_it_delivered()
    {
        await fixture.Smsc.SendAsync(new { cmd = "auto_receipt", on = true, stat = "DELIVRD" });
        try
        {
            var (batch, phones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 300, "[중구청] 구정소식: 토요일 건강검진 안내");
            var done = await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Delivered == 300);
            done.Submitted.ShouldBe(300);
            done.Failed.ShouldBe(0);
            done.FirstSubmittedAtUtc.ShouldNotBeNull();

            var submits = SubmitsTo(phones);
            submits.Select(e => e.GetProperty("destination_addr").GetString()).ShouldBe(phones, ignoreOrder: true);
            submits.ShouldAllBe(e => e.GetProperty("source_addr").GetString() == MessagingSettings.ShortNumber && e.GetProperty("data_coding").GetInt32() == 8
                && e.GetProperty("registered_delivery").GetInt32() == 1);
            var rows = await OutboxTestKit.RowsAsync(App, batch.Id);
            rows.ShouldAllBe(r => r.State == OutboxState.Delivered && r.SmscMessageId != null && r.Parts == 1 && r.Attempts == 1);
            // Each row carries the id the SMSC gave its own submit_sm.
            rows.Select(r => r.SmscMessageId).ShouldBe(submits.Select(e => e.GetProperty("message_id").GetString()), ignoreOrder: true);
        }
        finally
        {
            await fixture.Smsc.SendAsync(new { cmd = "auto_receipt", on = false });
        }
    }

    [Fact]
    public async Task Given_throttling_and_a_full_queue_Then_the_messages_are_resubmitted_and_none_is_lost()
    {
        await fixture.Smsc.SendAsync(new { cmd = "reject_submits", status = 0x58, count = 6 });
        await fixture.Smsc.SendAsync(new { cmd = "reject_submits", status = 0x14, count = 3 });
        var (batch, phones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 40, "혹한 대비 안내");
        var done = await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted == 40);
        done.Failed.ShouldBe(0);
        var accepted = SubmitsTo(phones);
        accepted.Select(e => e.GetProperty("destination_addr").GetString()).Distinct().Count().ShouldBe(40);
        accepted.Count.ShouldBe(40); // a refused submit is not a delivery: nothing was sent twice
        fixture.Smsc.Events("submit_sm").Count(e => e.TryGetProperty("command_status", out var s) && s.GetInt32() is 0x58 or 0x14
            && phones.Contains(e.GetProperty("destination_addr").GetString()!)).ShouldBe(9);
    }

    [Fact]
    public async Task Given_a_permanent_refusal_Then_that_row_fails_with_its_status_and_the_rest_go()
    {
        await fixture.Smsc.SendAsync(new { cmd = "reject_submits", status = 0x0B, count = 1 });
        var (refused, _) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 1, "잘못된 번호");
        var failed = await OutboxTestKit.WaitForAsync(App, refused.Id, b => b.Failed == 1);
        var (batch, _) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 20, "정상 번호");
        await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted == 20);
        failed.Submitted.ShouldBe(0);
        var row = (await OutboxTestKit.RowsAsync(App, refused.Id)).Single();
        row.State.ShouldBe(OutboxState.Failed);
        row.ErrorCode.ShouldBe(0x0B);
        row.Error!.ShouldContain("ESME_RINVDSTADR");
        row.CompletedAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task Given_an_undeliverable_receipt_Then_the_row_and_the_batch_say_undelivered()
    {
        var (batch, phones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 1, "수신 확인");
        await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted == 1);
        var messageId = SubmitsTo(phones).Single().GetProperty("message_id").GetString();
        await fixture.Smsc.SendAsync(new { cmd = "receipt", message_id = messageId, from = phones[0], to = MessagingSettings.ShortNumber, stat = "UNDELIV", err = "001" });
        var done = await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Undelivered == 1);
        done.Delivered.ShouldBe(0);
        var row = (await OutboxTestKit.RowsAsync(App, batch.Id)).Single();
        row.State.ShouldBe(OutboxState.Undelivered);
        row.Error!.ShouldContain("UNDELIV");
    }

    [Fact]
    public async Task Given_an_unregistered_sender_Then_nothing_is_queued_and_rows_that_name_one_fail_without_being_sent()
    {
        var refused = await Should.ThrowAsync<RuleViolationException>(() => OutboxTestKit.EnqueueAsync(App, Prefix(), 3, "광고", sender: "0212345678"));
        refused.Rule.ShouldBe("sender-not-registered");

        var admin = await App.SignedInAsync("admin@sotong.example");
        (await admin.PostAsJsonAsync("/api/v1/messaging/sender-numbers", new { number = "02-1234-5678", label = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/messaging/sender-numbers", new { number = "02-1234-5678", label = "구청 대표번호" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/messaging/sender-numbers");
        list!.ShouldContain(s => s.GetProperty("number").GetString() == "0212345678" && s.GetProperty("isActive").GetBoolean());
        (await (await App.SignedInAsync("comms@sotong.example")).GetAsync("/api/v1/messaging/sender-numbers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.DeleteAsync("/api/v1/messaging/sender-numbers/0212345678")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Should.ThrowAsync<RuleViolationException>(() => OutboxTestKit.EnqueueAsync(App, Prefix(), 1, "다시", sender: "0212345678"));

        // A row that got into the outbox some other way (written before its number was withdrawn) is failed, not sent.
        var phone = $"010{Prefix()}7777";
        var batchId = Guid.CreateVersion7();
        await using (var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            db.Add(new OutboxBatch { Id = batchId, Sender = "0212345678", Text = "철회된 번호", Total = 1, Priority = OutboxPriority.Bulk });
            db.Add(new OutboxMessage { BatchId = batchId, IdempotencyKey = $"test:{batchId:N}", ProtectedRecipient = App.Service<PersonalDataProtector>().Protect(phone), Priority = OutboxPriority.Bulk });
            await db.SaveChangesAsync();
        }
        var failed = await OutboxTestKit.WaitForAsync(App, batchId, b => b.Failed == 1);
        failed.Submitted.ShouldBe(0);
        (await OutboxTestKit.RowsAsync(App, batchId)).Single().Error!.ShouldContain("not registered");
        SubmitsTo([phone]).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_bulk_traffic_in_progress_Then_an_emergency_message_is_sent_ahead_of_it()
    {
        await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 25 });
        try
        {
            var (bulk, bulkPhones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 2000, "대량 안내");
            await OutboxTestKit.WaitForAsync(App, bulk.Id, b => b.Submitted >= 100);
            var (alert, alertPhones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 3, "[긴급] 대피하십시오", OutboxPriority.Emergency);
            await OutboxTestKit.WaitForAsync(App, alert.Id, b => b.Submitted == 3);
            var bulkSoFar = (await OutboxTestKit.BatchAsync(App, bulk.Id)).Submitted;
            bulkSoFar.ShouldBeLessThan(2000, "the emergency waited for the whole bulk batch");
            await OutboxTestKit.WaitForAsync(App, bulk.Id, b => b.Submitted == 2000, TimeSpan.FromSeconds(60));
            // In the SMSC's own order, the alert came before most of the bulk.
            var order = fixture.Smsc.Events("submit_sm").Where(e => e.TryGetProperty("message_id", out _)).Select(e => e.GetProperty("destination_addr").GetString()!).ToList();
            var lastAlert = order.FindLastIndex(alertPhones.Contains);
            var lastBulk = order.FindLastIndex(bulkPhones.Contains);
            lastAlert.ShouldBeLessThan(lastBulk);
            order.Count(p => bulkPhones.Contains(p)).ShouldBe(2000);
        }
        finally
        {
            await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 0 });
        }
    }

    [Fact]
    public async Task Given_the_SMSC_drops_the_link_and_then_goes_away_Then_the_send_pauses_resumes_and_loses_nothing()
    {
        await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 5 });
        try
        {
            var (batch, phones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 1500, "단수 예정 안내");
            await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted >= 200);
            await fixture.Smsc.SendAsync(new { cmd = "drop" });
            await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted >= 600);
            // The outage: the SMSC goes away for 30 s.
            await fixture.Smsc.SendAsync(new { cmd = "pause", ms = 30_000 });
            var during = (await OutboxTestKit.BatchAsync(App, batch.Id)).Submitted;
            await Task.Delay(5_000);
            var away = await OutboxTestKit.BatchAsync(App, batch.Id);
            away.Submitted.ShouldBeLessThanOrEqualTo(during + 200, "nothing can be accepted while the SMSC is away");
            away.Failed.ShouldBe(0, "an SMSC that is away fails nothing");
            var done = await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted == 1500, TimeSpan.FromSeconds(90));
            done.Failed.ShouldBe(0);
            var accepted = SubmitsTo(phones).Select(e => e.GetProperty("destination_addr").GetString()!).ToList();
            accepted.Distinct().Count().ShouldBe(1500);
            // What was in flight when the link went may go twice, never more than the in-flight window (2 workers × 100).
            (accepted.Count - 1500).ShouldBeLessThanOrEqualTo(200);
        }
        finally
        {
            await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 0 });
        }
    }

    [Fact]
    public async Task Given_a_batch_due_before_rows_already_claimed_Then_it_is_sent_while_the_send_ahead_of_it_goes_on()
    {
        // On PostgreSQL each claim starts after where the last ones ended. Rows that sort before that point are left
        // behind: here a batch whose not-before time is an hour ago, as with a batch that committed late. They must be
        // found by the next claim from the head, at most a second later, not once the whole send ahead has gone.
        await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 100 }); // 2 binds × window 20: about 400 a second
        try
        {
            var (ahead, aheadPhones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 2000, "대설 대비 제설 안내");
            await OutboxTestKit.WaitForAsync(App, ahead.Id, b => b.Submitted >= 200);
            var past = App.Service<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-1);
            var (behind, behindPhones) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 10, "늦게 확정된 안내", notBeforeUtc: past);

            await OutboxTestKit.WaitForAsync(App, behind.Id, b => b.Submitted == 10);
            // About 800 have gone by now. Without the claims from the head, the batch behind would be found only once the
            // last chunks of the send ahead were claimed: 1,800 and more.
            (await OutboxTestKit.BatchAsync(App, ahead.Id)).Submitted.ShouldBeLessThan(1500, "the batch behind waited for the send ahead of it");
            await OutboxTestKit.WaitForAsync(App, ahead.Id, b => b.Submitted == 2000, TimeSpan.FromSeconds(60));
            SubmitsTo(behindPhones).Count.ShouldBe(10);
            SubmitsTo(aheadPhones).Count.ShouldBe(2000);
        }
        finally
        {
            await fixture.Smsc.SendAsync(new { cmd = "submit_delay", ms = 0 });
        }
    }

    [Fact]
    public async Task Given_a_batch_id_already_written_Then_enqueueing_again_adds_nothing()
    {
        var (batch, _) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 5, "중복 방지");
        var again = await App.Service<Outbox>().EnqueueAsync(new OutboxRequest(OutboxKind.Notice, null, MessagingSettings.ShortNumber, "중복 방지", OutboxPriority.Bulk, BatchId: batch.Id),
            [new OutboxRecipient("x", "other-key")], CancellationToken.None);
        again.Total.ShouldBe(5);
        (await OutboxTestKit.RowsAsync(App, batch.Id)).Count.ShouldBe(5);
        var staff = await App.SignedInAsync("comms@sotong.example");
        var progress = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/messaging/batches/{batch.Id}");
        progress.GetProperty("total").GetInt32().ShouldBe(5);
        (await staff.GetAsync($"/api/v1/messaging/batches/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_the_same_key_twice_Then_send_one_writes_and_sends_one_message()
    {
        var phone = $"010{Prefix()}5555";
        var key = $"code:{Guid.NewGuid():N}";
        var outbox = App.Service<Outbox>();
        var first = await outbox.SendOneAsync(OutboxKind.Verification, null, MessagingSettings.ShortNumber, phone, "인증번호 123456", key, OutboxPriority.Interactive, CancellationToken.None);
        var second = await outbox.SendOneAsync(OutboxKind.Verification, null, MessagingSettings.ShortNumber, phone, "인증번호 123456", key, OutboxPriority.Interactive, CancellationToken.None);
        second.Id.ShouldBe(first.Id);
        await OutboxTestKit.WaitForAsync(App, first.Id, b => b.Submitted == 1);
        (await OutboxTestKit.RowsAsync(App, first.Id)).Count.ShouldBe(1);
        SubmitsTo([phone]).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_messages_finished_past_the_retention_period_Then_their_numbers_are_deleted_and_the_batch_totals_stay()
    {
        var (batch, _) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 4, "보존기간");
        await OutboxTestKit.WaitForAsync(App, batch.Id, b => b.Submitted == 4);
        var (held, _) = await OutboxTestKit.EnqueueAsync(App, Prefix(), 2, "대기 중");
        await using (var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var longAgo = App.Service<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-91);
            await db.Set<OutboxMessage>().Where(m => m.BatchId == batch.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SubmittedAtUtc, longAgo));
            // Queued rows are never purged, however old.
            await db.Set<OutboxMessage>().Where(m => m.BatchId == held.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.CreatedAtUtc, longAgo).SetProperty(m => m.NotBeforeUtc, longAgo.AddDays(365)));
        }
        (await App.Service<Sotong.Core.Messaging.Delivery.OutboxRetention>().PurgeAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(4);
        (await OutboxTestKit.RowsAsync(App, batch.Id)).ShouldBeEmpty();
        (await OutboxTestKit.RowsAsync(App, held.Id)).Count.ShouldBe(2);
        (await OutboxTestKit.BatchAsync(App, batch.Id)).Submitted.ShouldBe(4);
    }
}
