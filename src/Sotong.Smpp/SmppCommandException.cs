namespace Sotong.Smpp;

/// <summary>The SMSC answered a request with a non-zero command_status.</summary>
public sealed class SmppCommandException : SmppException
{
    public SmppCommandException()
    {
    }

    public SmppCommandException(string message)
        : base(message)
    {
    }

    public SmppCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmppCommandException(uint commandStatus, string operation)
        : base(
            $"The SMSC refused {operation}: {SmppCommandStatus.Name(commandStatus)} (0x{commandStatus:X2}).",
            SmppCommandStatus.IsTransient(commandStatus))
    {
        CommandStatus = commandStatus;
        Operation = operation;
    }

    public uint CommandStatus { get; }

    public string Operation { get; } = "";
}
