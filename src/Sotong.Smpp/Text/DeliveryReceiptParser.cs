using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sotong.Smpp.Pdus;

namespace Sotong.Smpp.Text;

/// <summary>
/// Reads a delivery receipt: the receipted_message_id and message_state parameters when the SMSC sends them
/// (they are the 3.4 way), else the de facto text of the specification's appendix B,
/// "id:… sub:… dlvrd:… submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:… err:… text:…".
/// </summary>
internal static partial class DeliveryReceiptParser
{
    private static readonly string[] DateFormats = ["yyMMddHHmm", "yyMMddHHmmss"];

    public static SmppDeliveryReceipt? TryParse(DeliverSm pdu, DateTimeOffset receivedAt)
    {
        var payload = pdu.ShortMessage.Length > 0 ? pdu.ShortMessage : pdu.Tlvs.Find(TlvTag.MessagePayload) ?? ReadOnlyMemory<byte>.Empty;
        // SMSCs write the receipt in ASCII whatever data_coding says; read as GSM 7-bit an id with '_' or '@' would change.
        var text = pdu.DataCoding is 0x00 or 0x01 or 0x03
            ? Encoding.Latin1.GetString(payload.Span)
            : SmsTextCodec.Decode(payload.Span, pdu.DataCoding);
        var fields = Fields(text);

        var messageId = pdu.Tlvs.FindCString(TlvTag.ReceiptedMessageId) is { Length: > 0 } fromTlv ? fromTlv : fields.GetValueOrDefault("id");
        if (string.IsNullOrEmpty(messageId))
        {
            return null;
        }

        var status = fields.GetValueOrDefault("stat") is { Length: > 0 } stat
            ? stat.ToUpperInvariant()
            : StateName(pdu.Tlvs.FindByte(TlvTag.MessageState));
        return new SmppDeliveryReceipt(
            messageId,
            status,
            fields.GetValueOrDefault("err"),
            Date(fields.GetValueOrDefault("submit date")),
            Date(fields.GetValueOrDefault("done date")),
            pdu.SourceAddr,
            pdu.DestinationAddr,
            receivedAt);
    }

    private static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in FieldPattern().Matches(text))
        {
            fields.TryAdd(match.Groups["key"].Value.ToLowerInvariant(), match.Groups["value"].Value);
        }

        return fields;
    }

    private static DateTime? Date(string? value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>message_state values (§5.3.2.35) under the names receipts use for them.</summary>
    private static string StateName(byte? state) => state switch
    {
        1 => "ENROUTE",
        2 => "DELIVRD",
        3 => "EXPIRED",
        4 => "DELETED",
        5 => "UNDELIV",
        6 => "ACCEPTD",
        8 => "REJECTD",
        _ => "UNKNOWN",
    };

    [GeneratedRegex(@"(?:^|\s)(?<key>id|sub|dlvrd|submit date|done date|stat|err):(?<value>\S*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();
}
