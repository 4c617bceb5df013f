using System.Security.Cryptography;

namespace Sotong.Core.Common.Security;

/// <summary>Unguessable tokens for links and keys: cryptographically random bytes in URL-safe base64 without padding.</summary>
public static class RandomTokens
{
    public static string Base64Url(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
