namespace Sotong.Core.Alerts.Cap;

/// <summary>
/// One CAP 1.2 <c>alert</c> message. Optional elements are null (or empty lists) when absent. Times keep their
/// offset: Sotong writes Asia/Seoul (+09:00); fractional seconds are dropped on writing, since CAP times have none.
/// <see cref="Addresses"/> and <see cref="Incidents"/> are the items of CAP's space-separated lists (CapXml quotes
/// items that contain spaces).
/// </summary>
public sealed record CapAlert
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The media type of a CAP document, for HTTP responses and Atom links.</summary>
    public const string MediaType = "application/cap+xml";

    public required string Identifier { get; init; }

    public required string Sender { get; init; }

    public required DateTimeOffset Sent { get; init; }

    public required CapStatus Status { get; init; }

    public required CapMsgType MsgType { get; init; }

    public string? Source { get; init; }

    public required CapScope Scope { get; init; }

    public string? Restriction { get; init; }

    public IReadOnlyList<string> Addresses { get; init; } = [];

    public IReadOnlyList<string> Codes { get; init; } = [];

    public string? Note { get; init; }

    public IReadOnlyList<CapReference> References { get; init; } = [];

    public IReadOnlyList<string> Incidents { get; init; } = [];

    public IReadOnlyList<CapInfo> Infos { get; init; } = [];

    /// <summary>This message as the reference an Update or Cancel of it carries.</summary>
    public CapReference AsReference() => new(Sender, Identifier, Sent);
}

/// <summary>An earlier message named in <c>references</c>, written as <c>sender,identifier,sent</c>.</summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent);

/// <summary>
/// One CAP <c>info</c> block: the event in one language. <see cref="Language"/> null means the standard's default
/// en-US; Sotong writes ko-KR and en-US blocks.
/// </summary>
public sealed record CapInfo
{
    public string? Language { get; init; }

    public required IReadOnlyList<CapCategory> Categories { get; init; }

    public required string Event { get; init; }

    public IReadOnlyList<CapResponseType> ResponseTypes { get; init; } = [];

    public required CapUrgency Urgency { get; init; }

    public required CapSeverity Severity { get; init; }

    public required CapCertainty Certainty { get; init; }

    public string? Audience { get; init; }

    public IReadOnlyList<CapValue> EventCodes { get; init; } = [];

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string? SenderName { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    /// <summary>An absolute URI with more information (the alert's public page).</summary>
    public string? Web { get; init; }

    public string? Contact { get; init; }

    public IReadOnlyList<CapValue> Parameters { get; init; } = [];

    public IReadOnlyList<CapResource> Resources { get; init; } = [];

    public IReadOnlyList<CapArea> Areas { get; init; } = [];
}

/// <summary>A <c>valueName</c>/<c>value</c> pair: eventCode, parameter and geocode use it.</summary>
public sealed record CapValue(string ValueName, string Value);

/// <summary>A CAP <c>resource</c>: a file that goes with the info (a map, an image).</summary>
public sealed record CapResource
{
    public required string ResourceDesc { get; init; }

    public required string MimeType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    public string? Uri { get; init; }

    /// <summary>The content itself, base64.</summary>
    public string? DerefUri { get; init; }

    /// <summary>SHA-1 of the content, hex.</summary>
    public string? Digest { get; init; }
}

/// <summary>
/// A CAP <c>area</c>. Polygons are closed rings of WGS 84 points (at least four, the first repeated last);
/// geocodes carry administrative codes (Korea's TTA profile uses the 10-digit 행정구역 codes).
/// Altitude and ceiling are feet above mean sea level; a ceiling needs an altitude.
/// </summary>
public sealed record CapArea
{
    public required string AreaDesc { get; init; }

    public IReadOnlyList<IReadOnlyList<CapPoint>> Polygons { get; init; } = [];

    public IReadOnlyList<CapCircle> Circles { get; init; } = [];

    public IReadOnlyList<CapValue> Geocodes { get; init; } = [];

    public decimal? Altitude { get; init; }

    public decimal? Ceiling { get; init; }
}

/// <summary>A WGS 84 point, written <c>lat,lon</c>.</summary>
public readonly record struct CapPoint(double Latitude, double Longitude);

/// <summary>A circle, written <c>lat,lon radius</c> with the radius in kilometres.</summary>
public sealed record CapCircle(CapPoint Center, double RadiusKm);
