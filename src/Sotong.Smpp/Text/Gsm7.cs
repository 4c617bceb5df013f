using System.Collections.Frozen;
using System.Text;

namespace Sotong.Smpp.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table, unpacked: one septet per octet, as SMPP carries it
/// with data_coding 0. Extension characters take two septets (0x1B then the code).
/// </summary>
internal static class Gsm7
{
    public const byte Escape = 0x1B;

    // Index = septet. 0x1B is the escape; the no-break space only holds its place and is never encoded.
    internal const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞ\u00A0ÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static readonly FrozenDictionary<char, byte> Basic = BasicTable
        .Select((c, i) => (c, i))
        .Where(x => x.i != Escape)
        .ToFrozenDictionary(x => x.c, x => (byte)x.i);

    private static readonly FrozenDictionary<char, byte> Extension = new Dictionary<char, byte>
    {
        ['\f'] = 0x0A,
        ['^'] = 0x14,
        ['{'] = 0x28,
        ['}'] = 0x29,
        ['\\'] = 0x2F,
        ['['] = 0x3C,
        ['~'] = 0x3D,
        [']'] = 0x3E,
        ['|'] = 0x40,
        ['€'] = 0x65,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, char> ExtensionBySeptet = Extension.ToFrozenDictionary(x => x.Value, x => x.Key);

    /// <summary>Septets a character takes: 1 (basic), 2 (extension) or 0 when it is not in the alphabet.</summary>
    public static int SeptetsOf(char c) => Basic.ContainsKey(c) ? 1 : Extension.ContainsKey(c) ? 2 : 0;

    public static bool CanEncode(string text)
    {
        foreach (var c in text)
        {
            if (SeptetsOf(c) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var c in text)
        {
            if (Basic.TryGetValue(c, out var septet))
            {
                bytes.Add(septet);
            }
            else if (Extension.TryGetValue(c, out var extended))
            {
                bytes.Add(Escape);
                bytes.Add(extended);
            }
            else
            {
                throw new ArgumentException($"U+{(int)c:X4} is not in the GSM 7-bit alphabet.", nameof(text));
            }
        }

        return [.. bytes];
    }

    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var text = new StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            var septet = (byte)(septets[i] & 0x7F);
            if (septet != Escape)
            {
                text.Append(BasicTable[septet]);
                continue;
            }

            if (++i >= septets.Length)
            {
                // A trailing escape has nothing to extend; 03.38 says show a space.
                text.Append(' ');
                break;
            }

            var next = (byte)(septets[i] & 0x7F);
            // 03.38: an escape before an undefined code shows the basic character for that code.
            text.Append(ExtensionBySeptet.TryGetValue(next, out var c) ? c : next == Escape ? ' ' : BasicTable[next]);
        }

        return text.ToString();
    }
}
