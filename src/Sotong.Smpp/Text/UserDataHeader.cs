namespace Sotong.Smpp.Text;

/// <summary>Where a part sits in a concatenated message: reference, total parts, this part's number (1-based).</summary>
internal readonly record struct ConcatenationInfo(int Reference, int Total, int Sequence);

/// <summary>The user data header (3GPP 23.040 §9.2.3.24) as far as concatenation needs it.</summary>
internal static class UserDataHeader
{
    private const byte Concat8BitReference = 0x00;
    private const byte Concat16BitReference = 0x08;

    public static byte[] Concatenation(byte reference, byte total, byte sequence) =>
        [0x05, Concat8BitReference, 0x03, reference, total, sequence];

    /// <summary>
    /// Splits a payload that starts with a UDH into its concatenation element (if any) and the text after the header.
    /// Returns false when the header's length runs past the payload.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> payload, out ConcatenationInfo? concatenation, out ReadOnlyMemory<byte> body)
    {
        concatenation = null;
        body = payload;
        var span = payload.Span;
        if (span.Length == 0 || span[0] + 1 > span.Length)
        {
            return false;
        }

        var header = span.Slice(1, span[0]);
        body = payload[(span[0] + 1)..];
        while (header.Length >= 2)
        {
            var id = header[0];
            var length = header[1];
            if (length + 2 > header.Length)
            {
                break;
            }

            var data = header.Slice(2, length);
            if (id == Concat8BitReference && length == 3)
            {
                concatenation = new ConcatenationInfo(data[0], data[1], data[2]);
            }
            else if (id == Concat16BitReference && length == 4)
            {
                concatenation = new ConcatenationInfo((data[0] << 8) | data[1], data[2], data[3]);
            }

            header = header[(length + 2)..];
        }

        return true;
    }
}
