using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Sotong.IntegrationTests.Smpp;

/// <summary>
/// The npm smpp SMSC in tests/smpp-sim/smsc.js as a child process: its stdout events are collected, commands go to
/// its stdin. A missing Node.js or npm install fails the test with the fix in the message; nothing is skipped.
/// </summary>
internal sealed class SmscSimulator : IAsyncDisposable
{
    public const string SystemId = "sotong";
    public const string Password = "secret";
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _events = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private int _nextCommandId;

    private SmscSimulator(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_gate)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _stdoutPump = PumpStdoutAsync();
    }

    public int Port { get; private set; }

    public static async Task<SmscSimulator> StartAsync(bool quiet = false)
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "smpp-sim");
        if (!File.Exists(Path.Combine(directory, "node_modules", "smpp", "package.json")))
        {
            throw new InvalidOperationException(
                $"The SMPP simulator's npm packages are missing: run `npm ci` in {directory} (test.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in new[] { "smsc.js", "--port", "0", "--system-id", SystemId, "--password", Password })
        {
            start.ArgumentList.Add(argument);
        }

        if (quiet)
        {
            start.ArgumentList.Add("--quiet");
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("`node smsc.js` did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "Node.js (`node`) is not on PATH; the SMPP interop tests run the npm smpp SMSC with it. Install nodejs (test.sh does).", ex);
        }

        var simulator = new SmscSimulator(process);
        var listening = await simulator.WaitForAsync("listening", timeout: TimeSpan.FromSeconds(10));
        simulator.Port = listening.GetProperty("port").GetInt32();
        return simulator;
    }

    public IReadOnlyList<JsonElement> Events(string name)
    {
        lock (_gate)
        {
            return _events.Where(e => Name(e) == name).ToList();
        }
    }

    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool>? where = null, TimeSpan? timeout = null) =>
        (await WaitForCountAsync(name, 1, where, timeout))[0];

    /// <summary>Waits until at least <paramref name="count"/> matching events have been printed; returns them all.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForCountAsync(
        string name, int count, Func<JsonElement, bool>? where = null, TimeSpan? timeout = null) =>
        WaitForAsync(e => Name(e) == name && (where is null || where(e)), $"'{name}'", count, timeout ?? DefaultWait);

    /// <summary>Sends a command (see smsc.js) and waits for the SMSC to acknowledge it.</summary>
    public async Task SendAsync(object command)
    {
        var id = Interlocked.Increment(ref _nextCommandId);
        var json = JsonSerializer.SerializeToNode(command)!.AsObject();
        json["id"] = id;
        await _process.StandardInput.WriteLineAsync(json.ToJsonString());
        await _process.StandardInput.FlushAsync();

        var reply = (await WaitForAsync(
            e => Name(e) is "ack" or "error" && e.TryGetProperty("id", out var replyId) && replyId.ValueKind == JsonValueKind.Number && replyId.GetInt32() == id,
            $"reply to command {id}",
            1,
            DefaultWait))[0];
        if (Name(reply) == "error")
        {
            throw new InvalidOperationException($"The SMSC refused {json.ToJsonString()}: {reply.GetProperty("error").GetString()}");
        }
    }

    public string Transcript()
    {
        lock (_gate)
        {
            return "SMSC events:\n" + string.Join('\n', _events.Select(e => e.GetRawText())) + "\nSMSC stderr:\n" + _stderr;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing stdin tells smsc.js to close its server and exit.
            _process.StandardInput.Close();
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _stdoutPump;
        _process.Dispose();
    }

    private static string? Name(JsonElement e) => e.GetProperty("event").GetString();

    private async Task<IReadOnlyList<JsonElement>> WaitForAsync(Func<JsonElement, bool> match, string description, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            List<JsonElement> matching;
            lock (_gate)
            {
                matching = _events.Where(match).ToList();
            }

            if (matching.Count >= count)
            {
                return matching;
            }

            if (clock.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException(
                    $"The SMSC printed {matching.Count} of {count} {description} event(s) within {timeout}" +
                    $"{(_process.HasExited ? " and exited" : "")}.\n{Transcript()}");
            }

            await Task.Delay(10);
        }
    }

    private async Task PumpStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            lock (_gate)
            {
                _events.Add(document.RootElement.Clone());
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sotong.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Sotong.slnx above {AppContext.BaseDirectory}; cannot find tests/smpp-sim.");
    }
}
