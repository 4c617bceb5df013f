namespace Sotong.Smpp;

/// <summary>
/// What became of one destination of <see cref="SmppClient.SubmitManyAsync"/>: the SMSC's message id when it accepted
/// the text, else why not — a <see cref="SmppCommandException"/> carrying the SMSC's command_status, or an
/// <see cref="SmppException"/> when the link failed or the response did not come in time. Once the SMSC answers one
/// submission of a list with 0x58 (throttled) or 0x14 (queue full), the rest of the list still queued is not sent:
/// those destinations carry the same status, for the caller to send again at its own pace.
/// </summary>
public readonly record struct SmppSubmission(string? MessageId, SmppException? Error)
{
    public bool IsAccepted => Error is null;
}
