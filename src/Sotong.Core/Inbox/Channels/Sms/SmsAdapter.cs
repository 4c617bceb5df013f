using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Smpp;

namespace Sotong.Core.Inbox.Channels.Sms;

/// <summary>
/// The SMS short number over SMPP 3.4 (our own <see cref="SmppClient"/>): texts from phones land in the inbox and
/// are acknowledged to the SMSC only once stored; replies go out with submit_sm (UCS2 for Korean, segmented).
/// Configured by <c>Channels:Sms:*</c>; without a host the channel is simply off.
/// </summary>
internal sealed partial class SmsAdapter(InboxIntake intake, IConfiguration configuration, ILoggerFactory loggers, TimeProvider time) : IChannelAdapter, IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<SmsAdapter>();
    private SmppClient? _client;

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

    private async Task StoreAsync(SmppInboundMessage message, CancellationToken ct) =>
        await intake.AcceptAsync([new InboundMessage(InboxChannel.Sms, ProviderIdFor(message), new IdentityValue(IdentityKind.Phone, message.SourceAddress),
            message.Text, message.ReceivedAt.UtcDateTime, MessageKind.Text)], ct);

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
            await client.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS channel bound to {Host}")]
    private static partial void LogBound(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS channel could not bind to {Host}: {Reason}")]
    private static partial void LogBindFailed(ILogger logger, string host, string reason);
}
