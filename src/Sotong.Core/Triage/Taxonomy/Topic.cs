using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Triage.Taxonomy;

/// <summary>A subject the city sorts messages by (교통, 주택·건축 …). Administrators rename, add and retire them.</summary>
public sealed class TriageTopic
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 60;

    public required string Key { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The topics a new city starts with: the Social Media Center's fields, plus the rest of city life.</summary>
    public static IReadOnlyList<TriageTopic> Defaults { get; } =
    [
        new() { Key = "transport", NameKo = "교통", NameEn = "Transport", SortOrder = 1 },
        new() { Key = "safety", NameKo = "도시안전·재난", NameEn = "Urban safety and disasters", SortOrder = 2 },
        new() { Key = "housing", NameKo = "주택·건축", NameEn = "Housing and building", SortOrder = 3 },
        new() { Key = "culture", NameKo = "문화·관광", NameEn = "Culture and tourism", SortOrder = 4 },
        new() { Key = "welfare", NameKo = "복지", NameEn = "Welfare", SortOrder = 5 },
        new() { Key = "health", NameKo = "보건·의료", NameEn = "Health", SortOrder = 6 },
        new() { Key = "education", NameKo = "교육·보육", NameEn = "Education and childcare", SortOrder = 7 },
        new() { Key = "economy", NameKo = "일자리·경제", NameEn = "Jobs and economy", SortOrder = 8 },
        new() { Key = "environment", NameKo = "환경·청소", NameEn = "Environment and cleaning", SortOrder = 9 },
        new() { Key = "roads", NameKo = "도로·시설물", NameEn = "Roads and facilities", SortOrder = 10 },
        new() { Key = "administration", NameKo = "행정·기타", NameEn = "Administration and other", SortOrder = 11 },
    ];
}

internal sealed class TriageTopicConfiguration : IEntityTypeConfiguration<TriageTopic>
{
    public void Configure(EntityTypeBuilder<TriageTopic> b)
    {
        b.ToTable("triage_topic");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(TriageTopic.MaxKeyLength);
        b.Property(t => t.NameKo).HasMaxLength(TriageTopic.MaxNameLength);
        b.Property(t => t.NameEn).HasMaxLength(TriageTopic.MaxNameLength);
    }
}
