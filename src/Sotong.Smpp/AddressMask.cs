namespace Sotong.Smpp;

/// <summary>Phone numbers are personal data: logs and ToString show the prefix only. Short codes are not personal.</summary>
internal static class AddressMask
{
    public static string Mask(string address) =>
        address.Length <= 4 ? address : string.Concat(address.AsSpan(0, 3), new string('*', address.Length - 3));
}
