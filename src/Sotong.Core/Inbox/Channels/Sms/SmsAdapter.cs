using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Replies;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Messaging;
using Sotong.Core.Messaging.Delivery;
using Sotong.Smpp;

namespace Sotong.Core.Inbox.Channels.Sms;

/// <summary>
/// The SMS short number over SMPP 3.4: texts from phones land in the inbox and are acknowledged to the SMSC only once
/// stored; replies go out with submit_sm (UCS2 for Korean, segmented) over the Messaging module's binds
/// (<see cref="SmppGateway"/>, configured by <c>Channels:Sms:*</c>; without a host the channel is simply off).
/// </summary>
internal sealed partial class SmsAdapter(InboxIntake intake, IEnumerable<IInboundSmsStep> steps, SmppGateway gateway, IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, ILogger<SmsAdapter> logger)
    : IChannelAdapter, ISmsInboundHandler, IDeliveryReceiptSink
{
    /// <summary>How long a reply waits for its receipt; carriers keep trying for a few days at most.</summary>
    private static readonly TimeSpan ReceiptWait = TimeSpan.FromDays(7);

    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Sms];

    public void MapWebhooks(IEndpointRouteBuilder hooks)
    {
        // SMS arrives over the SMPP bind, not a webhook.
    }

    public Task HandleAsync(SmppInboundMessage message, CancellationToken ct) => StoreAsync(message, ct);

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

    /// <summary>
    /// Delivery receipts turn a sent reply into delivered (or failed, with the carrier's status). Every receipt of every
    /// campaign passes here too, so the replies still waiting for one (a handful) are read once per batch of receipts
    /// and matched in memory, on any of their parts' ids.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<SmppDeliveryReceipt> receipts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var since = time.GetUtcNow().UtcDateTime - ReceiptWait;
            var waiting = await db.OutboundReplies.Where(r => r.Channel == InboxChannel.Sms && r.State == ReplyState.Sent && r.ProviderMessageId != null && r.CreatedAtUtc >= since)
                .ToListAsync(ct);
            if (waiting.Count == 0)
            {
                return;
            }
            var byPart = waiting.SelectMany(r => r.ProviderMessageId!.Split(',').Select(id => (id, r))).ToLookup(x => x.id, x => x.r, StringComparer.Ordinal);
            foreach (var receipt in receipts)
            {
                foreach (var reply in byPart[receipt.MessageId])
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
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            LogReceiptFailed(logger, e.Message);
        }
    }

    public async Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!gateway.IsConfigured)
        {
            return ReplyOutcome.Failed("The SMS channel is not connected.");
        }
        if (string.IsNullOrEmpty(target.RecipientId))
        {
            return ReplyOutcome.Failed("The citizen's phone number is not known.");
        }
        return await gateway.SubmitAsync(gateway.ShortNumber, target.RecipientId, target.Text, ct) switch
        {
            SubmitResult.Accepted ok => ReplyOutcome.Ok(string.Join(",", ok.MessageIds)),
            SubmitResult.Refused refused => ReplyOutcome.Failed($"SMSC refused the message: 0x{refused.Status:X2} {SmppCommandStatus.Name(refused.Status)}"),
            SubmitResult.Unavailable down => ReplyOutcome.Failed("SMSC unreachable: " + down.Reason),
            _ => ReplyOutcome.Failed("Unknown submission result."),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS delivery receipt could not be recorded: {Reason}")]
    private static partial void LogReceiptFailed(ILogger logger, string reason);
}
