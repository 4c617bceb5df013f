using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Smpp;

namespace Sotong.Core.Messaging.Delivery;

/// <summary>What became of one submission.</summary>
public abstract record SubmitResult
{
    /// <summary>The SMSC accepted every part; the ids are the parts', in order (the outbox matches receipts on the first).</summary>
    public sealed record Accepted(IReadOnlyList<string> MessageIds) : SubmitResult
    {
        public string MessageId => MessageIds[0];
    }

    /// <summary>The SMSC refused it for good (invalid number, rejected…).</summary>
    public sealed record Refused(uint Status) : SubmitResult;

    /// <summary>Could not be sent now (no bind, link lost, throttled too long): try again later.</summary>
    public sealed record Unavailable(string Reason) : SubmitResult;
}

/// <summary>Hands each inbound text from any bind to whoever stores it (the SMS channel of the inbox).</summary>
public interface ISmsInboundHandler
{
    Task HandleAsync(SmppInboundMessage message, CancellationToken ct);
}

/// <summary>Receives every delivery receipt from every bind (the outbox and the inbox's replies each match their own).</summary>
public interface IDeliveryReceiptSink
{
    Task RecordAsync(IReadOnlyList<SmppDeliveryReceipt> receipts, CancellationToken ct);
}

/// <summary>
/// The city's SMPP binds to its SMSC (<c>Channels:Sms</c>): <c>Binds</c> transceiver sessions, each with a window of
/// <c>Window</c> outstanding submit_sm and at most <c>RatePerBind</c> parts a second (0 = as fast as the SMSC answers).
/// A submission goes to the next bound bind; 0x58 (throttled) and 0x14 (queue full) pause that bind with a growing
/// back-off and the message is resubmitted; the link's own reconnection is the client's. Binds that cannot connect at
/// start keep trying in the background, so the SMSC may come up after Sotong.
/// </summary>
public sealed partial class SmppGateway(IConfiguration configuration, IServiceProvider services, ILoggerFactory loggers, TimeProvider time)
    : IHostedService, IAsyncDisposable
{
    /// <summary>How many times one message is resubmitted after 0x58/0x14 before it goes back to the queue.</summary>
    private const int MaxThrottleRetries = 20;

    private readonly ILogger _logger = loggers.CreateLogger<SmppGateway>();
    private readonly List<Bind> _binds = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private int _next;

    private IConfigurationSection Settings => configuration.GetSection("Channels:Sms");

    /// <summary>True when an SMSC host is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings["Host"]);

    /// <summary>The registered number replies and campaigns go out from by default.</summary>
    public string ShortNumber => Settings["ShortNumber"] ?? "";

    public int BoundBinds => _binds.Count(b => b.Client?.IsBound == true);

    /// <summary>Parts per second all binds together may send (0 when unpaced).</summary>
    public double RateLimit => _binds.Sum(b => b.Rate);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return;
        }
        var count = Math.Clamp(Settings.GetValue("Binds", 1), 1, 32);
        var window = Math.Clamp(Settings.GetValue("Window", 10), 1, 1000);
        var rate = Math.Max(0, Settings.GetValue("RatePerBind", 0.0));
        var options = new SmppClientOptions
        {
            Host = Settings["Host"]!,
            Port = Settings.GetValue("Port", 2775),
            SystemId = Settings["SystemId"] ?? "",
            Password = Settings["Password"] ?? "",
            SystemType = Settings["SystemType"] ?? "",
            Window = window,
            ReconnectMinDelay = Settings.GetValue("ReconnectMinDelay", TimeSpan.FromSeconds(1)),
            ReconnectMaxDelay = Settings.GetValue("ReconnectMaxDelay", TimeSpan.FromSeconds(30)),
        };
        var inbound = services.GetService<ISmsInboundHandler>();
        for (var i = 0; i < count; i++)
        {
            _binds.Add(new Bind(i, options, rate, new BindPacer(rate, time)));
        }
        // The first bind is tried in the foreground so a working SMSC is bound when start-up ends; the rest connect in
        // the background, and so does the first if it failed, so an SMSC that is down does not hold start-up.
        if (!await TryConnectAsync(_binds[0], inbound, cancellationToken))
        {
            _background.Add(Task.Run(() => KeepConnectingAsync(_binds[0], inbound, immediately: false, _stopping.Token), CancellationToken.None));
        }
        foreach (var bind in _binds.Skip(1))
        {
            _background.Add(Task.Run(() => KeepConnectingAsync(bind, inbound, immediately: true, _stopping.Token), CancellationToken.None));
        }
    }

    /// <summary>
    /// Sends one text on the next bound bind, paced and windowed, resubmitting on throttling. Never throws for an SMSC
    /// problem: the result says what happened.
    /// </summary>
    public Task<SubmitResult> SubmitAsync(string from, string to, string text, CancellationToken ct) =>
        SubmitAsync(from, to, text, SmppClient.PartsFor(text), ct);

    /// <summary>As above, with the part count already known (the dispatcher counts a batch's text once).</summary>
    public async Task<SubmitResult> SubmitAsync(string from, string to, string text, int parts, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var bind = NextBound();
            if (bind?.Client is not { } client)
            {
                return new SubmitResult.Unavailable("No SMPP bind is up.");
            }
            var sentAt = await bind.Pacer.AcquireAsync(parts, ct);
            try
            {
                var ids = await client.SubmitAsync(from, to, text, requestDeliveryReceipt: true, ct);
                bind.Pacer.Succeeded(sentAt);
                return new SubmitResult.Accepted(ids);
            }
            catch (SmppCommandException e) when (e.CommandStatus is SmppCommandStatus.Throttled or SmppCommandStatus.MessageQueueFull)
            {
                var delay = bind.Pacer.BackOff(sentAt);
                if (parts > 1)
                {
                    // Its other parts may have been accepted; sending the whole text again at once would repeat them.
                    // The row waits its retry delay instead.
                    return new SubmitResult.Unavailable($"A part was refused with 0x{e.CommandStatus:X2}; the text is sent again later.");
                }
                if (attempt >= MaxThrottleRetries)
                {
                    return new SubmitResult.Unavailable($"Still throttled after {attempt} resubmissions (0x{e.CommandStatus:X2}).");
                }
                LogThrottled(_logger, bind.Index, e.CommandStatus, delay.TotalMilliseconds);
            }
            catch (SmppException e)
            {
                return ResultOf(e);
            }
            catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
            {
                // A number or sender that cannot be an SMPP address, or the bind closing as the app stops: this one waits
                // for a later try (and fails after its attempts); the caller's other messages are not affected.
                return new SubmitResult.Unavailable(e.Message);
            }
        }
    }

    /// <summary>What an SMSC or link failure other than throttling means for the message: refused for good, or later.</summary>
    private static SubmitResult ResultOf(SmppException e) => e switch
    {
        SmppCommandException c when SmppCommandStatus.IsTransient(c.CommandStatus) =>
            new SubmitResult.Unavailable($"SMSC busy: 0x{c.CommandStatus:X2} {SmppCommandStatus.Name(c.CommandStatus)}"),
        SmppCommandException c => new SubmitResult.Refused(c.CommandStatus),
        _ => new SubmitResult.Unavailable(e.Message),
    };

    /// <summary>
    /// Sends one text to many numbers; the results are in the numbers' order. On unpaced binds a text that fits one
    /// message goes as one list per bound bind (<see cref="SmppClient.SubmitManyAsync"/>): no task per message. The
    /// numbers the SMSC pushed back with 0x58 or 0x14 pause that bind (or wait out the pause the same overflow already
    /// started) and go again one by one, as SubmitAsync sends them. Paced binds and longer texts are sent one by one
    /// throughout. Never throws for an SMSC problem.
    /// </summary>
    public async Task<SubmitResult[]> SubmitManyAsync(string from, string text, int parts, IReadOnlyList<string> to, CancellationToken ct)
    {
        var bound = _binds.Where(b => b.Client?.IsBound == true).ToList();
        if (parts > 1 || bound.Count == 0 || bound.Any(b => b.Rate > 0))
        {
            return await Task.WhenAll(to.Select(number => SubmitAsync(from, number, text, parts, ct)));
        }
        var results = new SubmitResult[to.Count];
        var offset = Interlocked.Increment(ref _next); // which bind takes the first share turns, as for single messages
        await Task.WhenAll(bound.Select((bind, k) =>
        {
            var share = (int)((uint)(k + offset) % (uint)bound.Count);
            var first = share * to.Count / bound.Count;
            var end = (share + 1) * to.Count / bound.Count;
            return SendShareAsync(bind, from, text, to, first, end, results, ct);
        }));
        return results;
    }

    private async Task SendShareAsync(Bind bind, string from, string text, IReadOnlyList<string> to, int first, int end, SubmitResult[] results, CancellationToken ct)
    {
        if (first == end)
        {
            return;
        }
        if (bind.Client is not { } client)
        {
            for (var i = first; i < end; i++)
            {
                results[i] = new SubmitResult.Unavailable("No SMPP bind is up.");
            }
            return;
        }
        var numbers = new string[end - first];
        for (var i = first; i < end; i++)
        {
            numbers[i - first] = to[i];
        }
        IReadOnlyList<SmppSubmission> outcomes;
        long sentAt;
        try
        {
            sentAt = await bind.Pacer.AcquireAsync(0, ct); // waits out a back-off this bind is under
            outcomes = await client.SubmitManyAsync(from, numbers, text);
        }
        catch (Exception e) when (e is ArgumentException or ObjectDisposedException)
        {
            // The sender cannot be an SMPP address, or the bind closed as the app stops: nothing of this share went out.
            for (var i = first; i < end; i++)
            {
                results[i] = new SubmitResult.Unavailable(e.Message);
            }
            return;
        }
        List<int>? pushedBack = null;
        uint pushStatus = 0;
        var anyAccepted = false;
        for (var k = 0; k < outcomes.Count; k++)
        {
            var outcome = outcomes[k];
            results[first + k] = outcome.Error switch
            {
                null => new SubmitResult.Accepted([outcome.MessageId!]),
                SmppCommandException e when e.CommandStatus is SmppCommandStatus.Throttled or SmppCommandStatus.MessageQueueFull => null!,
                var e => ResultOf(e),
            };
            anyAccepted |= outcome.IsAccepted;
            if (results[first + k] is null)
            {
                (pushedBack ??= []).Add(first + k);
                pushStatus = ((SmppCommandException)outcome.Error!).CommandStatus;
            }
        }
        if (anyAccepted && pushedBack is null)
        {
            bind.Pacer.Succeeded(sentAt);
        }
        if (pushedBack is not null)
        {
            var delay = bind.Pacer.BackOff(sentAt);
            LogThrottled(_logger, bind.Index, pushStatus, delay.TotalMilliseconds);
            var again = await Task.WhenAll(pushedBack.Select(i => SubmitAsync(from, to[i], text, 1, ct)));
            for (var k = 0; k < pushedBack.Count; k++)
            {
                results[pushedBack[k]] = again[k];
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(_background);
        foreach (var bind in _binds)
        {
            if (Interlocked.Exchange(ref bind.Client, null) is { } client)
            {
                await client.DisposeAsync(); // completes Receipts, which ends that bind's receipt loop
            }
        }
        await Task.WhenAll(_binds.Select(b => b.Receipts));
    }

    private Bind? NextBound()
    {
        var count = _binds.Count;
        for (var i = 0; i < count; i++)
        {
            var bind = _binds[(int)((uint)Interlocked.Increment(ref _next) % (uint)count)];
            if (bind.Client?.IsBound == true)
            {
                return bind;
            }
        }
        return null;
    }

    private async Task<bool> TryConnectAsync(Bind bind, ISmsInboundHandler? inbound, CancellationToken ct)
    {
        var client = new SmppClient(bind.Options, loggers.CreateLogger<SmppClient>(), time);
        if (inbound is not null)
        {
            client.InboundHandler = inbound.HandleAsync;
        }
        try
        {
            await client.ConnectAsync(ct);
        }
        catch (SmppException e)
        {
            LogBindFailed(_logger, bind.Index, bind.Options.Host, e.Message);
            await client.DisposeAsync();
            return false;
        }
        bind.Client = client;
        bind.Receipts = Task.Run(() => ForwardReceiptsAsync(client), CancellationToken.None);
        LogBound(_logger, bind.Index, bind.Options.Host);
        return true;
    }

    private async Task KeepConnectingAsync(Bind bind, ISmsInboundHandler? inbound, bool immediately, CancellationToken stopping)
    {
        var delay = bind.Options.ReconnectMinDelay;
        var first = immediately;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!first)
                {
                    await Task.Delay(delay, time, stopping);
                }
                first = false;
                if (await TryConnectAsync(bind, inbound, stopping))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, bind.Options.ReconnectMaxDelay.Ticks));
        }
    }

    /// <summary>Receipts go to every sink in small batches, so a million receipts are a few thousand updates.</summary>
    private async Task ForwardReceiptsAsync(SmppClient client)
    {
        var sinks = services.GetServices<IDeliveryReceiptSink>().ToList();
        var batch = new List<SmppDeliveryReceipt>(500);
        var reader = client.Receipts;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < 500 && reader.TryRead(out var receipt))
            {
                batch.Add(receipt);
            }
            foreach (var sink in sinks)
            {
                try
                {
                    await sink.RecordAsync(batch, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A receipt lost here costs a "delivered" tick, never a message; the sink logs its own detail.
                    LogReceiptsFailed(_logger, batch.Count, e.Message);
                }
            }
            batch.Clear();
        }
    }

    private sealed class Bind(int index, SmppClientOptions options, double rate, BindPacer pacer)
    {
        public int Index { get; } = index;
        public SmppClientOptions Options { get; } = options;
        public double Rate { get; } = rate;
        public BindPacer Pacer { get; } = pacer;
        public SmppClient? Client;
        public Task Receipts = Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMPP bind {Bind} up to {Host}")]
    private static partial void LogBound(ILogger logger, int bind, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMPP bind {Bind} to {Host} failed: {Reason}; retrying in the background")]
    private static partial void LogBindFailed(ILogger logger, int bind, string host, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMPP bind {Bind} throttled (0x{Status:X2}); paused {DelayMs} ms")]
    private static partial void LogThrottled(ILogger logger, int bind, uint status, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} delivery receipt(s) could not be recorded: {Reason}")]
    private static partial void LogReceiptsFailed(ILogger logger, int count, string reason);
}
