using Microsoft.AspNetCore.Routing;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels;

/// <summary>What an adapter needs to send one reply: where it goes and what it says.</summary>
public sealed record ReplyTarget(
    Guid MessageId,
    string ReceiptNumber,
    InboxChannel Channel,
    MessageKind Kind,
    string ProviderMessageId,
    string? ReplyContext,
    string? RecipientId,
    ChannelAccountSecrets? Account,
    string Text,
    bool UseHumanAgentTag);

/// <summary>What the platform said: accepted with its id, or refused with a reason worth showing the officer.</summary>
public sealed record ReplyOutcome(bool Sent, string? ProviderMessageId, string? Error)
{
    public static ReplyOutcome Ok(string? id) => new(true, id, null);

    public static ReplyOutcome Failed(string error) => new(false, null, error);
}

/// <summary>
/// One channel: its webhook endpoints and its reply call. Adapters are found by assembly scan, so adding a channel
/// is adding a folder.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>The inbox channels this adapter receives and answers.</summary>
    IReadOnlyCollection<InboxChannel> Channels { get; }

    /// <summary>Maps the adapter's webhook endpoints under <c>/hooks</c>.</summary>
    void MapWebhooks(IEndpointRouteBuilder hooks);

    Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct);
}
