namespace Sotong.Smpp;

/// <summary>A frame from the peer that cannot be an SMPP 3.4 PDU; the connection is out of step and must be dropped.</summary>
public sealed class SmppPduFormatException : SmppException
{
    public SmppPduFormatException()
    {
    }

    public SmppPduFormatException(string message)
        : base(message, isTransient: true)
    {
    }

    public SmppPduFormatException(string message, Exception innerException)
        : base(message, isTransient: true, innerException)
    {
    }
}
