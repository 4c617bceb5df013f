using System.Security.Cryptography;
using System.Text;

namespace Sotong.Core.Campaigns.Participation;

/// <summary>
/// The draw, as a function anyone can recompute from what is stored:
/// <list type="number">
/// <item>the eligible entries' ids, each written as 32 lowercase hex digits (<c>Guid.ToString("N")</c>), sorted
/// ordinally, joined with <c>\n</c> — the list's hash is SHA-256 of that text (UTF-8), in lowercase hex;</item>
/// <item>each id's rank is HMAC-SHA256 with the 32-byte seed as key and the id's 32-character text (UTF-8) as
/// message, compared as lowercase hex (which orders like the bytes);</item>
/// <item>the winners are the <c>n</c> ids of lowest rank (ties, which need a SHA-256 collision, by id).</item>
/// </list>
/// Nothing depends on <see cref="Random"/> or on the order rows come out of a database.
/// </summary>
public static class WinnerDraw
{
    public const int SeedBytes = 32;

    /// <summary>A fresh seed of 256 bits from the operating system's cryptographic generator.</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedBytes);

    /// <summary>The eligible list in its fixed order: distinct ids sorted by their "N" text.</summary>
    public static IReadOnlyList<Guid> Canonical(IEnumerable<Guid> ids) =>
        [.. ids.Distinct().OrderBy(Text, StringComparer.Ordinal)];

    /// <summary>The list as stored and hashed: one id per line, no trailing newline.</summary>
    public static string ListText(IReadOnlyList<Guid> canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return string.Join('\n', canonical.Select(Text));
    }

    public static IReadOnlyList<Guid> ParseList(string listText)
    {
        ArgumentNullException.ThrowIfNull(listText);
        return listText.Length == 0 ? [] : [.. listText.Split('\n').Select(Guid.Parse)];
    }

    public static string ListHash(IReadOnlyList<Guid> canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ListText(canonical))));

    /// <summary>The rank of one id under a seed (lower wins).</summary>
    public static string Rank(byte[] seed, Guid id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(seed, Encoding.UTF8.GetBytes(Text(id))));

    /// <summary>The winners, best rank first.</summary>
    public static IReadOnlyList<Guid> Winners(byte[] seed, IReadOnlyList<Guid> eligible, int count)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(eligible);
        if (seed.Length != SeedBytes)
        {
            throw new ArgumentException($"A seed is {SeedBytes} bytes.", nameof(seed));
        }
        return [.. eligible
            .Select(id => (Id: id, Rank: Rank(seed, id)))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => Text(x.Id), StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(x => x.Id)];
    }

    private static string Text(Guid id) => id.ToString("N");
}
