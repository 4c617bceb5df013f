using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.IntegrationTests.Infrastructure;
using Sotong.IntegrationTests.Smpp;
using Xunit.Abstractions;

namespace Sotong.IntegrationTests.Messaging;

/// <summary>
/// The app's database, shared with a separate Sotong process that does the sending: this in-process app (no SMSC
/// configured, so it never sends) writes the batch and reads the rows; the process is killed and restarted.
/// </summary>
public sealed class CrashTestDatabase : PostgresApp
{
    public string DatabaseConnectionString => ConnectionString;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["Channels:Sms:ShortNumber"] = MessagingSettings.ShortNumber,
    };
}

/// <summary>
/// Issue 6's reliability test: SIGKILL the process that is sending a 100,000-recipient batch, start it again, and
/// count at the SMSC: every recipient received the message, and duplicates are no more than the in-flight window.
/// </summary>
public sealed class OutboxCrashTests(CrashTestDatabase app, ITestOutputHelper output) : IClassFixture<CrashTestDatabase>
{
    private const int Recipients = 100_000;
    private const int ChunkSize = 500;
    private const int Workers = 3;

    [Fact]
    public async Task Given_the_sender_is_killed_mid_send_Then_after_a_restart_everyone_has_the_message_and_duplicates_stay_within_the_window()
    {
        await using var smsc = await SmscSimulator.StartAsync(quiet: true);
        var protector = app.Service<PersonalDataProtector>();
        var batchId = Guid.CreateVersion7();
        var recipients = Enumerable.Range(0, Recipients)
            .Select(i => new OutboxRecipient(protector.Protect($"0107{i:D7}"), $"crash:{i}")).ToList();
        await app.Service<Outbox>().EnqueueAsync(new OutboxRequest(OutboxKind.Notice, null, MessagingSettings.ShortNumber,
            "[중구청] 정전 복구 안내", OutboxPriority.Bulk, BatchId: batchId), recipients, CancellationToken.None);

        string log;
        using (var first = SenderProcess.Start(app.DatabaseConnectionString, smsc.Port, ChunkSize, Workers))
        {
            var accepted = await WaitForAcceptedAsync(smsc, Recipients / 4, TimeSpan.FromSeconds(120), first);
            accepted.ShouldBeLessThan(Recipients, "the kill must land mid-send");
            first.Kill();
            log = "first run:\n" + first.Output;
        }
        var atKill = await StatsAsync(smsc);
        atKill.GetProperty("accepted").GetInt32().ShouldBeLessThan(Recipients);
        atKill.GetProperty("duplicates").GetInt32().ShouldBe(0, "nothing is sent twice before the kill\n" + log);

        using (var second = SenderProcess.Start(app.DatabaseConnectionString, smsc.Port, ChunkSize, Workers))
        {
            await WaitForQueueEmptyAsync(batchId, TimeSpan.FromSeconds(180), second);
            second.Stop();
            log += "\nsecond run:\n" + second.Output;
        }

        var stats = await StatsAsync(smsc);
        output.WriteLine($"at the kill: {atKill.GetRawText()}\nat the end: {stats.GetRawText()}");
        stats.GetProperty("recipients").GetInt32().ShouldBe(Recipients);
        var duplicates = stats.GetProperty("duplicates").GetInt32();
        duplicates.ShouldBeLessThanOrEqualTo(ChunkSize * Workers, $"{duplicates} duplicates after the kill ({atKill.GetRawText()}).\n{log}");
        stats.GetProperty("max_per_recipient").GetInt32().ShouldBeLessThanOrEqualTo(2);

        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.Set<OutboxMessage>().CountAsync(m => m.BatchId == batchId && m.State == OutboxState.Submitted)).ShouldBe(Recipients);
        var batch = await db.Set<OutboxBatch>().SingleAsync(b => b.Id == batchId);
        batch.Submitted.ShouldBe(Recipients, "each row is counted once, by the commit that recorded it");
    }

    private static async Task<JsonElement> StatsAsync(SmscSimulator smsc)
    {
        var before = smsc.Events("stats").Count;
        await smsc.SendAsync(new { cmd = "stats" });
        return (await smsc.WaitForCountAsync("stats", before + 1))[^1];
    }

    private static async Task<int> WaitForAcceptedAsync(SmscSimulator smsc, int atLeast, TimeSpan timeout, SenderProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var accepted = (await StatsAsync(smsc)).GetProperty("accepted").GetInt32();
            if (accepted >= atLeast)
            {
                return accepted;
            }
            process.ThrowIfExited();
            await Task.Delay(20);
        }
        throw new TimeoutException($"The SMSC accepted fewer than {atLeast} messages in {timeout}.\n{process.Output}");
    }

    private async Task WaitForQueueEmptyAsync(Guid batchId, TimeSpan timeout, SenderProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
            if (!await db.Set<OutboxMessage>().AnyAsync(m => m.BatchId == batchId && m.State == OutboxState.Queued))
            {
                return;
            }
            process.ThrowIfExited();
            await Task.Delay(250);
        }
        throw new TimeoutException($"Rows were still queued after {timeout}.\n{process.Output}");
    }
}

/// <summary>Sotong.Web run as its own process (dotnet Sotong.Web.dll), so it can be killed with SIGKILL.</summary>
internal sealed class SenderProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private SenderProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SenderProcess Start(string connectionString, int smscPort, int chunkSize, int workers)
    {
        var web = WebAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Sotong"] = connectionString,
            ["Demo__Enabled"] = "false",
            ["Triage__Enabled"] = "false",
            ["Channels__Sms__Host"] = "127.0.0.1",
            ["Channels__Sms__Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__SystemId"] = SmscSimulator.SystemId,
            ["Channels__Sms__Password"] = SmscSimulator.Password,
            ["Channels__Sms__ShortNumber"] = MessagingSettings.ShortNumber,
            ["Channels__Sms__Binds"] = "2",
            ["Channels__Sms__Window"] = "50",
            ["Messaging__ChunkSize"] = chunkSize.ToString(CultureInfo.InvariantCulture),
            ["Messaging__Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return new SenderProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet Sotong.Web.dll did not start."));
    }

    /// <summary>SIGKILL: no shutdown hooks, no unbind, open transactions cut off mid-way.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>An orderly stop (SIGTERM) once the test is done with it.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The Sotong process exited with {_process.ExitCode}.\n{Output}");
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The host's build output beside this test build (same configuration): bin/{Release|Debug}/net10.0/Sotong.Web.dll.</summary>
    private static string WebAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testBin.Parent!.Name; // …/bin/Release/net10.0/
        for (var directory = testBin; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Sotong.Web", "bin", configuration, "net10.0", "Sotong.Web.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Sotong.Web.dll ({configuration}) was not found above {testBin.FullName}; build the solution first.");
    }
}
