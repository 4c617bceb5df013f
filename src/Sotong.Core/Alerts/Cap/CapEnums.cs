namespace Sotong.Core.Alerts.Cap;

// The member names are the CAP 1.2 wire values exactly (CapXml writes them with ToString), so none may be renamed.

/// <summary>CAP <c>status</c>: how recipients should treat the message. Only Actual reaches the public as a real alert.</summary>
public enum CapStatus
{
    Actual,
    Exercise,
    System,
    Test,
    Draft,
}

/// <summary>CAP <c>msgType</c>. Update, Cancel, Ack and Error name earlier messages in <c>references</c>.</summary>
public enum CapMsgType
{
    Alert,
    Update,
    Cancel,
    Ack,
    Error,
}

/// <summary>CAP <c>scope</c>: Restricted needs a <c>restriction</c>, Private needs <c>addresses</c>.</summary>
public enum CapScope
{
    Public,
    Restricted,
    Private,
}

/// <summary>CAP <c>category</c> of the subject event.</summary>
public enum CapCategory
{
    Geo,
    Met,
    Safety,
    Security,
    Rescue,
    Fire,
    Health,
    Env,
    Transport,
    Infra,
    CBRNE,
    Other,
}

/// <summary>CAP <c>urgency</c>: how soon people should act.</summary>
public enum CapUrgency
{
    Immediate,
    Expected,
    Future,
    Past,
    Unknown,
}

/// <summary>CAP <c>severity</c>: how much harm to life or property.</summary>
public enum CapSeverity
{
    Extreme,
    Severe,
    Moderate,
    Minor,
    Unknown,
}

/// <summary>CAP <c>certainty</c> of the subject event (1.2 dropped 1.0's "Very Likely").</summary>
public enum CapCertainty
{
    Observed,
    Likely,
    Possible,
    Unlikely,
    Unknown,
}

/// <summary>CAP <c>responseType</c>: the kind of action recommended.</summary>
public enum CapResponseType
{
    Shelter,
    Evacuate,
    Prepare,
    Execute,
    Avoid,
    Monitor,
    Assess,
    AllClear,
    None,
}
