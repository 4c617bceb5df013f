using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Sotong.Smpp.Pdus;

namespace Sotong.Smpp.Session;

/// <summary>
/// One TCP connection and its bind. It never reconnects itself: when anything goes wrong it closes, fails what is
/// in flight, and completes <see cref="Closed"/>, and <see cref="SmppClient"/> opens a new one.
/// </summary>
internal sealed class SmppSession : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SmppClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<DeliverSm, ValueTask<uint>> _onDeliver;
    // Frames wait here for the one writer loop, which sends everything queued in one socket write: at tens of thousands
    // of submit_sm a second, a write (and a lock) per PDU is where the time goes.
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>();
    private readonly SemaphoreSlim _window;
    private readonly ConcurrentDictionary<uint, IPendingResponse> _pending = new();
    // Bulk submissions waiting for a window slot. They are written by whoever frees a slot (the read loop, as each
    // response comes in), so a bulk send costs no task and no thread-pool hop per message.
    private readonly Queue<BulkItem> _bulkQueue = new();
    private readonly Lock _bulkGate = new();
    private int _bulkQueued;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private Task _timeoutLoop = Task.CompletedTask;
    private Task _keepAliveLoop = Task.CompletedTask;
    private int _sequence;
    private int _isClosed;
    private volatile bool _isBound;

    private SmppSession(TcpClient tcp, SmppClientOptions options, TimeProvider time, ILogger logger, Func<DeliverSm, ValueTask<uint>> onDeliver)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _options = options;
        _time = time;
        _logger = logger;
        _onDeliver = onDeliver;
        _window = new SemaphoreSlim(options.Window, options.Window);
    }

    public bool IsBound => _isBound;

    /// <summary>Completes once the connection is gone, with why (null for a close we asked for).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Connects and binds as a transceiver; <paramref name="onDeliver"/> returns the deliver_sm_resp status.</summary>
    public static async Task<SmppSession> OpenAsync(
        SmppClientOptions options, TimeProvider time, ILogger logger, Func<DeliverSm, ValueTask<uint>> onDeliver, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(options.ResponseTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await tcp.ConnectAsync(options.Host, options.Port, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new SmppException($"Could not connect to {options.Host}:{options.Port} within {options.ResponseTimeout}.", isTransient: true);
        }
        catch (SocketException ex)
        {
            tcp.Dispose();
            throw new SmppException($"Could not connect to {options.Host}:{options.Port}: {ex.SocketErrorCode}.", isTransient: true, ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        var session = new SmppSession(tcp, options, time, logger, onDeliver);
        session._readLoop = session.ReadLoopAsync();
        session._writeLoop = session.WriteLoopAsync();
        session._timeoutLoop = session.SweepTimeoutsAsync();
        try
        {
            await session.BindAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a request and waits for its response, which may carry an error status; the caller checks it.</summary>
    public async Task<Pdu> SendRequestAsync(Pdu request, bool windowed, CancellationToken cancellationToken)
    {
        if (windowed && !_window.Wait(0, CancellationToken.None))
        {
            // Only a caller that can cancel pays for a linked token; the session's own closing always ends the wait.
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token) : null;
            try
            {
                await _window.WaitAsync(linked?.Token ?? _closing.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw ConnectionClosed();
            }
        }

        var sequence = NextSequence();
        var response = new PendingRequest(request.CommandId, _time.GetTimestamp());
        _pending[sequence] = response;
        try
        {
            // Close may have swept _pending just before we joined it.
            if (Volatile.Read(ref _isClosed) == 1)
            {
                throw ConnectionClosed();
            }

            Write(request with { SequenceNumber = sequence });
            // The response timeout is kept by one sweep over the pending requests (SweepTimeoutsAsync), not a timer each.
            return cancellationToken.CanBeCanceled ? await response.Task.WaitAsync(cancellationToken) : await response.Task;
        }
        finally
        {
            _pending.TryRemove(sequence, out _);
            if (windowed)
            {
                _window.Release();
                PumpBulk();
            }
        }
    }

    /// <summary>
    /// Submits one prepared submit_sm to each destination through the window, as slots free up, and completes once every
    /// destination has its outcome (accepted, refused, or failed with the link or the response timeout). Destinations
    /// must already be valid (<see cref="SubmitSmTemplate.IsValidDestination"/>).
    /// </summary>
    public Task<SmppSubmission[]> SubmitBulkAsync(SubmitSmTemplate template, IReadOnlyList<string> destinations)
    {
        var bulk = new BulkSubmission(template, destinations.Count);
        if (destinations.Count == 0)
        {
            return bulk.Task;
        }
        lock (_bulkGate)
        {
            for (var i = 0; i < destinations.Count; i++)
            {
                _bulkQueue.Enqueue(new BulkItem(bulk, i, destinations[i]));
            }
            Volatile.Write(ref _bulkQueued, _bulkQueue.Count);
        }
        if (Volatile.Read(ref _isClosed) == 1)
        {
            FailQueuedBulk(ConnectionClosed());
        }
        PumpBulk();
        return bulk.Task;
    }

    /// <summary>Queues bulk submissions for the writer loop while the window has room.</summary>
    private void PumpBulk()
    {
        if (Volatile.Read(ref _bulkQueued) == 0)
        {
            return;
        }
        lock (_bulkGate)
        {
            while (_bulkQueue.Count > 0 && Volatile.Read(ref _isClosed) == 0 && _isBound)
            {
                if (_bulkQueue.Peek().Owner.HaltedBy is { } status)
                {
                    // The SMSC pushed back on this list: the rest is handed back unsent, for the caller to pace.
                    _bulkQueue.Dequeue().TrySetException(new SmppCommandException(status, "submit_sm"));
                    continue;
                }
                if (!_window.Wait(0, CancellationToken.None))
                {
                    break;
                }
                var item = _bulkQueue.Dequeue();
                var sequence = NextSequence();
                item.SentAt = _time.GetTimestamp();
                _pending[sequence] = item;
                if (!_outgoing.Writer.TryWrite(item.Owner.Template.Frame(item.Destination, sequence)) && _pending.TryRemove(sequence, out _))
                {
                    _window.Release();
                    item.TrySetException(ConnectionClosed());
                }
            }
            Volatile.Write(ref _bulkQueued, _bulkQueue.Count);
        }
        // Close may have swept _pending just before an item joined it.
        if (Volatile.Read(ref _isClosed) == 1)
        {
            FailPending(ConnectionClosed());
            FailQueuedBulk(ConnectionClosed());
        }
    }

    private void FailQueuedBulk(Exception failure)
    {
        List<BulkItem> failed;
        lock (_bulkGate)
        {
            failed = [.. _bulkQueue];
            _bulkQueue.Clear();
            Volatile.Write(ref _bulkQueued, 0);
        }
        foreach (var item in failed)
        {
            item.TrySetException(failure);
        }
    }

    private void FailPending(Exception failure)
    {
        foreach (var sequence in _pending.Keys)
        {
            if (_pending.TryRemove(sequence, out var waiting))
            {
                waiting.TrySetException(failure);
            }
        }
    }

    /// <summary>Unbinds politely (bounded by the response timeout) and closes.</summary>
    public async Task UnbindAsync(CancellationToken cancellationToken)
    {
        if (_isBound)
        {
            _isBound = false;
            try
            {
                await SendRequestAsync(new Unbind(), windowed: false, cancellationToken);
            }
            catch (Exception ex) when (ex is SmppException or OperationCanceledException)
            {
                _logger.LogDebug(ex, "The SMSC did not answer unbind; closing anyway");
            }
        }

        Close(null);
    }

    public async ValueTask DisposeAsync()
    {
        Close(null);
        // The token source and semaphores stay undisposed: a late SubmitAsync may still touch them, and
        // without a timer or wait handle they hold nothing to release.
        await Task.WhenAll(_readLoop, _writeLoop, _timeoutLoop, _keepAliveLoop);
    }

    private async Task BindAsync(CancellationToken cancellationToken)
    {
        var bind = new BindTransceiver(_options.SystemId, _options.Password, _options.SystemType);
        var response = await SendRequestAsync(bind, windowed: false, cancellationToken);
        if (response.CommandStatus != SmppCommandStatus.Ok)
        {
            throw new SmppCommandException(response.CommandStatus, "bind_transceiver");
        }

        if (response is not BindTransceiverResp)
        {
            throw new SmppException($"The SMSC answered bind_transceiver with {response.CommandId}.", isTransient: true);
        }

        _isBound = true;
        _keepAliveLoop = KeepAliveLoopAsync();
    }

    private async Task ReadLoopAsync()
    {
        Exception? reason;
        try
        {
            // The reader buffers: one socket read brings in every response that has arrived, not two reads per PDU.
            var reader = new PduFrameReader(_stream);
            while (true)
            {
                var pdu = await reader.ReadAsync(_closing.Token);
                if (pdu is null)
                {
                    reason = new SmppException("The SMSC closed the connection.", isTransient: true);
                    break;
                }

                await DispatchAsync(pdu);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            return;
        }
        catch (SmppPduFormatException ex)
        {
            // The byte stream is out of step now; only a new connection can resynchronise it.
            _logger.LogWarning(ex, "Malformed PDU from the SMSC at {Host}:{Port}; dropping the connection", _options.Host, _options.Port);
            reason = ex;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or SmppException)
        {
            reason = ex;
        }

        Close(reason);
    }

    private async Task DispatchAsync(Pdu pdu)
    {
        switch (pdu)
        {
            case { IsResponse: true }:
                if (_pending.TryRemove(pdu.SequenceNumber, out var waiting))
                {
                    waiting.TrySetResult(pdu);
                    if (waiting is BulkItem)
                    {
                        // A bulk item's slot is freed by whoever takes it out of _pending; the next one goes at once.
                        _window.Release();
                        PumpBulk();
                    }
                }
                else if (pdu is GenericNack)
                {
                    _logger.LogWarning("The SMSC sent generic_nack 0x{Status:X2} for sequence {Sequence}", pdu.CommandStatus, pdu.SequenceNumber);
                }
                else if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.LogDebug("Response {Command} for sequence {Sequence} came after its caller stopped waiting", pdu.CommandId, pdu.SequenceNumber);
                }

                break;
            case EnquireLink:
                Write(new EnquireLinkResp { SequenceNumber = pdu.SequenceNumber });
                break;
            case DeliverSm deliver:
                // Awaited before the resp: with an inbound handler, the SMSC hears "OK" only once the text is stored.
                var status = await _onDeliver(deliver);
                Write(new DeliverSmResp { SequenceNumber = pdu.SequenceNumber, CommandStatus = status });
                break;
            case Unbind:
                _isBound = false;
                Write(new UnbindResp { SequenceNumber = pdu.SequenceNumber });
                await FlushAsync();
                throw new SmppException("The SMSC unbound the session.", isTransient: true);
            default:
                Write(new GenericNack { SequenceNumber = pdu.SequenceNumber, CommandStatus = SmppCommandStatus.InvalidCommandId });
                break;
        }
    }

    /// <summary>Fails every request that has waited longer than the response timeout; ticks four times per timeout.</summary>
    private async Task SweepTimeoutsAsync()
    {
        var limit = (long)(_options.ResponseTimeout.TotalSeconds * _time.TimestampFrequency);
        using var timer = new PeriodicTimer(_options.ResponseTimeout / 4, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                var now = _time.GetTimestamp();
                var freed = false;
                foreach (var (sequence, waiting) in _pending)
                {
                    if (now - waiting.SentAt < limit)
                    {
                        continue;
                    }
                    var timedOut = new SmppException($"No response to {waiting.CommandId} within {_options.ResponseTimeout}.", isTransient: true);
                    if (waiting is not BulkItem)
                    {
                        waiting.TrySetException(timedOut); // its caller takes it out of _pending and frees its slot
                    }
                    else if (_pending.TryRemove(sequence, out _))
                    {
                        waiting.TrySetException(timedOut);
                        _window.Release();
                        freed = true;
                    }
                }
                if (freed)
                {
                    PumpBulk();
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
    }

    private async Task KeepAliveLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.EnquireLinkInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                await SendRequestAsync(new EnquireLink(), windowed: false, _closing.Token);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (SmppException ex)
        {
            if (Volatile.Read(ref _isClosed) == 0)
            {
                _logger.LogWarning("enquire_link to {Host}:{Port} went unanswered; the link is dead: {Reason}", _options.Host, _options.Port, ex.Message);
            }

            Close(ex);
        }
    }

    /// <summary>Queues a PDU for the writer loop; a closed session refuses it (its callers are failed by Close).</summary>
    private void Write(Pdu pdu)
    {
        if (Volatile.Read(ref _isClosed) == 1 || !_outgoing.Writer.TryWrite(PduCodec.Encode(pdu)))
        {
            throw ConnectionClosed();
        }
    }

    /// <summary>Waits (briefly) until everything queued so far has gone to the socket, e.g. before closing after unbind_resp.</summary>
    private async Task FlushAsync()
    {
        for (var i = 0; i < 100 && _outgoing.Reader.Count > 0 && Volatile.Read(ref _isClosed) == 0; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), _time);
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_closing.Token))
            {
                buffer.ResetWrittenCount();
                while (buffer.WrittenCount < 60 * 1024 && reader.TryRead(out var frame))
                {
                    buffer.Write(frame);
                }
                // Only the session's own token: cancelling a socket write halfway would leave half a frame on the wire.
                await _stream.WriteAsync(buffer.WrittenMemory, _closing.Token);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Close(ex);
        }
    }

    private uint NextSequence()
    {
        // Sequence numbers run 1..0x7FFFFFFF and then wrap (§5.1.4).
        var next = (uint)Interlocked.Increment(ref _sequence) & 0x7FFFFFFF;
        return next == 0 ? (uint)Interlocked.Increment(ref _sequence) & 0x7FFFFFFF : next;
    }

    private void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _isClosed, 1) == 1)
        {
            return;
        }

        _isBound = false;
        _outgoing.Writer.TryComplete();
        _closing.Cancel();
        _tcp.Dispose();
        var failure = ConnectionClosed(reason);
        FailPending(failure);
        FailQueuedBulk(failure);
        _closed.TrySetResult(reason);
    }

    /// <summary>Something waiting for a response: what it sent and when (for the timeout sweep), and how to finish it.</summary>
    private interface IPendingResponse
    {
        CommandId CommandId { get; }

        long SentAt { get; }

        bool TrySetResult(Pdu pdu);

        bool TrySetException(Exception exception);
    }

    /// <summary>A request whose caller awaits its response.</summary>
    private sealed class PendingRequest(CommandId commandId, long sentAt)
        : TaskCompletionSource<Pdu>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingResponse
    {
        public CommandId CommandId { get; } = commandId;
        public long SentAt { get; } = sentAt;
    }

    /// <summary>One call of <see cref="SubmitBulkAsync"/>: the outcomes, in the destinations' order, and how many are still open.</summary>
    private sealed class BulkSubmission(SubmitSmTemplate template, int count)
    {
        private readonly SmppSubmission[] _outcomes = new SmppSubmission[count];
        private readonly TaskCompletionSource<SmppSubmission[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _open = count;

        public SubmitSmTemplate Template { get; } = template;

        public Task<SmppSubmission[]> Task => _open == 0 ? System.Threading.Tasks.Task.FromResult(_outcomes) : _done.Task;

        private long _haltedBy = -1;

        /// <summary>Set by the first 0x58 or 0x14 answer: what is still queued of this list is not sent.</summary>
        public uint? HaltedBy => Interlocked.Read(ref _haltedBy) is >= 0 and var status ? (uint)status : null;

        public void Halt(uint status) => Interlocked.CompareExchange(ref _haltedBy, status, -1);

        public void Set(int index, SmppSubmission outcome)
        {
            _outcomes[index] = outcome;
            if (Interlocked.Decrement(ref _open) == 0)
            {
                _done.TrySetResult(_outcomes);
            }
        }
    }

    /// <summary>One destination of a bulk submission; finished exactly once.</summary>
    private sealed class BulkItem(BulkSubmission owner, int index, string destination) : IPendingResponse
    {
        private int _finished;

        public BulkSubmission Owner { get; } = owner;
        public string Destination { get; } = destination;
        public CommandId CommandId => CommandId.SubmitSm;
        public long SentAt { get; set; }

        public bool TrySetResult(Pdu pdu)
        {
            if (pdu.CommandStatus is SmppCommandStatus.Throttled or SmppCommandStatus.MessageQueueFull)
            {
                Owner.Halt(pdu.CommandStatus);
            }
            return Finish(pdu switch
            {
                { CommandStatus: not SmppCommandStatus.Ok } => new SmppSubmission(null, new SmppCommandException(pdu.CommandStatus, "submit_sm")),
                SubmitSmResp ok => new SmppSubmission(ok.MessageId, null),
                _ => new SmppSubmission(null, new SmppException($"The SMSC answered submit_sm with {pdu.CommandId}.", isTransient: true)),
            });
        }

        public bool TrySetException(Exception exception) => Finish(new SmppSubmission(null,
            exception as SmppException ?? new SmppException(exception.Message, isTransient: true, exception)));

        private bool Finish(SmppSubmission outcome)
        {
            if (Interlocked.Exchange(ref _finished, 1) == 1)
            {
                return false;
            }
            Owner.Set(index, outcome);
            return true;
        }
    }

    private static SmppException ConnectionClosed(Exception? reason = null) =>
        new("The SMPP connection closed before the SMSC answered.", isTransient: true, reason);
}
