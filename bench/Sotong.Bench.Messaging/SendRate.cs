using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Messaging;

namespace Sotong.Bench.Messaging;

/// <summary>
/// Submission rate against the npm smpp SMSC (tests/smpp-sim/smsc.js, quiet mode), measured by the SMSC itself from
/// its first to its last accepted submit_sm: the ceiling (tests/smpp-sim/bench-client.js, a minimal Node client) before
/// and after Sotong.Web, as its own process, drains an outbox of <c>count</c> recipients. With <c>--throttle R</c> the SMSC
/// answers 0x58 beyond R submits a second per bind and Sotong is paced at <c>--rate-per-bind</c>.
/// </summary>
internal static class SendRate
{
    public sealed record Options(string Connection, string Web, int Count, int Binds, int Window, int Throttle, int RatePerBind, int Chunk, int Workers, int CeilingCount, int Warmup = 0);

    public static async Task<int> RunAsync(Options o)
    {
        var sim = Path.GetFullPath(Path.Combine("tests", "smpp-sim"));
        await using var smsc = await Smsc.StartAsync(sim);
        if (o.Throttle > 0)
        {
            await smsc.SendAsync(new JsonObject { ["cmd"] = "throttle", ["rate"] = o.Throttle });
        }
        var ceilings = new List<double>();
        if (o.Throttle == 0)
        {
            ceilings.Add(await CeilingAsync(smsc, sim, o));
        }

        // The batch goes in first, with no SMSC configured in this process: the app process below does all the sending.
        // With a warm-up, a first batch of that size is sent and the measured one is written once it has gone, so the
        // figure is the app's sustained rate rather than its first seconds (tiered JIT compiling the whole app).
        await EnqueueAsync(o.Connection, o.Warmup > 0 ? o.Warmup : o.Count, truncate: true);

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Sotong"] = o.Connection,
            ["Demo__Enabled"] = "false",
            ["Triage__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Channels__Sms__Host"] = "127.0.0.1",
            ["Channels__Sms__Port"] = smsc.Port.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__SystemId"] = "sotong",
            ["Channels__Sms__Password"] = "secret",
            ["Channels__Sms__ShortNumber"] = "0120",
            ["Channels__Sms__Binds"] = o.Binds.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__Window"] = o.Window.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__RatePerBind"] = o.RatePerBind.ToString(CultureInfo.InvariantCulture),
            ["Messaging__ChunkSize"] = o.Chunk.ToString(CultureInfo.InvariantCulture),
            ["Messaging__Workers"] = o.Workers.ToString(CultureInfo.InvariantCulture),
        };
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(o.Web)]) { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(o.Web))!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in settings)
        {
            start.Environment[k] = v;
        }
        using var app = Process.Start(start)!;
        var log = new StringBuilder();
        app.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        app.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        // Polls the SMSC until it has accepted `target` since its last reset; null if the app stopped or ten minutes passed.
        // Also notes the app's CPU at the first accepted submit: start-up (JIT, the host, EF's model) is not the engine's cost.
        async Task<(JsonObject Stats, TimeSpan CpuAtFirst)?> SentAsync(int target)
        {
            var wall = Stopwatch.StartNew();
            TimeSpan? cpuAtFirst = null;
            while (true)
            {
                var stats = await smsc.StatsAsync();
                if (cpuAtFirst is null && (int)stats["accepted"]! > 0)
                {
                    cpuAtFirst = app.TotalProcessorTime;
                }
                if ((int)stats["accepted"]! >= target)
                {
                    return (stats, cpuAtFirst ?? TimeSpan.Zero);
                }
                if (app.HasExited || wall.Elapsed > TimeSpan.FromMinutes(10))
                {
                    Console.Error.WriteLine($"Sotong stopped short at {stats["accepted"]} of {target} accepted.\n{log}");
                    return null;
                }
                await Task.Delay(200);
            }
        }

        double sotongRate;
        try
        {
            if (o.Warmup > 0)
            {
                if (await SentAsync(o.Warmup) is not { Stats: var warm })
                {
                    return 1;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up: {warm["accepted"]} accepted in {(double)warm["seconds"]!:F2} s = {(double)warm["rate"]!:F0}/s from a cold start; app CPU {app.TotalProcessorTime.TotalSeconds:F1} s"));
                await smsc.SendAsync(new JsonObject { ["cmd"] = "reset_stats" });
                await EnqueueAsync(o.Connection, o.Count, truncate: false);
            }
            if (await SentAsync(o.Count) is not { Stats: var stats, CpuAtFirst: var cpuAtFirst })
            {
                return 1;
            }
            var cpuSeconds = (app.TotalProcessorTime - (o.Warmup > 0 ? cpuAtFirst : TimeSpan.Zero)).TotalSeconds;
            var sendingCpu = (app.TotalProcessorTime - cpuAtFirst).TotalMicroseconds / o.Count;
            var rate = (double)stats["rate"]!;
            var allowed = o.Throttle > 0 ? (double)o.Throttle * o.Binds : 0;
            var paced = o.RatePerBind > 0 ? string.Create(CultureInfo.InvariantCulture, $", paced at {o.RatePerBind}/s per bind") : "";
            var share = allowed > 0 ? string.Create(CultureInfo.InvariantCulture, $"; allowed {allowed:F0}/s → {100 * rate / allowed:F1}%") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sotong{(o.Warmup > 0 ? " (warm)" : "")}: {o.Binds} binds × window {o.Window}, chunks {o.Chunk} × {o.Workers} workers{paced}: {stats["accepted"]} accepted in {(double)stats["seconds"]!:F2} s = {rate:F0}/s at the SMSC; throttled answers {stats["throttled"]}; duplicates {stats["duplicates"]}; app CPU {cpuSeconds:F1} s ({sendingCpu:F1} µs a message while sending){share}"));
            if ((int)stats["duplicates"]! > 0)
            {
                // Something was sent twice: a chunk rolled back after it was submitted. Its cause is in the app's log.
                lock (log)
                {
                    Console.WriteLine($"app log (duplicates):\n{log}");
                }
            }
            sotongRate = rate;
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
        if (o.Throttle == 0)
        {
            // The machine's speed drifts from minute to minute: the ceiling is measured again after Sotong's run, and the
            // share is taken of the higher of the two, so a slow spell during one ceiling cannot flatter the figure.
            await smsc.SendAsync(new JsonObject { ["cmd"] = "reset_stats" });
            ceilings.Add(await CeilingAsync(smsc, sim, o));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"share: {sotongRate:F0}/s of the higher ceiling {ceilings.Max():F0}/s = {100 * sotongRate / ceilings.Max():F1}% (of the lower {100 * sotongRate / ceilings.Min():F1}%)"));
        }
        return 0;
    }

    /// <summary>The minimal Node client against the SMSC: the rate the SMSC sustains, as the SMSC measures it.</summary>
    private static async Task<double> CeilingAsync(Smsc smsc, string sim, Options o)
    {
        using var client = Process.Start(new ProcessStartInfo("node", ["bench-client.js", "--port", smsc.Port.ToString(CultureInfo.InvariantCulture),
            "--binds", o.Binds.ToString(CultureInfo.InvariantCulture), "--window", o.Window.ToString(CultureInfo.InvariantCulture),
            "--count", o.CeilingCount.ToString(CultureInfo.InvariantCulture)])
        { WorkingDirectory = sim, RedirectStandardOutput = true })!;
        var line = await client.StandardOutput.ReadToEndAsync();
        await client.WaitForExitAsync();
        var stats = await smsc.StatsAsync();
        var rate = (double)stats["rate"]!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling: minimal Node client, {o.Binds} binds × window {o.Window}: {stats["accepted"]} accepted, {rate:F0}/s at the SMSC (client says {line.Trim()})"));
        await smsc.SendAsync(new JsonObject { ["cmd"] = "reset_stats" });
        return rate;
    }

    /// <summary>Writes one batch of <paramref name="count"/> recipients to the outbox, as a campaign start does.</summary>
    private static async Task EnqueueAsync(string connection, int count, bool truncate)
    {
        using var host = Bench.Services(connection);
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>();
        if (truncate)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("TRUNCATE messaging_outbox; DELETE FROM messaging_batch");
        }
        await Bench.EnqueueAsync(host, OutboxKind.Notice, "0105", "bench", count);
    }

    /// <summary>smsc.js as a child process: JSON commands on stdin, JSON events on stdout.</summary>
    internal sealed class Smsc : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Threading.Channels.Channel<JsonObject> _events = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();

        private Smsc(Process process)
        {
            _process = process;
            _ = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (JsonNode.Parse(line) is JsonObject e)
                    {
                        await _events.Writer.WriteAsync(e);
                    }
                }
            });
        }

        public int Port { get; private set; }

        public static async Task<Smsc> StartAsync(string directory)
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true,
                StandardInputEncoding = new UTF8Encoding(false),
            };
            foreach (var argument in new[] { "smsc.js", "--port", "0", "--quiet" })
            {
                start.ArgumentList.Add(argument);
            }
            var process = Process.Start(start)!;
            var smsc = new Smsc(process);
            smsc.Port = (int)(await smsc.NextAsync("listening"))["port"]!;
            return smsc;
        }

        public async Task SendAsync(JsonObject command)
        {
            await _process.StandardInput.WriteLineAsync(command.ToJsonString());
            await _process.StandardInput.FlushAsync();
            await NextAsync("ack");
        }

        public async Task<JsonObject> StatsAsync()
        {
            await _process.StandardInput.WriteLineAsync("""{"cmd":"stats"}""");
            await _process.StandardInput.FlushAsync();
            return await NextAsync("stats");
        }

        private async Task<JsonObject> NextAsync(string name)
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync();
                if ((string?)e["event"] == name)
                {
                    return e;
                }
                if ((string?)e["event"] == "error")
                {
                    throw new InvalidOperationException(e.ToJsonString());
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
