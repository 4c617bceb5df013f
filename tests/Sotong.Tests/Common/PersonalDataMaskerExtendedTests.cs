using Sotong.Core.Common.Security;

namespace Sotong.Tests.Common;

/// <summary>Payment cards, bank accounts, passports and driver's licences, as citizens write them in complaints.</summary>
public sealed class PersonalDataMaskerExtendedTests
{
    public static TheoryData<string, string> Cards => new()
    {
        { "카드번호 4111-1111-1111-1111 로 결제했어요", "카드번호 ****-****-****-1111 로 결제했어요" },
        { "결제한 카드는 5555 5555 5555 4444 입니다", "결제한 카드는 **** **** **** 4444 입니다" },
        { "4012888888881881으로 환불 부탁드려요", "************1881으로 환불 부탁드려요" },
        { "아멕스 3782-822463-10005 카드로 냈습니다", "아멕스 ****-******-*0005 카드로 냈습니다" },
        { "378282246310005", "***********0005" },
        { "JCB 3530 1113 3330 0000 이중결제", "JCB **** **** **** 0000 이중결제" },
        { "국내전용 9410-1234-5678-9010 카드", "국내전용 ****-****-****-9010 카드" },
        { "마스터 2221–0000–0000–0009", "마스터 ****–****–****–0009" },
    };

    public static TheoryData<string> NotCards => new()
    {
        "카드번호 4111-1111-1111-1112 맞나요?", // the Luhn digit is wrong
        "주문번호 2026112412345679 확인 부탁드립니다", // passes Luhn but starts with a date
        "접수번호 C-20261124-12345678 민원입니다",
        "W-20261124-87654321 건 처리해 주세요",
        "1234 5678 9012 3456 은 예시 번호입니다",
        "송장번호 6091 2345 6789 로 배송 조회",
        "2026년 11월 24일 결제 금액 1,234,567원",
    };

    public static TheoryData<string, string> Accounts => new()
    {
        { "환불은 123456-01-123456 으로 해주세요", "환불은 ******-**-**3456 으로 해주세요" },
        { "우리은행 1002-123-456789 홍길동", "우리은행 ****-***-**6789 홍길동" },
        { "카카오뱅크 3333-01-1234567로 보내주세요", "카카오뱅크 ****-**-***4567로 보내주세요" },
        { "농협 352-1234-5678-93 예금주 김민수", "농협 ***-****-**78-93 예금주 김민수" },
        { "하나은행 123-123456-12345 입니다", "하나은행 ***-******-*2345 입니다" },
        { "토스뱅크 1000-1234-5678", "토스뱅크 ****-****-5678" },
        { "입금 계좌번호: 110123456789 (신한)", "입금 계좌번호: ********6789 (신한)" },
        { "통장 사본에 있는 1002987654321 맞나요", "통장 사본에 있는 *********4321 맞나요" },
        { "Please refund to account 12345678901", "Please refund to account *******8901" },
    };

    public static TheoryData<string> NotAccounts => new()
    {
        "사업자등록번호 123-45-67890",
        "2026-11-24 오후 3시에 방문했습니다",
        "접수번호 W-20261124-12345678 입니다",
        "주문번호 20240115123456",
        "입금 금액은 1500000000원입니다",
        "수신자부담 080-123-4567 로 문의하세요",
        "2024-2025-2026 연속 사업입니다",
        "ISBN 978-89-123-4567-8 책을 기증합니다",
        "세종대로 110, 을지로 12-3",
        "계좌 비밀번호 4자리를 잊어버렸어요",
    };

    public static TheoryData<string, string> Passports => new()
    {
        { "여권번호 M12345678 입니다", "여권번호 M******** 입니다" },
        { "여권 M123A4567 재발급 문의", "여권 M******** 재발급 문의" },
        { "S87654321로 접수했어요", "S********로 접수했어요" },
        { "관용여권 G12345678 분실", "관용여권 G******** 분실" },
        { "외교관 여권 D12345678", "외교관 여권 D********" },
        { "여권(R12345678) 사본 첨부", "여권(R********) 사본 첨부" },
        { "passport no. M987B6543", "passport no. M********" },
    };

    public static TheoryData<string> NotPassports => new()
    {
        "M7731번 광역버스 배차간격이 너무 길어요",
        "주문번호 S20261124 취소",
        "모델명 SM123456789 냉장고",
        "G80 차량이 불법주차 중입니다",
        "제품코드 M12345678-01 리콜 대상인가요",
        "A12345678 은 여권번호가 아닙니다",
        "객실 R1234 호에 묵었습니다",
    };

    public static TheoryData<string, string> Licences => new()
    {
        { "운전면허 11-12-345678-90 분실했어요", "운전면허 11-**-******-** 분실했어요" },
        { "면허번호 서울 12-345678-90 입니다", "면허번호 서울 **-******-** 입니다" },
        { "부산12-345678-90", "부산**-******-**" },
        { "경기-21-123456-78 갱신 문의", "경기-**-******-** 갱신 문의" },
        { "28-19-654321-01 로 조회해 주세요", "28-**-******-** 로 조회해 주세요" },
        { "제주 98-765432-10", "제주 **-******-**" },
    };

    public static TheoryData<string> NotLicences => new()
    {
        "10-12-345678-90 은 없는 지역번호입니다",
        "서울 2026-11-24 행사",
        "서울시 12-345678-90",
        "11-12-3456 동 호수",
        "경기 12-34-5678",
        "2026-11-24 11:00-12:00",
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Given_a_card_number_that_passes_Luhn_Then_all_but_the_last_four_digits_are_masked(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(NotCards))]
    public void Given_a_card_look_alike_Then_it_is_left_alone(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Theory]
    [MemberData(nameof(Accounts))]
    public void Given_a_bank_account_Then_all_but_the_last_four_digits_are_masked(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(NotAccounts))]
    public void Given_an_account_look_alike_Then_it_is_left_alone(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Theory]
    [MemberData(nameof(Passports))]
    public void Given_a_passport_number_Then_all_but_the_letter_is_masked(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(NotPassports))]
    public void Given_a_passport_look_alike_Then_it_is_left_alone(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Theory]
    [MemberData(nameof(Licences))]
    public void Given_a_driver_licence_Then_the_digits_after_the_region_are_masked(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(NotLicences))]
    public void Given_a_licence_look_alike_Then_it_is_left_alone(string input) =>
        PersonalDataMasker.Mask(input).ShouldBe(input);

    [Theory]
    [InlineData("연락처 010-1234-5678", "연락처 010-****-****")]
    [InlineData("계좌 말고 01012345678 로 연락 주세요", "계좌 말고 010******** 로 연락 주세요")]
    [InlineData("입금 확인은 02-123-4567", "입금 확인은 02-***-****")]
    public void Given_a_phone_number_near_an_account_keyword_Then_it_is_masked_once_as_a_phone(string input, string expected) =>
        PersonalDataMasker.Mask(input).ShouldBe(expected);

    [Fact]
    public void Given_a_sentence_with_every_kind_Then_each_is_masked_its_own_way()
    {
        const string input = "환불은 신한 110-123-456789(홍길동)로, 연락은 010-1234-5678, 카드 4111 1111 1111 1111, "
            + "여권 M12345678, 면허 서울 12-345678-90, 주민번호 900101-1234567, 메일 hong@example.com, 접수번호 W-20261124-12345678 입니다";
        const string expected = "환불은 신한 ***-***-**6789(홍길동)로, 연락은 010-****-****, 카드 **** **** **** 1111, "
            + "여권 M********, 면허 서울 **-******-**, 주민번호 ******-*******, 메일 h***@e******.com, 접수번호 W-20261124-12345678 입니다";

        PersonalDataMasker.Mask(input).ShouldBe(expected);
        PersonalDataMasker.ContainsPersonalData(input).ShouldBeTrue();
        PersonalDataMasker.ContainsPersonalData(expected).ShouldBeFalse();
    }

    public static TheoryData<string> EveryPositive
    {
        get
        {
            var all = new TheoryData<string>();
            foreach (var set in new[] { Cards, Accounts, Passports, Licences })
            {
                foreach (var row in set)
                {
                    all.Add((string)row[0]);
                }
            }
            return all;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPositive))]
    public void Given_masked_text_Then_masking_it_again_changes_nothing(string input)
    {
        var once = PersonalDataMasker.Mask(input);
        PersonalDataMasker.Mask(once).ShouldBe(once);
    }
}
