namespace Sotong.Smpp.Pdus;

/// <summary>One SMPP PDU: the header's status and sequence number plus a typed body.</summary>
internal abstract record Pdu
{
    public const int HeaderLength = 16;

    public uint SequenceNumber { get; init; }

    public uint CommandStatus { get; init; }

    public abstract CommandId CommandId { get; }

    public bool IsResponse => ((uint)CommandId & 0x80000000) != 0;
}

internal sealed record BindTransceiver(string SystemId, string Password, string SystemType) : Pdu
{
    public const byte SmppVersion34 = 0x34;

    public byte InterfaceVersion { get; init; } = SmppVersion34;

    public byte AddrTon { get; init; }

    public byte AddrNpi { get; init; }

    public string AddressRange { get; init; } = "";

    public override CommandId CommandId => CommandId.BindTransceiver;
}

internal sealed record BindTransceiverResp(string SystemId) : Pdu
{
    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];

    public override CommandId CommandId => CommandId.BindTransceiverResp;
}

internal sealed record EnquireLink : Pdu
{
    public override CommandId CommandId => CommandId.EnquireLink;
}

internal sealed record EnquireLinkResp : Pdu
{
    public override CommandId CommandId => CommandId.EnquireLinkResp;
}

internal sealed record Unbind : Pdu
{
    public override CommandId CommandId => CommandId.Unbind;
}

internal sealed record UnbindResp : Pdu
{
    public override CommandId CommandId => CommandId.UnbindResp;
}

internal sealed record GenericNack : Pdu
{
    public override CommandId CommandId => CommandId.GenericNack;
}

/// <summary>A command this library does not implement; kept so a request can be answered with generic_nack.</summary>
internal sealed record UnknownPdu(uint RawCommandId) : Pdu
{
    public override CommandId CommandId => (CommandId)RawCommandId;
}

/// <summary>submit_sm and deliver_sm share one body layout (§4.4.1, §4.6.1).</summary>
internal abstract record ShortMessagePdu : Pdu
{
    public string ServiceType { get; init; } = "";

    public byte SourceAddrTon { get; init; }

    public byte SourceAddrNpi { get; init; }

    public string SourceAddr { get; init; } = "";

    public byte DestAddrTon { get; init; }

    public byte DestAddrNpi { get; init; }

    public string DestinationAddr { get; init; } = "";

    public byte EsmClass { get; init; }

    public byte ProtocolId { get; init; }

    public byte PriorityFlag { get; init; }

    public string ScheduleDeliveryTime { get; init; } = "";

    public string ValidityPeriod { get; init; } = "";

    public byte RegisteredDelivery { get; init; }

    public byte ReplaceIfPresentFlag { get; init; }

    public byte DataCoding { get; init; }

    public byte SmDefaultMsgId { get; init; }

    public ReadOnlyMemory<byte> ShortMessage { get; init; }

    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];
}

internal sealed record SubmitSm : ShortMessagePdu
{
    public override CommandId CommandId => CommandId.SubmitSm;
}

internal sealed record SubmitSmResp(string MessageId) : Pdu
{
    public override CommandId CommandId => CommandId.SubmitSmResp;
}

internal sealed record DeliverSm : ShortMessagePdu
{
    public override CommandId CommandId => CommandId.DeliverSm;
}

internal sealed record DeliverSmResp : Pdu
{
    public override CommandId CommandId => CommandId.DeliverSmResp;
}

/// <summary>esm_class bits this library reads or sets (§5.2.12).</summary>
internal static class EsmClass
{
    public const byte DeliveryReceipt = 0x04;
    public const byte UdhIndicator = 0x40;
}
