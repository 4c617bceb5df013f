using Sotong.Core.Common.Security;

namespace Sotong.Tests.Common;

public sealed class PersonalDataMaskerTests
{
    public static TheoryData<string, string> MustBeMasked => new()
    {
        // Mobile numbers, every way people type them
        { "연락처 010-1234-5678 입니다", "연락처 010-****-**** 입니다" },
        { "01012345678로 주세요", "010********로 주세요" },
        { "010 1234 5678", "010 **** ****" },
        { "010.1234.5678", "010.****.****" },
        { "011-123-4567", "011-***-****" },
        { "016-9876-5432", "016-****-****" },
        { "010–1234–5678", "010–****–****" },
        { "+82 10-1234-5678", "+82 10-****-****" },
        { "+82-10-1234-5678", "+82-10-****-****" },
        { "+821012345678", "+8210********" },
        { "+82 (0)10 1234 5678", "+82 (0)10 **** ****" },
        { "0082-10-1234-5678", "0082-10-****-****" },
        // Landlines: Seoul, provinces, internet phones
        { "시청 02-123-4567", "시청 02-***-****" },
        { "02-2133-1234", "02-****-****" },
        { "0212345678", "02********" },
        { "031-123-4567", "031-***-****" },
        { "(051) 888-1234", "(051) ***-****" },
        { "064-710-1234", "064-***-****" },
        { "070-1234-5678", "070-****-****" },
        { "+82 2-123-4567", "+82 2-***-****" },
        // Resident and foreigner registration numbers
        { "주민번호 900101-1234567", "주민번호 ******-*******" },
        { "9001011234567", "*************" },
        { "900101 - 2345678", "****** - *******" },
        { "외국인등록번호 850315-5123456", "외국인등록번호 ******-*******" },
        { "881231-1******", "******-*******" },
        // E-mail
        { "hong.gildong@example.com 으로", "h***********@e******.com 으로" },
        { "a@b.kr", "a***@b***.kr" },
        // Bank accounts are masked since cards, accounts, passports and licences joined the list (more in PersonalDataMaskerExtendedTests)
        { "국민은행 계좌 110-123-456789", "국민은행 계좌 ***-***-**6789" },
        // Several in one text
        { "010-1111-2222, kim@city.go.kr, 800101-1234567", "010-****-****, k***@c******.kr, ******-*******" },
    };

    public static TheoryData<string> MustNotBeMasked => new()
    {
        "2024-01-15 오전에 신고했습니다",
        "2024.03.01 부터 시행",
        "09:00-18:00 운영",
        "1,000,000원이 들었습니다",
        "472번 버스와 7016번 버스",
        "우편번호 04524",
        "사업자등록번호 123-45-67890",
        "다산콜센터 120, 대표번호 1588-1234",
        "세종대로 110, 을지로 12-3",
        "주문번호 20240115123456",
        "2023년 4분기 목표 010% 달성", // a typo'd percent, not a phone
        "버전 1.2.3",
        "@seoulmania 계정을 팔로우하세요",
        "991340-1234567", // month 13 cannot be a birth date
    };

    [Theory]
    [MemberData(nameof(MustBeMasked))]
    public void Given_personal_data_Then_it_is_masked(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(MustNotBeMasked))]
    public void Given_a_look_alike_Then_it_is_left_alone(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Fact]
    public void Given_masked_text_Then_masking_again_changes_nothing()
    {
        var once = PersonalDataMasker.Mask("010-1234-5678 / 900101-1234567 / me@site.org");
        PersonalDataMasker.Mask(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("01012345678", "010******78")]
    [InlineData("010-1234-5678", "010-****-**78")]
    [InlineData(null, "")]
    public void Given_a_phone_for_a_log_Then_only_prefix_and_last_two_digits_show(string? phone, string expected) =>
        PersonalDataMasker.MaskPhone(phone).ShouldBe(expected);
}
