using Sotong.Core.Qna.Comments;

namespace Sotong.Tests.Qna;

public sealed class CommentFilterTests
{
    // Each row: the comment, the reason it is rejected for. Grouped by the way the word is dodged.
    public static TheoryData<string, string> Abusive => new()
    {
        // Plain
        { "씨발 진짜 너무하네", "profanity" },
        { "시발 이게 민원 처리냐", "profanity" },
        { "병신 같은 행정", "profanity" },
        { "개새끼들 일 좀 해라", "profanity" },
        { "좆같은 주차 단속", "profanity" },
        { "지랄하고 있네", "profanity" },
        { "존나 느려요", "profanity" },
        { "존나 좋다", "profanity" }, // praise with a swear word is still a swear word
        { "미친놈아 불법주차 좀 치워", "profanity" },
        // Spaces, dots, digits, Latin letters, zero-width characters between syllables
        { "씨 발 뭐하는 거야", "profanity" },
        { "개 새 끼", "profanity" },
        { "미친 놈이 또 주차했네", "profanity" },
        { "시.발", "profanity" },
        { "시1발 공무원들 일 안하냐", "profanity" },
        { "병1신", "profanity" },
        { "시a발", "profanity" },
        { "시\u200B발", "profanity" },
        { "ㅅ ㅂ 답답하네", "profanity" },
        // Initial consonants
        { "ㅅㅂ 답답하네", "profanity" },
        { "ㅆㅂ", "profanity" },
        { "ㅂㅅ들이 일하는 곳", "profanity" },
        { "ㅄ", "profanity" },
        { "ㅈㄹ하고 있네", "profanity" },
        { "ㄱㅅㄲ", "profanity" },
        // Look-alike letters and jamo typed one by one
        { "씌발 민원 처리 언제 해요", "profanity" },
        { "싀발", "profanity" },
        { "병쉰", "profanity" },
        { "개세끼", "profanity" },
        { "ㅅㅣㅂㅏㄹ", "profanity" },
        { "ㅅl발", "profanity" },
        { "ｆｕｃｋ", "profanity" },
        // English, leetspeak, Korean typed on an English keyboard, romanised
        { "fuck you", "profanity" },
        { "f.u.c.k", "profanity" },
        { "f u c k", "profanity" },
        { "FUUUCK", "profanity" },
        { "this is sh1t", "profanity" },
        { "a$$hole mayor", "profanity" },
        { "fuсk", "profanity" }, // Cyrillic с
        { "ⓢⓗⓘⓣ", "profanity" },
        { "tlqkf", "profanity" },
        { "ssibal", "profanity" },
        // 병신년 without a year is the insult
        { "이 병신년아", "profanity" },
        // Slurs
        { "한남충", "slur" },
        { "역시 한남들", "slur" },
        { "김치녀들이 문제", "slur" },
        { "맘충 때문에 시끄러워요", "slur" },
        // Insults aimed at a person
        { "느금마", "personal-attack" },
        { "니애미", "personal-attack" },
        { "애미 없는 놈", "personal-attack" },
        { "꺼져", "personal-attack" },
        { "꺼져!!!", "personal-attack" },
        { "너나 꺼져", "personal-attack" },
        { "입 닥쳐", "personal-attack" },
    };

    // Ordinary civic comments with a tricky substring: every one must pass.
    public static TheoryData<string> Innocent => new()
    {
        "시발점부터 다시 검토해 주세요",
        "시발역에서 출발하는 첫차 시간을 알려주세요",
        "사업 계획 발표 시 발표 자료를 공개해 주세요",
        "서울시발표에 따르면 내년부터 시행된다고 합니다",
        "걸을 시 발바닥이 아파요, 보도블록 교체 부탁드립니다",
        "우리 시 발전 방향에 대한 의견입니다",
        "수박씨 발라 먹는 법을 알려주는 교실이 있나요",
        "수박씨발라내는 체험 프로그램",
        "1956년 병신년에 지어진 다리라 안전 점검이 필요합니다",
        "병신년(丙申年) 정월대보름 행사 기록을 찾습니다",
        "코로나 감염병 신고 절차가 궁금합니다",
        "질병신고센터 번호가 바뀌었나요",
        "전염병 예방 접종은 어디서 하나요",
        "공사가 주민 생활에 큰 영향을 미친 것 같습니다",
        "미친 듯이 비가 와서 지하도가 침수됐어요",
        "태풍이 닥쳐오기 전에 배수구 청소 부탁드립니다",
        "추위가 닥쳐서 난방비 지원이 필요합니다",
        "가로등이 꺼져 있어서 밤길이 너무 어둡습니다",
        "신호등이 또 꺼져버렸어요",
        "한남동 주민센터 운영시간이 궁금합니다",
        "한남대교 남단 정체가 심해요",
        "한 남자가 쓰레기를 무단투기했어요",
        "허리띠를 졸라 매고 예산을 아껴야 합니다",
        "문화재 보존 나무 관리 부탁드립니다",
        "보존나무 보호 조례가 있나요",
        "5개년 계획의 진행 상황이 궁금합니다",
        "옆집 개 소리가 너무 시끄러워요",
        "새끼 고양이가 배수구에 빠졌어요",
        "하루 세끼 급식 지원 확대해주세요",
        "십 년 동안 민원 넣었는데 해결이 안 돼요",
        "고양이가 쓰레기봉투를 뒤져서 길이 지저분해요",
        "맘 충분히 이해합니다. 빠른 처리 부탁드려요",
        "Shiitake mushroom festival 일정이 궁금해요",
        "Scunthorpe 자매도시 교류 행사",
        "수고 많으십니다. 시민으로서 감사드립니다",
        "청년 전세대출 조건이 궁금합니다",
    };

    public static TheoryData<string, string> Held => new()
    {
        { "https://a.example.com 과 https://b.example.com 을 보세요", "too-many-links" },
        { "자료는 seoul.go.kr 과 www.gov.kr 에 있어요", "too-many-links" },
        { "여기 확인 bit.ly/3abcDEF", "spam-link" },
        { "https://han.gl/xYz12 클릭", "spam-link" },
        { "카지노 첫 가입 보너스 지급", "advertising" },
        { "바카라 무료 체험하세요", "advertising" },
        { "무료상담 받아보세요", "advertising" },
        { "무 료 상 담 환영", "advertising" },
        { "월 300 수익보장 부업", "advertising" },
        { "텔레그램 아이디 @abc123 으로 연락", "advertising" },
        { "카톡 ID: money77", "advertising" },
        { "당일 대출 가능 010-1234-5678", "advertising" },
        { "대출 문의 01012345678", "advertising" },
        { "토토 추천 https://example.com", "advertising" },
        { "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ", "repeated-characters" },
        { "좋아요!!!!!!!!!!!!", "repeated-characters" },
        { "😡😡😡😡😡😡😡😡😡😡", "repeated-characters" },
        { "👍🏻👍🏻👍🏻👍🏻👍🏻👍🏻👍🏻👍🏻👍🏻👍🏻", "repeated-characters" },
    };

    public static TheoryData<string> NotSpam => new()
    {
        "자세한 내용은 https://www.seoul.go.kr 참고하세요",
        "ㅋㅋㅋ 좋네요",
        "2026년 11월 24일 10시, 다산콜센터 120으로 문의했어요",
        "카카오톡 채널로 문의했는데 답이 없어요",
        "제 번호 010-1234-5678 로 연락 주세요",
        "스포츠토토 매장 앞 불법주차",
        "예산 1000000000원 집행 내역 공개 바랍니다",
        "----------------------------",
        "이메일 kim@city.go.kr 로 보냈습니다",
        "Node.js 버전 1.2.3 은 링크가 아닙니다",
    };

    [Theory]
    [MemberData(nameof(Abusive))]
    public void Given_abuse_however_dodged_Then_the_comment_is_rejected_with_the_reason(string comment, string reason)
    {
        var check = CommentFilter.Check(comment);

        check.Verdict.ShouldBe(CommentVerdict.Reject, $"{comment} → {check.Reason} {check.Matched}");
        check.Reason.ShouldBe(reason);
        check.Matched.ShouldNotBeNullOrEmpty();
    }

    // The allow list is folded like the comment (의 → 이, 세 → 새): an allowed word must never swallow a swear word
    // followed by an ordinary ending.
    [Theory]
    [InlineData("시발")]
    [InlineData("씨발")]
    [InlineData("병신")]
    [InlineData("존나")]
    [InlineData("개새끼")]
    [InlineData("지랄")]
    public void Given_a_swear_word_followed_by_a_common_ending_Then_it_is_still_rejected(string word)
    {
        foreach (var tail in new[] { "", "아", "야", "이", "이다", "의", "들", "놈", "년", "새끼", "같은", "진짜", "뭐야", "게", "네", "라", "가" })
        {
            CommentFilter.Check(word + tail).Verdict.ShouldBe(CommentVerdict.Reject, word + tail);
        }
    }

    [Fact]
    public void Given_a_proper_name_that_contains_an_english_swear_word_Then_it_is_allowed()
    {
        CommentFilter.Check("Matsushita 공장 견학 후기").Verdict.ShouldBe(CommentVerdict.Allow);
        CommentFilter.Check("Fukuoka 자매도시 교류").Verdict.ShouldBe(CommentVerdict.Allow);
    }

    [Theory]
    [MemberData(nameof(Innocent))]
    public void Given_a_civic_comment_with_a_tricky_substring_Then_it_is_allowed(string comment)
    {
        var check = CommentFilter.Check(comment);

        check.Verdict.ShouldBe(CommentVerdict.Allow, $"{comment} → {check.Reason} {check.Matched}");
    }

    [Theory]
    [MemberData(nameof(Held))]
    public void Given_spam_signals_Then_the_comment_is_held_for_a_moderator(string comment, string reason)
    {
        var check = CommentFilter.Check(comment);

        check.Verdict.ShouldBe(CommentVerdict.Hold, $"{comment} → {check.Reason} {check.Matched}");
        check.Reason.ShouldBe(reason);
    }

    [Theory]
    [MemberData(nameof(NotSpam))]
    public void Given_a_link_a_number_or_a_line_in_an_ordinary_comment_Then_it_is_allowed(string comment)
    {
        var check = CommentFilter.Check(comment);

        check.Verdict.ShouldBe(CommentVerdict.Allow, $"{comment} → {check.Reason} {check.Matched}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData("\u200B\u200B")]
    [InlineData("\u3164")]
    public void Given_nothing_to_read_Then_the_comment_is_rejected_as_empty(string comment) =>
        CommentFilter.Check(comment).ShouldBe(new CommentCheck(CommentVerdict.Reject, "empty", null));

    [Fact]
    public void Given_more_than_a_thousand_characters_Then_the_comment_is_rejected_as_too_long()
    {
        var atLimit = string.Concat(Enumerable.Repeat("민원 처리 감사합니다. ", 100))[..CommentFilter.MaxLength];

        CommentFilter.Check(atLimit).Verdict.ShouldBe(CommentVerdict.Allow);
        CommentFilter.Check(atLimit + "요").ShouldBe(new CommentCheck(CommentVerdict.Reject, "too-long", null));
    }

    [Fact]
    public void Given_abuse_and_spam_together_Then_rejection_wins()
    {
        var check = CommentFilter.Check("씨발 카지노 bit.ly/abc");

        check.Verdict.ShouldBe(CommentVerdict.Reject);
        check.Reason.ShouldBe("profanity");
        check.Matched.ShouldBe("씨발");
    }

    [Fact]
    public void Given_a_dodged_word_Then_matched_shows_it_as_written()
    {
        CommentFilter.Check("아 시.1.발 진짜").Matched.ShouldBe("시.1.발");
        CommentFilter.Check("ㅅㅣㅂㅏㄹ").Matched.ShouldBe("ㅅㅣㅂㅏㄹ");
    }

    [Fact]
    public void Given_many_allowed_words_before_a_bad_one_Then_the_bad_one_is_still_found()
    {
        var check = CommentFilter.Check(string.Concat(Enumerable.Repeat("시발점 ", 120)) + "씨발");

        check.Verdict.ShouldBe(CommentVerdict.Reject);
        check.Matched.ShouldBe("씨발");
    }

    [Fact]
    public void Given_many_threads_Then_every_check_gives_the_same_answer()
    {
        var comments = new[] { "씨 발", "시발점", "bit.ly/x", "ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ", "고맙습니다" };
        var expected = comments.Select(CommentFilter.Check).ToArray();

        Parallel.For(0, 2000, i => CommentFilter.Check(comments[i % comments.Length]).ShouldBe(expected[i % comments.Length]));
    }
}
