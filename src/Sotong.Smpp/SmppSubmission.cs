namespace Sotong.Smpp;

/// <summary>
/// What became of one destination of <see cref="SmppClient.SubmitManyAsync"/>: the SMSC's message id when it accepted
/// the text, else why not — a <see cref="SmppCommandException"/> carrying the SMSC's command_status, or an
/// <see cref="SmppException"/> when the link failed or the response did not come in time.
/// </summary>
public readonly record struct SmppSubmission(string? MessageId, SmppException? Error)
{
    public bool IsAccepted => Error is null;
}
