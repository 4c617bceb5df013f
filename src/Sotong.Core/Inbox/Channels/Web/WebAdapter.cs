using Microsoft.AspNetCore.Routing;

namespace Sotong.Core.Inbox.Channels.Web;

/// <summary>The web form: the answer is delivered on the citizen's follow page, so "sending" is storing it.</summary>
internal sealed class WebAdapter : IChannelAdapter
{
    public IReadOnlyCollection<InboxChannel> Channels { get; } = [InboxChannel.Web];

    public void MapWebhooks(IEndpointRouteBuilder hooks)
    {
        // The web form has its own endpoint (POST /api/v1/messages) and no webhook.
    }

    public Task<ReplyOutcome> SendReplyAsync(ReplyTarget target, CancellationToken ct) => Task.FromResult(ReplyOutcome.Ok(null));
}
