using System.Text;

namespace Sotong.Smpp.Text;

/// <summary>Text to and from short_message octets for a data_coding.</summary>
internal static class SmsTextCodec
{
    public static byte[] Encode(string text, SmppDataCoding coding) => coding switch
    {
        SmppDataCoding.SmscDefault => Gsm7.Encode(text),
        SmppDataCoding.Ascii => Encoding.ASCII.GetBytes(text),
        SmppDataCoding.Latin1 => Encoding.Latin1.GetBytes(text),
        SmppDataCoding.Ucs2 => Encoding.BigEndianUnicode.GetBytes(text),
        SmppDataCoding.KsC5601 => KoreanEncoding.Cp949.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "No text encoding for this data_coding."),
    };

    public static string Decode(ReadOnlySpan<byte> octets, byte dataCoding) => (SmppDataCoding)dataCoding switch
    {
        SmppDataCoding.SmscDefault => Gsm7.Decode(octets),
        SmppDataCoding.Ascii => Encoding.ASCII.GetString(octets),
        SmppDataCoding.Latin1 => Encoding.Latin1.GetString(octets),
        SmppDataCoding.Ucs2 => Encoding.BigEndianUnicode.GetString(octets),
        SmppDataCoding.KsC5601 => KoreanEncoding.Cp949.GetString(octets),
        // Binary and national codings we do not speak: Latin-1 keeps every octet visible rather than failing.
        _ => Encoding.Latin1.GetString(octets),
    };
}
