using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.IntegrationTests.Infrastructure;
using Sotong.IntegrationTests.Smpp;

namespace Sotong.IntegrationTests.Messaging;

/// <summary>An app bound to the npm smpp SMSC with two binds and small chunks, so a few hundred messages exercise the engine.</summary>
public interface IMessagingApp
{
    internal SmscSimulator Smsc { get; }

    SotongApp App { get; }
}

internal static class MessagingSettings
{
    public const string ShortNumber = "0120";

    public static void Apply(IWebHostBuilder builder, SmscSimulator smsc)
    {
        builder.UseSetting("Channels:Sms:Host", "127.0.0.1");
        builder.UseSetting("Channels:Sms:Port", smsc.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Channels:Sms:SystemId", SmscSimulator.SystemId);
        builder.UseSetting("Channels:Sms:Password", SmscSimulator.Password);
        builder.UseSetting("Channels:Sms:ShortNumber", ShortNumber);
        builder.UseSetting("Channels:Sms:Binds", "2");
        builder.UseSetting("Channels:Sms:Window", "20");
        builder.UseSetting("Channels:Sms:ReconnectMinDelay", "00:00:00.200");
        builder.UseSetting("Channels:Sms:ReconnectMaxDelay", "00:00:01");
        builder.UseSetting("Messaging:ChunkSize", "100");
        builder.UseSetting("Messaging:Workers", "2");
        builder.UseSetting("Messaging:PollInterval", "00:00:00.200");
    }
}

public sealed class SqliteMessagingApp : SqliteApp, IMessagingApp
{
    private readonly SmscLifetime _smsc = new();

    SmscSimulator IMessagingApp.Smsc => _smsc.Smsc;

    public SotongApp App => this;

    public override Task InitializeAsync() => _smsc.InitializeAsync(this, base.InitializeAsync);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MessagingSettings.Apply(builder, _smsc.Smsc);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smsc.Smsc.DisposeAsync();
    }
}

public sealed class PostgresMessagingApp : PostgresApp, IMessagingApp
{
    private readonly SmscLifetime _smsc = new();

    SmscSimulator IMessagingApp.Smsc => _smsc.Smsc;

    public SotongApp App => this;

    public override Task InitializeAsync() => _smsc.InitializeAsync(this, base.InitializeAsync);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MessagingSettings.Apply(builder, _smsc.Smsc);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smsc.Smsc.DisposeAsync();
    }
}

/// <summary>The SMSC, started before the app (which binds to it twice on start); the app disposes it after itself.</summary>
internal sealed class SmscLifetime
{
    public SmscSimulator Smsc { get; private set; } = null!;

    public async Task InitializeAsync(SotongApp app, Func<Task> initializeApp)
    {
        Smsc = await SmscSimulator.StartAsync();
        await initializeApp();
        _ = app.Services;
        await Smsc.WaitForCountAsync("bind", 2);
    }
}

/// <summary>Writing batches and reading their rows, as the tests need.</summary>
internal static class OutboxTestKit
{
    /// <summary>A batch to <paramref name="count"/> numbers 010{prefix}{n:D4}; returns the batch and the numbers.</summary>
    public static async Task<(OutboxBatch Batch, List<string> Phones)> EnqueueAsync(SotongApp app, string prefix, int count, string text,
        OutboxPriority priority = OutboxPriority.Bulk, string sender = MessagingSettings.ShortNumber, DateTime? notBeforeUtc = null)
    {
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var phones = Enumerable.Range(0, count).Select(i => $"010{prefix}{i:D4}").ToList();
        var batchId = Guid.CreateVersion7();
        var batch = await app.Services.GetRequiredService<Outbox>().EnqueueAsync(
            new OutboxRequest(OutboxKind.Notice, null, sender, text, priority, NotBeforeUtc: notBeforeUtc, BatchId: batchId),
            phones.Select(p => new OutboxRecipient(protector.Protect(p), $"test:{batchId:N}:{p}")).ToList(), CancellationToken.None);
        return (batch, phones);
    }

    public static async Task<OutboxBatch> BatchAsync(SotongApp app, Guid id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxBatch>().AsNoTracking().SingleAsync(b => b.Id == id);
    }

    public static async Task<List<OutboxMessage>> RowsAsync(SotongApp app, Guid batchId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BatchId == batchId).ToListAsync();
    }

    /// <summary>Polls the batch until <paramref name="done"/> holds or the time is up (then fails with the batch's counters).</summary>
    public static async Task<OutboxBatch> WaitForAsync(SotongApp app, Guid batchId, Func<OutboxBatch, bool> done, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        OutboxBatch batch;
        do
        {
            batch = await BatchAsync(app, batchId);
            if (done(batch))
            {
                return batch;
            }
            await Task.Delay(100);
        }
        while (clock.Elapsed < limit);
        throw new TimeoutException($"Batch {batchId}: total {batch.Total}, submitted {batch.Submitted}, delivered {batch.Delivered}, undelivered {batch.Undelivered}, failed {batch.Failed}.");
    }
}
