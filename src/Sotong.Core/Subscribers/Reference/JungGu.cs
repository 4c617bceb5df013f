namespace Sotong.Core.Subscribers.Reference;

/// <summary>
/// The demo district's reference data: Jung-gu's 15 administrative dongs and the service's 9 interest areas. Codes are
/// stable (subscribers, imports and campaigns refer to them); names can be edited by administrators.
/// </summary>
public static class JungGu
{
    public static readonly IReadOnlyList<(string Code, string NameKo, string NameEn)> Dongs =
    [
        ("sogong", "소공동", "Sogong-dong"),
        ("hoehyeon", "회현동", "Hoehyeon-dong"),
        ("myeong", "명동", "Myeong-dong"),
        ("pil", "필동", "Pil-dong"),
        ("jangchung", "장충동", "Jangchung-dong"),
        ("gwanghui", "광희동", "Gwanghui-dong"),
        ("euljiro", "을지로동", "Euljiro-dong"),
        ("sindang", "신당동", "Sindang-dong"),
        ("dasan", "다산동", "Dasan-dong"),
        ("yaksu", "약수동", "Yaksu-dong"),
        ("cheonggu", "청구동", "Cheonggu-dong"),
        ("sindang5", "신당5동", "Sindang 5-dong"),
        ("donghwa", "동화동", "Donghwa-dong"),
        ("hwanghak", "황학동", "Hwanghak-dong"),
        ("jungnim", "중림동", "Jungnim-dong"),
    ];

    /// <summary>The interest areas; the position in this list is the area's bit in <see cref="Subscriber.Interests"/>.</summary>
    public static readonly IReadOnlyList<(string Code, string NameKo, string NameEn)> Interests =
    [
        ("welfare", "복지", "Welfare"),
        ("health", "보건·의료", "Health and medical care"),
        ("education", "교육", "Education"),
        ("culture", "문화", "Culture"),
        ("jobs", "일자리", "Jobs"),
        ("transport", "교통", "Transport"),
        ("safety", "안전", "Safety"),
        ("environment", "환경", "Environment"),
        ("district-news", "구정소식", "District news"),
    ];
}
