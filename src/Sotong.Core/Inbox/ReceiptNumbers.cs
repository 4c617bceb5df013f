using System.Security.Cryptography;
using System.Text;
using Sotong.Core.Common.Time;

namespace Sotong.Core.Inbox;

/// <summary>Receipt numbers citizens read aloud on the phone, and the secret key that lets them follow a message.</summary>
public static class ReceiptNumbers
{
    private const string KeyAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>"W-20261123-48392017": channel letter, Seoul date, eight random digits (room for millions a day).</summary>
    public static string New(InboxChannel channel, DateTime nowUtc)
    {
        var letter = channel switch
        {
            InboxChannel.Web => 'W',
            InboxChannel.Sms => 'S',
            InboxChannel.Facebook => 'F',
            InboxChannel.Messenger => 'M',
            InboxChannel.Instagram => 'I',
            InboxChannel.X => 'X',
            InboxChannel.KakaoTalk => 'K',
            InboxChannel.Telegram => 'T',
            InboxChannel.Email => 'E',
        };
        var day = SeoulTime.ToSeoul(nowUtc).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return $"{letter}-{day}-{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}";
    }

    public static string NewFollowKey() => RandomNumberGenerator.GetString(KeyAlphabet, 12);

    public static string Hash(string followKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(followKey.Trim().ToUpperInvariant())));

    public static bool Matches(string storedHash, string followKey) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(followKey)));
}
