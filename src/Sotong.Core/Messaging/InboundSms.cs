namespace Sotong.Core.Messaging;

/// <summary>A text a phone sent to one of the city's numbers, before it becomes an inbox message.</summary>
public sealed record InboundSms(string From, string To, string Text, DateTime ReceivedAtUtc);

/// <summary>What a step decided about an inbound text.</summary>
public abstract record InboundSmsOutcome
{
    /// <summary>Not mine: the next step, and in the end the inbox, sees it.</summary>
    public static readonly InboundSmsOutcome Pass = new PassOutcome();

    /// <summary>Handled and stored by the step (an opt-out keyword); it does not become an inbox message.</summary>
    public static readonly InboundSmsOutcome Handled = new HandledOutcome();

    /// <summary>
    /// Goes to the inbox with a companion row made from the stored message's id and written in the same transaction
    /// (a reply linked to a campaign, a participation entry).
    /// </summary>
    public static InboundSmsOutcome Attach(Func<Guid, object> companion) => new AttachOutcome(companion);

    public sealed record PassOutcome : InboundSmsOutcome;

    public sealed record HandledOutcome : InboundSmsOutcome;

    public sealed record AttachOutcome(Func<Guid, object> Companion) : InboundSmsOutcome;
}

/// <summary>
/// A module's look at every inbound text before the inbox stores it, in <see cref="Order"/> (opt-out keywords first,
/// then campaign replies). The SMSC's deliver_sm is acknowledged only after the steps and the inbox are done, so a
/// step that stores something must make it durable before it returns, and must be idempotent: the SMSC redelivers a
/// text whose acknowledgement was lost.
/// </summary>
public interface IInboundSmsStep
{
    int Order { get; }

    Task<InboundSmsOutcome> InspectAsync(InboundSms sms, CancellationToken ct);
}
