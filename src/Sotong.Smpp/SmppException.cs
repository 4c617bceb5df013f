namespace Sotong.Smpp;

/// <summary>
/// An SMPP failure. <see cref="IsTransient"/> tells a caller whether the same request may succeed later
/// (connection lost, no response in time, throttled) or will fail again as it is.
/// </summary>
public class SmppException : Exception
{
    public SmppException()
    {
    }

    public SmppException(string message)
        : base(message)
    {
    }

    public SmppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmppException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
