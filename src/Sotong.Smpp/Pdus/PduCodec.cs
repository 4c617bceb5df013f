using System.Buffers.Binary;

namespace Sotong.Smpp.Pdus;

/// <summary>Turns PDUs into frames and frames into PDUs (SMPP 3.4 §4).</summary>
internal static class PduCodec
{
    /// <summary>Far above any real PDU (a full message_payload is ~64 KiB only in theory) and low enough that a corrupt length cannot make us allocate much.</summary>
    public const int DefaultMaxFrameLength = 64 * 1024;

    // C-octet string limits from the specification's tables; each counts the terminating NUL.
    public const int SystemIdMax = 16;
    public const int PasswordMax = 9;
    public const int SystemTypeMax = 13;
    public const int AddressRangeMax = 41;
    public const int ServiceTypeMax = 6;
    public const int AddressMax = 21;
    public const int TimeMax = 17;
    public const int MessageIdMax = 65;
    public const int ShortMessageMax = 254;

    public static byte[] Encode(Pdu pdu)
    {
        var writer = new PduWriter();
        writer.WriteUInt32(0);
        writer.WriteUInt32((uint)pdu.CommandId);
        writer.WriteUInt32(pdu.CommandStatus);
        writer.WriteUInt32(pdu.SequenceNumber);
        switch (pdu)
        {
            case BindTransceiver bind:
                writer.WriteCString(bind.SystemId, SystemIdMax, "system_id");
                writer.WriteCString(bind.Password, PasswordMax, "password");
                writer.WriteCString(bind.SystemType, SystemTypeMax, "system_type");
                writer.WriteByte(bind.InterfaceVersion);
                writer.WriteByte(bind.AddrTon);
                writer.WriteByte(bind.AddrNpi);
                writer.WriteCString(bind.AddressRange, AddressRangeMax, "address_range");
                break;
            case BindTransceiverResp resp:
                writer.WriteCString(resp.SystemId, SystemIdMax, "system_id");
                writer.WriteTlvs(resp.Tlvs);
                break;
            case ShortMessagePdu message:
                WriteShortMessage(writer, message);
                break;
            case SubmitSmResp resp:
                writer.WriteCString(resp.MessageId, MessageIdMax, "message_id");
                break;
            case DeliverSmResp:
                // message_id is unused in deliver_sm_resp and set to NULL (§4.6.2).
                writer.WriteByte(0);
                break;
            case EnquireLink or EnquireLinkResp or Unbind or UnbindResp or GenericNack or UnknownPdu:
                break;
            default:
                throw new ArgumentException($"Cannot encode {pdu.GetType().Name}.", nameof(pdu));
        }

        return writer.ToFrame();
    }

    /// <summary>Decodes one whole frame (header included). Throws <see cref="SmppPduFormatException"/> when it is malformed.</summary>
    public static Pdu Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < Pdu.HeaderLength)
        {
            throw new SmppPduFormatException($"A PDU needs at least {Pdu.HeaderLength} octets; got {frame.Length}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(frame);
        if (length != frame.Length)
        {
            throw new SmppPduFormatException($"command_length says {length} octets but the frame has {frame.Length}.");
        }

        var commandId = BinaryPrimitives.ReadUInt32BigEndian(frame[4..]);
        var status = BinaryPrimitives.ReadUInt32BigEndian(frame[8..]);
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(frame[12..]);
        var body = new PduReader(frame[Pdu.HeaderLength..]);
        var isResponse = (commandId & 0x80000000) != 0;

        // A response carrying an error may omit its body entirely (§4.1.2, §4.4.2).
        if (isResponse && body.AtEnd)
        {
            return WithHeader(EmptyResponse(commandId), status, sequence);
        }

        Pdu pdu = (CommandId)commandId switch
        {
            CommandId.BindTransceiver => ReadBind(ref body),
            CommandId.BindTransceiverResp => new BindTransceiverResp(body.ReadCString(SystemIdMax, "system_id")) { Tlvs = body.ReadTlvs() },
            CommandId.SubmitSm => ReadShortMessage(ref body, new SubmitSm()),
            CommandId.DeliverSm => ReadShortMessage(ref body, new DeliverSm()),
            CommandId.SubmitSmResp => new SubmitSmResp(body.ReadCString(MessageIdMax, "message_id")),
            CommandId.DeliverSmResp => ReadDeliverSmResp(ref body),
            CommandId.EnquireLink => new EnquireLink(),
            CommandId.EnquireLinkResp => new EnquireLinkResp(),
            CommandId.Unbind => new Unbind(),
            CommandId.UnbindResp => new UnbindResp(),
            CommandId.GenericNack => new GenericNack(),
            _ => new UnknownPdu(commandId),
        };
        return WithHeader(pdu, status, sequence);
    }

    private static Pdu WithHeader(Pdu pdu, uint status, uint sequence) =>
        pdu with { CommandStatus = status, SequenceNumber = sequence };

    private static Pdu EmptyResponse(uint commandId) => (CommandId)commandId switch
    {
        CommandId.BindTransceiverResp => new BindTransceiverResp(""),
        CommandId.SubmitSmResp => new SubmitSmResp(""),
        CommandId.DeliverSmResp => new DeliverSmResp(),
        CommandId.EnquireLinkResp => new EnquireLinkResp(),
        CommandId.UnbindResp => new UnbindResp(),
        CommandId.GenericNack => new GenericNack(),
        _ => new UnknownPdu(commandId),
    };

    private static BindTransceiver ReadBind(ref PduReader body)
    {
        var systemId = body.ReadCString(SystemIdMax, "system_id");
        var password = body.ReadCString(PasswordMax, "password");
        var systemType = body.ReadCString(SystemTypeMax, "system_type");
        return new BindTransceiver(systemId, password, systemType)
        {
            InterfaceVersion = body.ReadByte("interface_version"),
            AddrTon = body.ReadByte("addr_ton"),
            AddrNpi = body.ReadByte("addr_npi"),
            AddressRange = body.ReadCString(AddressRangeMax, "address_range"),
        };
    }

    private static DeliverSmResp ReadDeliverSmResp(ref PduReader body)
    {
        body.ReadCString(MessageIdMax, "message_id");
        return new DeliverSmResp();
    }

    private static ShortMessagePdu ReadShortMessage(ref PduReader body, ShortMessagePdu empty)
    {
        var serviceType = body.ReadCString(ServiceTypeMax, "service_type");
        var sourceTon = body.ReadByte("source_addr_ton");
        var sourceNpi = body.ReadByte("source_addr_npi");
        var source = body.ReadCString(AddressMax, "source_addr");
        var destTon = body.ReadByte("dest_addr_ton");
        var destNpi = body.ReadByte("dest_addr_npi");
        var destination = body.ReadCString(AddressMax, "destination_addr");
        var esmClass = body.ReadByte("esm_class");
        var protocolId = body.ReadByte("protocol_id");
        var priority = body.ReadByte("priority_flag");
        var schedule = body.ReadCString(TimeMax, "schedule_delivery_time");
        var validity = body.ReadCString(TimeMax, "validity_period");
        var registeredDelivery = body.ReadByte("registered_delivery");
        var replaceIfPresent = body.ReadByte("replace_if_present_flag");
        var dataCoding = body.ReadByte("data_coding");
        var defaultMsgId = body.ReadByte("sm_default_msg_id");
        var smLength = body.ReadByte("sm_length");
        if (smLength > ShortMessageMax)
        {
            throw new SmppPduFormatException($"sm_length is {smLength}; at most {ShortMessageMax} is allowed.");
        }

        var shortMessage = body.ReadOctets(smLength, "short_message").ToArray();
        var tlvs = body.ReadTlvs();
        return empty with
        {
            ServiceType = serviceType,
            SourceAddrTon = sourceTon,
            SourceAddrNpi = sourceNpi,
            SourceAddr = source,
            DestAddrTon = destTon,
            DestAddrNpi = destNpi,
            DestinationAddr = destination,
            EsmClass = esmClass,
            ProtocolId = protocolId,
            PriorityFlag = priority,
            ScheduleDeliveryTime = schedule,
            ValidityPeriod = validity,
            RegisteredDelivery = registeredDelivery,
            ReplaceIfPresentFlag = replaceIfPresent,
            DataCoding = dataCoding,
            SmDefaultMsgId = defaultMsgId,
            ShortMessage = shortMessage,
            Tlvs = tlvs,
        };
    }

    private static void WriteShortMessage(PduWriter writer, ShortMessagePdu message)
    {
        if (message.ShortMessage.Length > ShortMessageMax)
        {
            throw new ArgumentException($"short_message is {message.ShortMessage.Length} octets; SMPP allows {ShortMessageMax}. Use message_payload.", nameof(message));
        }

        writer.WriteCString(message.ServiceType, ServiceTypeMax, "service_type");
        writer.WriteByte(message.SourceAddrTon);
        writer.WriteByte(message.SourceAddrNpi);
        writer.WriteCString(message.SourceAddr, AddressMax, "source_addr");
        writer.WriteByte(message.DestAddrTon);
        writer.WriteByte(message.DestAddrNpi);
        writer.WriteCString(message.DestinationAddr, AddressMax, "destination_addr");
        writer.WriteByte(message.EsmClass);
        writer.WriteByte(message.ProtocolId);
        writer.WriteByte(message.PriorityFlag);
        writer.WriteCString(message.ScheduleDeliveryTime, TimeMax, "schedule_delivery_time");
        writer.WriteCString(message.ValidityPeriod, TimeMax, "validity_period");
        writer.WriteByte(message.RegisteredDelivery);
        writer.WriteByte(message.ReplaceIfPresentFlag);
        writer.WriteByte(message.DataCoding);
        writer.WriteByte(message.SmDefaultMsgId);
        writer.WriteByte((byte)message.ShortMessage.Length);
        writer.WriteOctets(message.ShortMessage.Span);
        writer.WriteTlvs(message.Tlvs);
    }
}
