using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sotong.Smpp.Pdus;
using Sotong.Smpp.Session;
using Sotong.Smpp.Text;

namespace Sotong.Smpp;

/// <summary>
/// An SMPP 3.4 transceiver bind to one SMSC. <see cref="ConnectAsync"/> binds once and fails loudly (wrong password,
/// no route); after that the client keeps the bind alive on its own: enquire_link, and reconnect with exponential
/// backoff whenever the link drops, goes quiet or receives a malformed PDU. Inbound texts and delivery receipts
/// arrive on <see cref="Messages"/> and <see cref="Receipts"/>.
/// </summary>
public sealed class SmppClient : IAsyncDisposable
{
    private readonly SmppClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SmsReassembler _reassembler;
    private readonly Channel<SmppInboundMessage> _messages = Channel.CreateUnbounded<SmppInboundMessage>();
    private readonly Channel<SmppDeliveryReceipt> _receipts = Channel.CreateUnbounded<SmppDeliveryReceipt>();
    private readonly CancellationTokenSource _stopping = new();
    private volatile SmppSession? _session;
    private Task? _supervisor;
    private int _reference;
    private int _disposed;

    public SmppClient(SmppClientOptions options, ILogger<SmppClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger<SmppClient>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _reassembler = new SmsReassembler(_time, options.ReassemblyTimeout);
        // Start the concatenation reference somewhere different each run so parts of a message sent just before
        // a restart are not joined on the phone with parts sent just after.
        _reference = (int)(_time.GetTimestamp() & 0xFF);
    }

    /// <summary>True while a bind is up; false while reconnecting.</summary>
    public bool IsBound => _session?.IsBound == true;

    /// <summary>
    /// Texts from phones, reassembled. Without an <see cref="InboundHandler"/> they are acknowledged to the SMSC once
    /// queued here; read them promptly.
    /// </summary>
    public ChannelReader<SmppInboundMessage> Messages => _messages.Reader;

    /// <summary>
    /// When set (before <see cref="ConnectAsync"/>), each reassembled text is handed here and the deliver_sm that
    /// completes it is acknowledged only after the handler returns — so a consumer that stores the text first makes
    /// the SMSC's "delivered" mean "durable". If the handler throws, the SMSC gets a temporary error and retries. Earlier parts
    /// of a concatenated text are acknowledged as they arrive and held in memory until the last one.
    /// </summary>
    public Func<SmppInboundMessage, CancellationToken, Task>? InboundHandler { get; set; }

    /// <summary>Delivery receipts for messages we submitted with a receipt requested.</summary>
    public ChannelReader<SmppDeliveryReceipt> Receipts => _receipts.Reader;

    /// <summary>
    /// Connects and binds. Throws <see cref="SmppCommandException"/> when the SMSC refuses the bind (e.g. 0x0D,
    /// 0x0E) or <see cref="SmppException"/> when it cannot be reached; once this returns, reconnection is automatic.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (_supervisor is not null)
        {
            throw new InvalidOperationException("The SMPP client is already connected.");
        }

        var session = await OpenSessionAsync(cancellationToken);
        _session = session;
        _supervisor = SuperviseAsync(session, _stopping.Token);
    }

    /// <summary>
    /// Sends a text, cut into parts when it is long (GSM 7-bit when it fits the alphabet, else UCS2), and returns
    /// the SMSC's message id for each part, in order. Throws <see cref="SmppCommandException"/> with the
    /// command_status when the SMSC refuses a part, or <see cref="SmppException"/> when not bound or the link
    /// fails; <see cref="SmppException.IsTransient"/> says whether to retry. Parts already accepted are not
    /// recalled, so a retry sends the whole text again under a new reference.
    /// </summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(
        string from, string to, string text, bool requestDeliveryReceipt = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var session = _session;
        if (session is not { IsBound: true })
        {
            throw new SmppException("The SMPP client is not bound to the SMSC; retry later.", isTransient: true);
        }

        var segments = SmsSegmenter.Split(text, (byte)Interlocked.Increment(ref _reference));
        // Every part is written before any response is awaited, so a long text costs one round trip, not one per part.
        var parts = segments.Parts
            .Select(part => SubmitPartAsync(session, NewSubmitSm(from, to, segments, part, requestDeliveryReceipt), cancellationToken))
            .ToList();
        var ids = await Task.WhenAll(parts);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Submitted {Parts} part(s) as {DataCoding} to {Destination}", ids.Length, segments.DataCoding, AddressMask.Mask(to));
        }

        return ids;
    }

    /// <summary>
    /// Sends one text to many destinations and returns each one's outcome, in order; never throws for an SMSC or link
    /// problem. A text that fits one message is encoded once and its submit_sm go out as the window frees, written by the
    /// session's own read loop as each response arrives: no task per message, which is what a campaign's rate rests on.
    /// A longer text is sent destination by destination with <see cref="SubmitAsync"/>. A destination that cannot be an
    /// SMPP address (empty, over 20 characters, not printable ASCII) is refused here with ESME_RINVDSTADR, unsent.
    /// Completes at the latest one response timeout after the last submission is written.
    /// </summary>
    public async Task<IReadOnlyList<SmppSubmission>> SubmitManyAsync(
        string from, IReadOnlyList<string> destinations, string text, bool requestDeliveryReceipt = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var segments = SmsSegmenter.Split(text, (byte)Interlocked.Increment(ref _reference));
        if (segments.IsConcatenated)
        {
            return await Task.WhenAll(destinations.Select(async to =>
            {
                try
                {
                    return new SmppSubmission((await SubmitAsync(from, to, text, requestDeliveryReceipt))[0], null);
                }
                catch (SmppException e)
                {
                    return new SmppSubmission(null, e);
                }
                catch (ArgumentException) when (!SubmitSmTemplate.IsValidDestination(to))
                {
                    return new SmppSubmission(null, new SmppCommandException(SmppCommandStatus.InvalidDestinationAddress, "submit_sm"));
                }
                catch (ArgumentException e)
                {
                    return new SmppSubmission(null, new SmppException(e.Message, isTransient: false, e));
                }
            }));
        }

        var outcomes = new SmppSubmission[destinations.Count];
        var valid = new List<int>(destinations.Count);
        for (var i = 0; i < destinations.Count; i++)
        {
            if (SubmitSmTemplate.IsValidDestination(destinations[i]))
            {
                valid.Add(i);
            }
            else
            {
                outcomes[i] = new SmppSubmission(null, new SmppCommandException(SmppCommandStatus.InvalidDestinationAddress, "submit_sm"));
            }
        }
        var session = _session;
        if (session is not { IsBound: true })
        {
            var down = new SmppException("The SMPP client is not bound to the SMSC; retry later.", isTransient: true);
            foreach (var i in valid)
            {
                outcomes[i] = new SmppSubmission(null, down);
            }
            return outcomes;
        }

        var template = new SubmitSmTemplate(NewSubmitSm(from, "", segments, segments.Parts[0], requestDeliveryReceipt));
        var sent = await session.SubmitBulkAsync(template, valid.Count == destinations.Count ? destinations : [.. valid.Select(i => destinations[i])]);
        for (var k = 0; k < valid.Count; k++)
        {
            outcomes[valid[k]] = sent[k];
        }
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Submitted one text as {DataCoding} to {Count} destination(s)", segments.DataCoding, destinations.Count);
        }
        return outcomes;
    }

    /// <summary>One part's submit_sm, with this client's address types.</summary>
    private SubmitSm NewSubmitSm(string from, string to, SmsSegments segments, ReadOnlyMemory<byte> part, bool requestDeliveryReceipt) => new()
    {
        SourceAddrTon = _options.SourceAddressTon,
        SourceAddrNpi = _options.SourceAddressNpi,
        SourceAddr = from,
        DestAddrTon = _options.DestinationAddressTon,
        DestAddrNpi = _options.DestinationAddressNpi,
        DestinationAddr = to,
        EsmClass = segments.IsConcatenated ? EsmClass.UdhIndicator : (byte)0,
        RegisteredDelivery = requestDeliveryReceipt ? (byte)1 : (byte)0,
        DataCoding = (byte)segments.DataCoding,
        ShortMessage = part,
    };

    /// <summary>How many submit_sm <see cref="SubmitAsync"/> sends for this text (1 when it fits one message).</summary>
    public static int PartsFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SmsSegmenter.Split(text, 0).Parts.Count;
    }

    /// <summary>Unbinds, closes the connection and completes <see cref="Messages"/> and <see cref="Receipts"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_supervisor is not null)
        {
            await _supervisor;
        }

        if (_session is { } session)
        {
            _session = null;
            using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
            await session.UnbindAsync(timeout.Token);
            await session.DisposeAsync();
        }

        _messages.Writer.TryComplete();
        _receipts.Writer.TryComplete();
        _stopping.Dispose();
    }

    private static async Task<string> SubmitPartAsync(SmppSession session, SubmitSm submit, CancellationToken cancellationToken)
    {
        var response = await session.SendRequestAsync(submit, windowed: true, cancellationToken);
        return response switch
        {
            { CommandStatus: not SmppCommandStatus.Ok } => throw new SmppCommandException(response.CommandStatus, "submit_sm"),
            SubmitSmResp ok => ok.MessageId,
            _ => throw new SmppException($"The SMSC answered submit_sm with {response.CommandId}.", isTransient: true),
        };
    }

    private Task<SmppSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        SmppSession.OpenAsync(_options, _time, _logger, OnDeliver, cancellationToken);

    private async Task SuperviseAsync(SmppSession session, CancellationToken stopping)
    {
        while (true)
        {
            Exception? reason;
            try
            {
                reason = await session.Closed.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _session = null;
            await session.DisposeAsync();
            _logger.LogWarning("SMPP link to {Host}:{Port} lost ({Reason}); reconnecting", _options.Host, _options.Port, reason?.Message ?? "closed");

            var delay = _options.ReconnectMinDelay;
            while (true)
            {
                try
                {
                    await Task.Delay(delay, _time, stopping);
                    session = await OpenSessionAsync(stopping);
                    _session = session;
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        _logger.LogInformation("SMPP link to {Host}:{Port} bound again", _options.Host, _options.Port);
                    }

                    break;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // Whatever went wrong, this loop is the only thing that brings the link back: it must not end.
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
                    _logger.LogWarning("SMPP reconnect to {Host}:{Port} failed ({Reason}); next try in {Delay}", _options.Host, _options.Port, ex.Message, delay);
                }
            }
        }
    }

    /// <summary>Runs on the session's read loop; the returned status goes back to the SMSC in deliver_sm_resp.</summary>
    private async ValueTask<uint> OnDeliver(DeliverSm deliver)
    {
        try
        {
            if ((deliver.EsmClass & EsmClass.DeliveryReceipt) != 0)
            {
                if (DeliveryReceiptParser.TryParse(deliver, _time.GetUtcNow()) is { } receipt)
                {
                    _receipts.Writer.TryWrite(receipt);
                }
                else
                {
                    _logger.LogWarning("A delivery receipt names no message id; ignored");
                }

                return SmppCommandStatus.Ok;
            }

            if (_reassembler.PurgeExpired() is > 0 and var expired)
            {
                _logger.LogWarning("Dropped {Count} concatenated inbound message(s) still missing parts after {Timeout}", expired, _options.ReassemblyTimeout);
            }

            if (_reassembler.Add(deliver) is { } message)
            {
                if (InboundHandler is { } handler)
                {
                    await handler(message, CancellationToken.None);
                }
                else
                {
                    _messages.Writer.TryWrite(message);
                }
            }

            return SmppCommandStatus.Ok;
        }
        catch (Exception ex)
        {
            // Asking the SMSC to redeliver later beats dropping the citizen's message without a trace.
            _logger.LogError(ex, "Could not handle deliver_sm from {Source}", AddressMask.Mask(deliver.SourceAddr));
            return SmppCommandStatus.TemporaryAppError;
        }
    }
}
