namespace Sotong.Smpp;

/// <summary>command_status values from the SMPP 3.4 table (§5.1.3) that callers are likely to meet.</summary>
public static class SmppCommandStatus
{
    public const uint Ok = 0x00;
    public const uint InvalidMessageLength = 0x01;
    public const uint InvalidCommandLength = 0x02;
    public const uint InvalidCommandId = 0x03;
    public const uint IncorrectBindStatus = 0x04;
    public const uint AlreadyBound = 0x05;
    public const uint SystemError = 0x08;
    public const uint InvalidSourceAddress = 0x0A;
    public const uint InvalidDestinationAddress = 0x0B;
    public const uint InvalidMessageId = 0x0C;
    public const uint BindFailed = 0x0D;
    public const uint InvalidPassword = 0x0E;
    public const uint InvalidSystemId = 0x0F;
    public const uint MessageQueueFull = 0x14;
    public const uint InvalidServiceType = 0x15;
    public const uint SubmitFailed = 0x45;
    public const uint Throttled = 0x58;
    public const uint TemporaryAppError = 0x64;
    public const uint PermanentAppError = 0x65;
    public const uint RejectedAppError = 0x66;
    public const uint InvalidOptionalParameterStream = 0xC0;
    public const uint DeliveryFailure = 0xFE;
    public const uint UnknownError = 0xFF;

    /// <summary>
    /// Statuses after which the same submit may succeed later: the SMSC is busy or briefly unable, not
    /// rejecting this message. Everything else is treated as permanent so a retry loop cannot spin on it.
    /// </summary>
    public static bool IsTransient(uint status) => status is MessageQueueFull or Throttled or SystemError or TemporaryAppError;

    public static string Name(uint status) => status switch
    {
        Ok => "ESME_ROK",
        InvalidMessageLength => "ESME_RINVMSGLEN",
        InvalidCommandLength => "ESME_RINVCMDLEN",
        InvalidCommandId => "ESME_RINVCMDID",
        IncorrectBindStatus => "ESME_RINVBNDSTS",
        AlreadyBound => "ESME_RALYBND",
        SystemError => "ESME_RSYSERR",
        InvalidSourceAddress => "ESME_RINVSRCADR",
        InvalidDestinationAddress => "ESME_RINVDSTADR",
        InvalidMessageId => "ESME_RINVMSGID",
        BindFailed => "ESME_RBINDFAIL",
        InvalidPassword => "ESME_RINVPASWD",
        InvalidSystemId => "ESME_RINVSYSID",
        MessageQueueFull => "ESME_RMSGQFUL",
        InvalidServiceType => "ESME_RINVSERTYP",
        SubmitFailed => "ESME_RSUBMITFAIL",
        Throttled => "ESME_RTHROTTLED",
        TemporaryAppError => "ESME_RX_T_APPN",
        PermanentAppError => "ESME_RX_P_APPN",
        RejectedAppError => "ESME_RX_R_APPN",
        InvalidOptionalParameterStream => "ESME_RINVOPTPARSTREAM",
        DeliveryFailure => "ESME_RDELIVERYFAILURE",
        UnknownError => "ESME_RUNKNOWNERR",
        _ => "status",
    };
}
