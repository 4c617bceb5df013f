using Sotong.Smpp.Pdus;

namespace Sotong.Smpp;

/// <summary>Where and how <see cref="SmppClient"/> binds. Settable so it can be bound from configuration.</summary>
public sealed record SmppClientOptions
{
    public string Host { get; init; } = "";

    public int Port { get; init; } = 2775;

    public string SystemId { get; init; } = "";

    public string Password { get; init; } = "";

    public string SystemType { get; init; } = "";

    /// <summary>How often we send enquire_link; an unanswered one means the link is dead.</summary>
    public TimeSpan EnquireLinkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request (bind, submit_sm, enquire_link, unbind) and a TCP connect may take.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>submit_sm allowed in flight at once; throughput per bind is about window ÷ round trip.</summary>
    public int Window { get; init; } = 10;

    /// <summary>How long the parts of a concatenated inbound message are kept waiting for the rest.</summary>
    public TimeSpan ReassemblyTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Type of number for our sender address; 0 (unknown) lets the SMSC decide, which suits short codes.</summary>
    public byte SourceAddressTon { get; init; }

    /// <summary>Numbering plan for our sender address; 1 is E.164/ISDN.</summary>
    public byte SourceAddressNpi { get; init; } = 1;

    public byte DestinationAddressTon { get; init; }

    public byte DestinationAddressNpi { get; init; } = 1;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("SMPP Host is required.", nameof(Host));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        RequireLength(SystemId, PduCodec.SystemIdMax, nameof(SystemId));
        RequireLength(Password, PduCodec.PasswordMax, nameof(Password));
        RequireLength(SystemType, PduCodec.SystemTypeMax, nameof(SystemType));
        RequirePositive(EnquireLinkInterval, nameof(EnquireLinkInterval));
        RequirePositive(ResponseTimeout, nameof(ResponseTimeout));
        RequirePositive(ReconnectMinDelay, nameof(ReconnectMinDelay));
        RequirePositive(ReassemblyTimeout, nameof(ReassemblyTimeout));
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            throw new ArgumentException("ReconnectMaxDelay must not be shorter than ReconnectMinDelay.", nameof(ReconnectMaxDelay));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
    }

    private static void RequireLength(string value, int maxWithNul, string name)
    {
        if (value.Length >= maxWithNul)
        {
            throw new ArgumentException($"SMPP {name} may have at most {maxWithNul - 1} characters.", name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"SMPP {name} must be positive.");
        }
    }
}
