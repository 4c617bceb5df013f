namespace Sotong.Core.Alerts.Cap;

/// <summary>
/// A rule a message breaks. <see cref="Field"/> is a path such as <c>info[0].area[1].polygon[0]</c>;
/// <see cref="Key"/> names the text in Text.resx (Korean) / Text.en.resx (English) to show people;
/// <see cref="Message"/> is the English text for logs and API clients.
/// </summary>
public sealed record CapProblem(string Field, string Key, string Message);

/// <summary>
/// The CAP 1.2 specification's rules for a message, checked on the model before it is written (the XSD in
/// <see cref="CapSchema"/> checks documents). Beyond the standard, two Sotong rules: an Alert or Update that
/// is not a System message carries at least one info, and a headline stays under 160 characters (the
/// specification's "should", kept because cell broadcast and feed readers cut longer ones).
/// </summary>
public static class CapRules
{
    public const int MaxHeadlineLength = 160;

    public static IReadOnlyList<CapProblem> Validate(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var v = new Collector();
        v.Token("identifier", alert.Identifier);
        v.Token("sender", alert.Sender);
        v.Defined("status", alert.Status);
        v.Defined("msgType", alert.MsgType);
        v.Defined("scope", alert.Scope);
        v.Text("source", alert.Source);
        v.Text("restriction", alert.Restriction);
        v.Text("note", alert.Note);
        if (alert.Scope == CapScope.Restricted && string.IsNullOrWhiteSpace(alert.Restriction))
        {
            v.Add("restriction", "RestrictionRequired", "A Restricted message must say its restriction.");
        }

        if (alert.Scope == CapScope.Private && alert.Addresses.Count == 0)
        {
            v.Add("addresses", "AddressesRequired", "A Private message must list its addresses.");
        }

        v.ListItems("addresses", alert.Addresses);
        v.ListItems("incidents", alert.Incidents);
        for (var i = 0; i < alert.Codes.Count; i++)
        {
            v.Required($"code[{i}]", alert.Codes[i]);
        }

        References(v, alert);
        if (alert.MsgType is CapMsgType.Alert or CapMsgType.Update && alert.Status != CapStatus.System && alert.Infos.Count == 0)
        {
            v.Add("info", "InfoRequired", "An Alert or Update must carry at least one info block.");
        }

        for (var i = 0; i < alert.Infos.Count; i++)
        {
            Info(v, $"info[{i}]", alert.Infos[i], alert.Sent);
        }

        return v.Problems;
    }

    private static void References(Collector v, CapAlert alert)
    {
        // Update and Cancel replace or withdraw earlier messages; Ack and Error answer them. All four must name them.
        if (alert.MsgType is CapMsgType.Update or CapMsgType.Cancel or CapMsgType.Ack or CapMsgType.Error && alert.References.Count == 0)
        {
            v.Add("references", "ReferencesRequired", $"A {alert.MsgType} message must reference the earlier message(s).");
        }

        for (var i = 0; i < alert.References.Count; i++)
        {
            var r = alert.References[i];
            var field = $"references[{i}]";
            v.Token($"{field}.sender", r.Sender);
            v.Token($"{field}.identifier", r.Identifier);
            if (r.Sender == alert.Sender && r.Identifier == alert.Identifier)
            {
                v.Add(field, "ReferenceSelf", "A message cannot reference itself.");
            }
            else if (r.Sent > alert.Sent)
            {
                v.Add($"{field}.sent", "ReferenceLater", "A referenced message must have been sent before this one.");
            }
        }
    }

    private static void Info(Collector v, string path, CapInfo info, DateTimeOffset sent)
    {
        if (info.Language is { } language && !CapText.IsLanguageTag(language))
        {
            v.Add($"{path}.language", "Language", "Not a language tag such as ko-KR or en-US.");
        }

        if (info.Categories.Count == 0)
        {
            v.Add($"{path}.category", "CategoryRequired", "At least one category is required.");
        }

        for (var i = 0; i < info.Categories.Count; i++)
        {
            v.Defined($"{path}.category[{i}]", info.Categories[i]);
        }

        v.Required($"{path}.event", info.Event);
        for (var i = 0; i < info.ResponseTypes.Count; i++)
        {
            v.Defined($"{path}.responseType[{i}]", info.ResponseTypes[i]);
        }

        v.Defined($"{path}.urgency", info.Urgency);
        v.Defined($"{path}.severity", info.Severity);
        v.Defined($"{path}.certainty", info.Certainty);
        v.Text($"{path}.audience", info.Audience);
        v.Values($"{path}.eventCode", info.EventCodes);
        // Effective defaults to sent when absent; expiry must come after both the start and the onset.
        var start = info.Effective ?? sent;
        if (info.Expires is { } expires && (expires <= start || info.Onset is { } onset && expires <= onset))
        {
            v.Add($"{path}.expires", "ExpiresBeforeStart", "expires must be later than effective (or sent) and onset.");
        }

        v.Text($"{path}.senderName", info.SenderName);
        v.Text($"{path}.headline", info.Headline);
        if (info.Headline is { Length: >= MaxHeadlineLength })
        {
            v.Add($"{path}.headline", "HeadlineLength", $"The headline should be shorter than {MaxHeadlineLength} characters.");
        }

        v.Text($"{path}.description", info.Description);
        v.Text($"{path}.instruction", info.Instruction);
        if (info.Web is { } web && !CapText.IsAbsoluteUri(web))
        {
            v.Add($"{path}.web", "WebAbsolute", "web must be a full absolute URI.");
        }

        v.Text($"{path}.contact", info.Contact);
        v.Values($"{path}.parameter", info.Parameters);
        for (var i = 0; i < info.Resources.Count; i++)
        {
            var resource = info.Resources[i];
            v.Required($"{path}.resource[{i}].resourceDesc", resource.ResourceDesc);
            v.Required($"{path}.resource[{i}].mimeType", resource.MimeType);
            if (resource.Size is < 0)
            {
                v.Add($"{path}.resource[{i}].size", "Size", "size must not be negative.");
            }

            v.Text($"{path}.resource[{i}].uri", resource.Uri);
            v.Text($"{path}.resource[{i}].derefUri", resource.DerefUri);
            v.Text($"{path}.resource[{i}].digest", resource.Digest);
        }

        for (var i = 0; i < info.Areas.Count; i++)
        {
            Area(v, $"{path}.area[{i}]", info.Areas[i]);
        }
    }

    private static void Area(Collector v, string path, CapArea area)
    {
        v.Required($"{path}.areaDesc", area.AreaDesc);
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            var polygon = area.Polygons[i];
            var field = $"{path}.polygon[{i}]";
            if (polygon.Count < 4)
            {
                v.Add(field, "PolygonPoints", "A polygon needs at least 4 points.");
            }
            else if (polygon[0] != polygon[^1])
            {
                v.Add(field, "PolygonOpen", "A polygon's first and last points must be the same.");
            }

            v.Points(field, polygon);
        }

        for (var i = 0; i < area.Circles.Count; i++)
        {
            var circle = area.Circles[i];
            v.Points($"{path}.circle[{i}]", [circle.Center]);
            if (!(circle.RadiusKm >= 0) || double.IsInfinity(circle.RadiusKm))
            {
                v.Add($"{path}.circle[{i}]", "Radius", "The radius must be zero or more kilometres.");
            }
        }

        v.Values($"{path}.geocode", area.Geocodes);
        if (area.Ceiling is { } ceiling && (area.Altitude is not { } altitude || ceiling < altitude))
        {
            v.Add($"{path}.ceiling", "Ceiling", "ceiling needs an altitude and must not be below it.");
        }
    }

    private sealed class Collector
    {
        public List<CapProblem> Problems { get; } = [];

        public void Add(string field, string key, string message) => Problems.Add(new CapProblem(field, "Alerts.Cap." + key, message));

        public void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "Required", $"{field} is required.");
            }
            else
            {
                Text(field, value);
            }
        }

        public void Text(string field, string? value)
        {
            if (value is not null && !CapText.IsXmlText(value))
            {
                Add(field, "InvalidCharacter", "Contains a character XML cannot carry.");
            }
        }

        public void Token(string field, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(field, "Required", $"{field} is required.");
            }
            else if (!CapText.IsToken(value))
            {
                Add(field, "BadToken", "Must not contain spaces, commas, < or &.");
            }
            else
            {
                Text(field, value);
            }
        }

        public void Defined<T>(string field, T value)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Add(field, "UnknownValue", $"Not one of {string.Join(", ", Enum.GetNames<T>())}.");
            }
        }

        public void ListItems(string field, IReadOnlyList<string> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                // The list form has no escape: a quote inside an item, or an empty item, cannot be written.
                if (string.IsNullOrWhiteSpace(items[i]) || items[i].Contains('"', StringComparison.Ordinal))
                {
                    Add($"{field}[{i}]", "ListItem", "An item must not be empty or contain a double quote.");
                }
                else
                {
                    Text($"{field}[{i}]", items[i]);
                }
            }
        }

        public void Values(string field, IReadOnlyList<CapValue> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                Required($"{field}[{i}].valueName", values[i].ValueName);
                // An empty value is allowed; a missing one would leave out an element the schema requires.
                if (values[i].Value is null)
                {
                    Add($"{field}[{i}].value", "Required", $"{field}[{i}].value is required.");
                }
                else
                {
                    Text($"{field}[{i}].value", values[i].Value);
                }
            }
        }

        public void Points(string field, IReadOnlyList<CapPoint> points)
        {
            if (points.Any(p => !(p.Latitude is >= -90 and <= 90)))
            {
                Add(field, "Latitude", "Latitude must be between -90 and 90.");
            }

            if (points.Any(p => !(p.Longitude is >= -180 and <= 180)))
            {
                Add(field, "Longitude", "Longitude must be between -180 and 180.");
            }
        }
    }
}
