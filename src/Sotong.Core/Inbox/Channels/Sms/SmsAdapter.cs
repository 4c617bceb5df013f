using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Messaging;
using Sotong.Smpp;

namespace Sotong.Core.Inbox.Channels.Sms;

/// <summary>
/// The SMS short number over SMPP 3.4 (our own <see cref="SmppClient"/>): texts from phones land in the inbox and
/// are acknowledged to the SMSC only once stored; replies go out with submit_sm (UCS2 for Korean, segmented).
/// Configured by <c>Channels:Sms:*</c>; without a host the channel is simply off.
/// </summary>
internal sealed partial class SmsAdapter(InboxIntake intake, IEnumerable<IInboundSmsStep> steps, IDbContextFactory<SotongDbContext> dbFactory, IConfiguration configuration, ILoggerFactory loggers, TimeProvider time)
    : IChannelAdapter, IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<SmsAdapter>();
    private SmppClient? _client;
    private Task? _receipts;

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Sms];

    private IConfigurationSection Settings => configuration.GetSection("Channels:Sms");

    /// <summary>The registered sender number replies go out from (the short number citizens text).</summary>
    private string ShortNumber => Settings["ShortNumber"] ?? "";

    public void MapWebhooks(IEndpointRouteBuilder hooks)
    {
        // SMS arrives over the SMPP bind, not a webhook.
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var host = Settings["Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            return;
        }
        var client = new SmppClient(new SmppClientOptions
        {
            Host = host,
            Port = Settings.GetValue("Port", 2775),
            SystemId = Settings["SystemId"] ?? "",
            Password = Settings["Password"] ?? "",
            SystemType = Settings["SystemType"] ?? "",
        }, loggers.CreateLogger<SmppClient>(), time)
        {
            InboundHandler = StoreAsync,
        };
        try
        {
            await client.ConnectAsync(cancellationToken);
            _client = client;
            _receipts = Task.Run(() => TrackReceiptsAsync(client), CancellationToken.None); // lives as long as the client
            LogBound(_logger, host);
        }
        catch (SmppException e)
        {
            // The rest of Sotong runs without SMS; the health of the bind shows in the log until it is fixed.
            LogBindFailed(_logger, host, e.Message);
            await client.DisposeAsync();
        }
    }

    /// <summary>
    /// SMPP gives a text no id of its own; one is derived from sender, number, text and minute, so an SMSC that
    /// redelivers (because our response was lost) does not create a second message.
    /// </summary>
    internal static string ProviderIdFor(SmppInboundMessage message) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{message.SourceAddress}|{message.DestinationAddress}|{message.ReceivedAt.UtcDateTime:yyyyMMddHHmm}|{message.Text}")))[..40];

    private readonly IReadOnlyList<IInboundSmsStep> _steps = [.. steps.OrderBy(s => s.Order)];

    /// <summary>
    /// Each module's step looks first (an opt-out keyword is handled and goes no further; a campaign reply gets its
    /// companion row); the rest becomes an inbox message. Runs before deliver_sm_resp, so all of it is durable first.
    /// </summary>
    private async Task StoreAsync(SmppInboundMessage message, CancellationToken ct)
    {
        var sms = new InboundSms(message.SourceAddress, message.DestinationAddress, message.Text, message.ReceivedAt.UtcDateTime);
        Func<Guid, object>? companion = null;
        foreach (var step in _steps)
        {
            var outcome = await step.InspectAsync(sms, ct);
            if (outcome is InboundSmsOutcome.HandledOutcome)
            {
                return;
            }
            if (outcome is InboundSmsOutcome.AttachOutcome attach)
            {
                companion = attach.Companion;
                break;
            }
        }
        await intake.AcceptAsync([new InboundMessage(InboxChannel.Sms, ProviderIdFor(message), new IdentityValue(IdentityKind.Phone, message.SourceAddress),
            message.Text, message.ReceivedAt.UtcDateTime, MessageKind.Text) { Companion = companion }], ct);
    }

    /// <summary>Delivery receipts turn a sent reply into delivered (or failed, with the carrier's status).</summary>
    private async Task TrackReceiptsAsync(SmppClient client)
    {
        await foreach (var receipt in client.Receipts.ReadAllAsync())
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var id = receipt.MessageId;
                var replies = await db.OutboundReplies.Where(r => r.Channel == InboxChannel.Sms && r.ProviderMessageId != null
                    && (r.ProviderMessageId == id || r.ProviderMessageId.StartsWith(id + ",") || r.ProviderMessageId.EndsWith("," + id) || r.ProviderMessageId.Contains("," + id + ","))).ToListAsync();
                foreach (var reply in replies.Where(r => r.State is ReplyState.Sent or ReplyState.Delivered))
                {
                    if (receipt.IsDelivered)
                    {
                        reply.State = ReplyState.Delivered;
                    }
                    else
                    {
                        reply.State = ReplyState.Failed;
                        reply.Error = $"Carrier reported {receipt.Status} (error {receipt.ErrorCode}).";
                    }
                }
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e)
            {
                LogReceiptFailed(_logger, e.Message);
            }
        }
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_client is null)
        {
            return ReplyOutcome.Failed("The SMS channel is not connected.");
        }
        if (string.IsNullOrEmpty(target.RecipientId))
        {
            return ReplyOutcome.Failed("The citizen's phone number is not known.");
        }
        try
        {
            var ids = await _client.SubmitAsync(ShortNumber, target.RecipientId, target.Text, requestDeliveryReceipt: true, ct);
            return ReplyOutcome.Ok(string.Join(",", ids));
        }
        catch (SmppCommandException e)
        {
            return ReplyOutcome.Failed($"SMSC refused the message: 0x{e.CommandStatus:X2} {SmppCommandStatus.Name(e.CommandStatus)}");
        }
        catch (SmppException e)
        {
            return ReplyOutcome.Failed("SMSC unreachable: " + e.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await client.DisposeAsync(); // completes Receipts, which ends the tracking loop
        }
        if (_receipts is { } receipts)
        {
            await receipts;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS delivery receipt could not be recorded: {Reason}")]
    private static partial void LogReceiptFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS channel bound to {Host}")]
    private static partial void LogBound(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS channel could not bind to {Host}: {Reason}")]
    private static partial void LogBindFailed(ILogger logger, string host, string reason);
}
