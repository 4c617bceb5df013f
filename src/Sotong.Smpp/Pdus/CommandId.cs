namespace Sotong.Smpp.Pdus;

/// <summary>The SMPP 3.4 command ids this library speaks (§5.1.2.1); responses have the top bit set.</summary>
internal enum CommandId : uint
{
    GenericNack = 0x80000000,
    SubmitSm = 0x00000004,
    SubmitSmResp = 0x80000004,
    DeliverSm = 0x00000005,
    DeliverSmResp = 0x80000005,
    Unbind = 0x00000006,
    UnbindResp = 0x80000006,
    BindTransceiver = 0x00000009,
    BindTransceiverResp = 0x80000009,
    EnquireLink = 0x00000015,
    EnquireLinkResp = 0x80000015,
}
