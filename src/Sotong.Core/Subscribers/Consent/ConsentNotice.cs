using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Subscribers.Consent;

/// <summary>
/// The notice a resident reads before consenting (PIPA article 15): purpose, items collected, how long they are kept,
/// and the right to refuse. Versions are never edited once published; a subscriber records the version they agreed to.
/// </summary>
public sealed class ConsentNotice
{
    public int Version { get; set; }
    public required string PurposeKo { get; set; }
    public required string PurposeEn { get; set; }
    public required string ItemsKo { get; set; }
    public required string ItemsEn { get; set; }
    public required string RetentionKo { get; set; }
    public required string RetentionEn { get; set; }
    public required string RefusalKo { get; set; }
    public required string RefusalEn { get; set; }

    /// <summary>Consent lapses this many months after it was given (the subscriber is then purged unless they renew).</summary>
    public int RetentionMonths { get; set; }
    public DateTime PublishedAtUtc { get; set; }

    /// <summary>The first notice every installation starts with (a district publishes its own as a new version).</summary>
    public static ConsentNotice Initial(DateTime publishedAtUtc) => new()
    {
        Version = 1,
        PurposeKo = "구정 소식과 선택하신 관심 분야의 생활 정보를 문자(SMS·LMS)로 보내 드리고, 보내 주신 문자 답장·의견·참여 응모를 처리하기 위함입니다.",
        PurposeEn = "To send you district news and information in the interest areas you choose by text message (SMS/LMS), and to handle the replies, opinions and contest entries you text back.",
        ItemsKo = "휴대전화번호(필수), 성별, 출생연도, 거주 행정동, 관심 분야(필수). 주민등록번호는 수집하지 않습니다.",
        ItemsEn = "Mobile number (required), gender, birth year, administrative dong of residence, interest areas (required). Resident registration numbers are never collected.",
        RetentionKo = "동의일로부터 2년 또는 수신 거부 시까지 보관하며, 수신 거부 후 5일 이내에 파기합니다. 기간이 끝나기 전에 다시 동의하시면 연장됩니다.",
        RetentionEn = "Kept for 2 years from your consent or until you withdraw, and destroyed within 5 days of withdrawal. Consenting again before then renews the period.",
        RefusalKo = "동의를 거부할 권리가 있으며, 거부하시면 문자 소식을 받으실 수 없을 뿐 다른 불이익은 없습니다. 언제든 웹(/unsubscribe)이나 문자로 '수신거부'를 보내 철회할 수 있습니다.",
        RefusalEn = "You may refuse; the only consequence is that you will not receive the text messages. You can withdraw at any time on the web (/unsubscribe) or by texting \"STOP\" (수신거부).",
        RetentionMonths = 24,
        PublishedAtUtc = publishedAtUtc,
    };
}

internal sealed class ConsentNoticeConfiguration : IEntityTypeConfiguration<ConsentNotice>
{
    public void Configure(EntityTypeBuilder<ConsentNotice> b)
    {
        b.ToTable("subscribers_consent_notice");
        b.HasKey(n => n.Version);
        b.Property(n => n.Version).ValueGeneratedNever();
        foreach (var name in new[] { nameof(ConsentNotice.PurposeKo), nameof(ConsentNotice.PurposeEn), nameof(ConsentNotice.ItemsKo), nameof(ConsentNotice.ItemsEn),
            nameof(ConsentNotice.RetentionKo), nameof(ConsentNotice.RetentionEn), nameof(ConsentNotice.RefusalKo), nameof(ConsentNotice.RefusalEn) })
        {
            b.Property(name).HasMaxLength(2000);
        }
    }
}
