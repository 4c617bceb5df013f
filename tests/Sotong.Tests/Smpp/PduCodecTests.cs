using Sotong.Smpp;
using Sotong.Smpp.Pdus;

namespace Sotong.Tests.Smpp;

public sealed class PduCodecTests
{
    [Fact]
    public void Given_a_bind_transceiver_When_encoded_Then_bytes_match_the_specification_layout()
    {
        var bind = new BindTransceiver("sotong", "secret", "") { SequenceNumber = 1 };

        var frame = PduCodec.Encode(bind);

        // Worked by hand: 16-octet header + "sotong\0" (7) + "secret\0" (7) + system_type "\0" (1)
        // + interface_version 0x34 + addr_ton 0 + addr_npi 0 + address_range "\0" = 35 = 0x23 octets.
        Convert.ToHexString(frame).ShouldBe(
            "00000023" + "00000009" + "00000000" + "00000001" +
            "736F746F6E6700" + "73656372657400" + "00" + "34" + "00" + "00" + "00");
        var decoded = PduCodec.Decode(frame).ShouldBeOfType<BindTransceiver>();
        decoded.ShouldBe(bind);
    }

    [Fact]
    public void Given_a_submit_sm_with_UCS2_Korean_When_encoded_Then_bytes_match_the_specification_layout()
    {
        var submit = new SubmitSm
        {
            SequenceNumber = 2,
            SourceAddrNpi = 1,
            SourceAddr = "1588",
            DestAddrNpi = 1,
            DestinationAddr = "01012345678",
            RegisteredDelivery = 1,
            DataCoding = 0x08,
            ShortMessage = new byte[] { 0xC5, 0x48, 0xB1, 0x55 }, // "안녕" in UTF-16BE
        };

        var frame = PduCodec.Encode(submit);

        // service_type "\0" | ton 0 npi 1 | "1588\0" | ton 0 npi 1 | "01012345678\0" | esm 0 pid 0 prio 0
        // | schedule "\0" validity "\0" | registered 1 replace 0 coding 8 default 0 | sm_length 4 | C548B155 = 36 + 16.
        Convert.ToHexString(frame).ShouldBe(
            "00000034" + "00000004" + "00000000" + "00000002" +
            "00" + "0001" + "3135383800" + "0001" + "303130313233343536373800" + "000000" +
            "0000" + "01000800" + "04" + "C548B155");
        var decoded = PduCodec.Decode(frame).ShouldBeOfType<SubmitSm>();
        decoded.DestinationAddr.ShouldBe("01012345678");
        decoded.SourceAddr.ShouldBe("1588");
        decoded.DataCoding.ShouldBe((byte)0x08);
        decoded.RegisteredDelivery.ShouldBe((byte)1);
        decoded.ShortMessage.ToArray().ShouldBe(submit.ShortMessage.ToArray());
        decoded.SequenceNumber.ShouldBe(2u);
    }

    [Fact]
    public void Given_a_submit_sm_with_an_optional_parameter_When_encoded_Then_the_TLV_follows_the_short_message()
    {
        var submit = new SubmitSm { SequenceNumber = 3, DestinationAddr = "0101", Tlvs = [Tlv.UInt16(TlvTag.SarMsgRefNum, 0x1234)] };

        var frame = PduCodec.Encode(submit);

        Convert.ToHexString(frame).ShouldEndWith("00" + "020C" + "0002" + "1234"); // sm_length 0, then tag, length, value
        PduCodec.Decode(frame).ShouldBeOfType<SubmitSm>().Tlvs.FindUInt16(TlvTag.SarMsgRefNum).ShouldBe((ushort)0x1234);
    }

    [Fact]
    public void Given_a_deliver_sm_with_TLVs_When_round_tripped_Then_every_field_survives()
    {
        var deliver = new DeliverSm
        {
            SequenceNumber = 0x7FFFFFFF,
            SourceAddrTon = 1,
            SourceAddrNpi = 1,
            SourceAddr = "821012345678",
            DestinationAddr = "1588",
            EsmClass = 0x04,
            DataCoding = 0x00,
            Tlvs =
            [
                Tlv.CString(TlvTag.ReceiptedMessageId, "abc123"),
                Tlv.UInt8(TlvTag.MessageState, 2),
                Tlv.Octets(TlvTag.MessagePayload, new byte[300]),
                Tlv.UInt8(TlvTag.SarTotalSegments, 3),
                Tlv.UInt8(TlvTag.SarSegmentSeqnum, 2),
            ],
        };

        var decoded = PduCodec.Decode(PduCodec.Encode(deliver)).ShouldBeOfType<DeliverSm>();

        decoded.SequenceNumber.ShouldBe(0x7FFFFFFFu);
        decoded.SourceAddr.ShouldBe("821012345678");
        decoded.SourceAddrTon.ShouldBe((byte)1);
        decoded.EsmClass.ShouldBe((byte)0x04);
        decoded.Tlvs.FindCString(TlvTag.ReceiptedMessageId).ShouldBe("abc123");
        decoded.Tlvs.FindByte(TlvTag.MessageState).ShouldBe((byte)2);
        decoded.Tlvs.Find(TlvTag.MessagePayload)!.Value.Length.ShouldBe(300);
        decoded.Tlvs.FindByte(TlvTag.SarTotalSegments).ShouldBe((byte)3);
        decoded.Tlvs.FindByte(TlvTag.SarSegmentSeqnum).ShouldBe((byte)2);
    }

    [Fact]
    public void Given_body_less_PDUs_When_round_tripped_Then_only_the_header_is_sent()
    {
        Pdu[] pdus =
        [
            new EnquireLink { SequenceNumber = 5 },
            new EnquireLinkResp { SequenceNumber = 5 },
            new Unbind { SequenceNumber = 6 },
            new UnbindResp { SequenceNumber = 6 },
            new GenericNack { SequenceNumber = 7, CommandStatus = SmppCommandStatus.InvalidCommandId },
        ];

        foreach (var pdu in pdus)
        {
            var frame = PduCodec.Encode(pdu);
            frame.Length.ShouldBe(16);
            PduCodec.Decode(frame).ShouldBe(pdu);
        }

        Convert.ToHexString(PduCodec.Encode(pdus[4])).ShouldBe("00000010" + "80000000" + "00000003" + "00000007");
    }

    [Fact]
    public void Given_responses_with_bodies_When_round_tripped_Then_message_ids_survive()
    {
        var submitResp = new SubmitSmResp("sim-42") { SequenceNumber = 9 };
        var deliverResp = new DeliverSmResp { SequenceNumber = 10 };
        var bindResp = new BindTransceiverResp("SMSC") { SequenceNumber = 1, Tlvs = [Tlv.UInt8(TlvTag.ScInterfaceVersion, 0x34)] };

        PduCodec.Decode(PduCodec.Encode(submitResp)).ShouldBe(submitResp);
        Convert.ToHexString(PduCodec.Encode(deliverResp)).ShouldBe("00000011" + "80000005" + "00000000" + "0000000A" + "00");
        var decodedBind = PduCodec.Decode(PduCodec.Encode(bindResp)).ShouldBeOfType<BindTransceiverResp>();
        decodedBind.SystemId.ShouldBe("SMSC");
        decodedBind.Tlvs.FindByte(TlvTag.ScInterfaceVersion).ShouldBe((byte)0x34);
    }

    [Fact]
    public void Given_a_refused_bind_without_a_body_When_decoded_Then_the_status_is_kept()
    {
        // What the npm smpp server sends for ESME_RBINDFAIL: the header alone.
        var frame = Convert.FromHexString("00000010" + "80000009" + "0000000D" + "00000001");

        var pdu = PduCodec.Decode(frame).ShouldBeOfType<BindTransceiverResp>();

        pdu.CommandStatus.ShouldBe(SmppCommandStatus.BindFailed);
        pdu.SequenceNumber.ShouldBe(1u);
    }

    [Fact]
    public void Given_an_unknown_command_When_decoded_Then_it_is_kept_for_a_generic_nack()
    {
        var frame = Convert.FromHexString("00000010" + "00000103" + "00000000" + "00000004"); // data_sm

        var pdu = PduCodec.Decode(frame).ShouldBeOfType<UnknownPdu>();

        pdu.RawCommandId.ShouldBe(0x103u);
        pdu.IsResponse.ShouldBeFalse();
    }

    [Fact]
    public void Given_fields_longer_than_SMPP_allows_When_encoding_Then_it_refuses_before_sending()
    {
        Should.Throw<ArgumentException>(() => PduCodec.Encode(new BindTransceiver("sotong", "password10", "")))
            .Message.ShouldContain("password");
        Should.Throw<ArgumentException>(() => PduCodec.Encode(new SubmitSm { DestinationAddr = new string('1', 21) }))
            .Message.ShouldContain("destination_addr");
        Should.Throw<ArgumentException>(() => PduCodec.Encode(new SubmitSm { ShortMessage = new byte[255] }))
            .Message.ShouldContain("254");
        Should.Throw<ArgumentException>(() => PduCodec.Encode(new SubmitSm { SourceAddr = "한국" }))
            .Message.ShouldContain("ASCII");
    }
}
