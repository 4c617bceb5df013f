using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QRCoder;

namespace Sotong.Core.Organization.Staff;

/// <summary>
/// RFC 6238 time-based codes as authenticator apps make them: HMAC-SHA1, 30-second steps, six digits. Identity's
/// own check accepts ±2 steps and does not say which step matched, so replay could not be refused with it.
/// </summary>
internal static class Totp
{
    public const int Digits = 6;
    public const int PeriodSeconds = 30;

    /// <summary>Steps either side of now that still count: a phone's clock a little off, or a code typed as it turned.</summary>
    public const int Window = 1;

    public static long StepAt(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds() / PeriodSeconds;

    public static string Compute(ReadOnlySpan<byte> key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 with the authenticator apps' default is HMAC-SHA1; HMAC does not rest on SHA-1's collision resistance.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        // RFC 4226 dynamic truncation: the low nibble of the last byte picks four bytes, top bit cleared.
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFF_FFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Six ASCII digits, with any spaces or hyphens a person typed between them removed; null when it is not a code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }
        var digits = new StringBuilder(Digits);
        foreach (var c in code)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c != '-')
            {
                return null;
            }
        }
        return digits.Length == Digits ? digits.ToString() : null;
    }

    /// <summary>
    /// The newest step within the window whose code is <paramref name="code"/> and is later than
    /// <paramref name="lastAcceptedStep"/>; <c>Reused</c> says the code matched only steps already used.
    /// </summary>
    public static (long? Step, bool Reused) Match(ReadOnlySpan<byte> key, string? code, DateTime nowUtc, long lastAcceptedStep)
    {
        var typed = Normalize(code);
        if (typed is null)
        {
            return (null, false);
        }
        var now = StepAt(nowUtc);
        var reused = false;
        for (var step = now + Window; step >= now - Window; step--)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(key, step)), Encoding.ASCII.GetBytes(typed)))
            {
                if (step > lastAcceptedStep)
                {
                    return (step, false);
                }
                reused = true;
            }
        }
        return (null, reused);
    }
}

/// <summary>RFC 4648 base-32 (the alphabet authenticator keys are written in), without padding.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    /// <summary>Case, spaces, hyphens and trailing '=' are forgiven (keys are read out and typed by people); other characters are not.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base-32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }
        return [.. bytes];
    }
}

/// <summary>How a key is shown to the person enrolling: grouped for typing, as an otpauth URI, and as its QR code.</summary>
internal static class SecondFactorEnrolment
{
    public const string Issuer = "Sotong";

    /// <summary>160 bits, the HMAC-SHA1 key length RFC 4226 recommends and what Identity generates.</summary>
    public const int KeyBytes = 20;

    public static string NewKey() => Base32.Encode(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>"ABCD EFGH …": groups of four are what people can copy without losing their place.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return string.Join(' ', plain.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The Key URI Format the authenticator apps read: <c>otpauth://totp/Issuer:account?secret=…&amp;issuer=…</c>.</summary>
    public static string OtpAuthUri(string account, string key)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Issuer}&digits={Totp.Digits}&period={Totp.PeriodSeconds}");
    }

    /// <summary>
    /// The URI as an SVG QR code in a data URI, drawn here so the secret never leaves the server. Error correction
    /// level M survives a phone camera's glare on a monitor without making the code denser than it needs to be.
    /// </summary>
    public static string QrDataUri(string otpAuthUri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
