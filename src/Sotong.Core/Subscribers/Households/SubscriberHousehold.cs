using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Subscribers.Households;

/// <summary>
/// A household as paper forms name it ("김 씨 댁", "101동 1203호"): subscribers with the same label in the same dong
/// share its id. The service aims at one subscriber per household, so staff see how many each has.
/// </summary>
public sealed class SubscriberHousehold
{
    public const int MaxLabelLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DongCode { get; set; }
    public required string Label { get; set; }

    /// <summary><see cref="HouseholdLabels.Normalize"/> of the label: unique within a dong.</summary>
    public required string NormalizedLabel { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class SubscriberHouseholdConfiguration : IEntityTypeConfiguration<SubscriberHousehold>
{
    public void Configure(EntityTypeBuilder<SubscriberHousehold> b)
    {
        b.ToTable("subscribers_household");
        b.HasKey(h => h.Id);
        b.Property(h => h.DongCode).HasMaxLength(20);
        b.Property(h => h.Label).HasMaxLength(SubscriberHousehold.MaxLabelLength);
        b.Property(h => h.NormalizedLabel).HasMaxLength(SubscriberHousehold.MaxLabelLength);
        b.HasIndex(h => new { h.DongCode, h.NormalizedLabel }).IsUnique();
    }
}

/// <summary>How labels are compared: case, width, spacing and punctuation spacing do not make two households.</summary>
public static class HouseholdLabels
{
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var folded = label.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Groups rows by (dong, label): each group with a label gets one household id, an existing one when
    /// <paramref name="existing"/> knows the pair, a new one otherwise. Rows without a label get none.
    /// </summary>
    public static IReadOnlyDictionary<(string DongCode, string Normalized), Guid> Assign(
        IEnumerable<(string DongCode, string? Label)> rows,
        IReadOnlyDictionary<(string DongCode, string Normalized), Guid> existing,
        Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(newId);
        var result = new Dictionary<(string, string), Guid>();
        foreach (var (dong, label) in rows)
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                continue;
            }
            var key = (dong, Normalize(label));
            if (!result.ContainsKey(key))
            {
                result[key] = existing.TryGetValue(key, out var id) ? id : newId();
            }
        }
        return result;
    }
}
