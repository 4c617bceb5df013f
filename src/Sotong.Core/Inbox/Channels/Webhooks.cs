using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sotong.Core.Common.Texts;

namespace Sotong.Core.Inbox.Channels;

/// <summary>The parts every webhook shares: reading the exact bytes, checking HMACs, and saying no clearly.</summary>
public static class Webhooks
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The raw body as received (signatures are over these bytes), or null when it is larger than allowed.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Constant-time check of "sha256=&lt;hex&gt;" (Meta) against HMAC-SHA256(secret, body).</summary>
    public static bool HexSignatureMatches(string? header, byte[] body, string secret)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(7));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Constant-time check of "sha256=&lt;base64&gt;" (X) against HMAC-SHA256(secret, body).</summary>
    public static bool Base64SignatureMatches(string? header, byte[] body, string secret)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var given = new byte[32];
        return Convert.TryFromBase64String(header[7..], given, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static bool SecretEquals(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    public static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.", $"At most {MaxBodyBytes} bytes are accepted.");

    public static IResult BadSignature() => Problem(StatusCodes.Status401Unauthorized, "The webhook signature is not valid.", null);

    public static IResult UnsupportedMediaType(string expected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The webhook body has the wrong content type.", $"Send it as {expected}.");

    public static IResult Malformed(string detail) => Problem(StatusCodes.Status400BadRequest, "The webhook payload could not be read.", detail);

    private static IResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    /// <summary>A platform's error body, short enough to show an officer and to store.</summary>
    public static string Excerpt(string body) => TextCut.Cut(body, 200);

    public static DateTime FromUnixMilliseconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
