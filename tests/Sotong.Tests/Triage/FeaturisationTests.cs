using Sotong.Core.Triage.Classify;

namespace Sotong.Tests.Triage;

public class FeaturisationTests
{
    [Theory]
    [InlineData("143번 버스가   안 와요", "000번 버스가 안 와요")]
    [InlineData("ＡＢＣ 버스", "abc 버스")]
    [InlineData("진짜 너무해요ㅋㅋㅋㅋㅋㅋ!!!!!", "진짜 너무해요ㅋㅋ!!")]
    [InlineData("자세한 건 https://example.org/a?b=1 참고", "자세한 건 url 참고")]
    [InlineData("줄\n바꿈\t탭", "줄 바꿈 탭")]
    [InlineData("   ", "")]
    public void Text_is_folded_to_one_canonical_form(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Digit_runs_keep_their_length_so_numbers_of_different_size_stay_apart() =>
        TextNormalizer.Normalize("2호선 10000원").ShouldBe("0호선 00000원");

    [Fact]
    public void Very_long_text_is_cut_to_the_limit() =>
        TextNormalizer.Normalize(new string('가', 5000) + "끝").Length.ShouldBeLessThanOrEqualTo(TextNormalizer.MaxLength);

    [Fact]
    public void Given_a_text_over_the_limit_Then_its_beginning_and_its_closing_request_are_both_kept()
    {
        var story = string.Concat(Enumerable.Range(0, 120).Select(i => $"사연{i % 7}번 "));
        var text = "처음 인사드립니다 " + story + story + " 그래서 가로등 수리를 요청합니다";

        var normalized = TextNormalizer.Normalize(text);

        normalized.Length.ShouldBeLessThanOrEqualTo(TextNormalizer.MaxLength);
        normalized.ShouldStartWith("처음 인사드립니다");
        normalized.ShouldEndWith("가로등 수리를 요청합니다");
    }

    [Fact]
    public void Given_emoji_at_the_cut_Then_no_half_character_is_left()
    {
        // Two characters before and after put a high surrogate just before the head's cut and a low one just after the tail's.
        var text = "가나" + string.Concat(Enumerable.Repeat("민원😀 ", 800)) + "다라";
        char.IsHighSurrogate(text[TextNormalizer.MaxLength * 3 / 5 - 1]).ShouldBeTrue();
        char.IsLowSurrogate(text[text.Length - (TextNormalizer.MaxLength - TextNormalizer.MaxLength * 3 / 5 - 1)]).ShouldBeTrue();

        var normalized = TextNormalizer.Normalize(text);

        for (var i = 0; i < normalized.Length; i++)
        {
            if (char.IsHighSurrogate(normalized[i]))
            {
                (i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1])).ShouldBeTrue();
            }
            else if (char.IsLowSurrogate(normalized[i]))
            {
                (i > 0 && char.IsHighSurrogate(normalized[i - 1])).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void The_featurizer_takes_character_ngrams_of_hangul_and_word_ngrams()
    {
        var featurizer = NgramFeaturizer.Fit([TextNormalizer.Normalize("버스 정류장 불편"), "bus stop broken"], minDocuments: 1);

        // Character trigrams inside Korean words (the stem without a morphological analyser), with the text's start marked …
        featurizer.IndexOfChars("정류장").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfChars("\u0002버스").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfChars("스 정").ShouldBeGreaterThanOrEqualTo(0);
        // … and word unigrams and bigrams for English.
        featurizer.IndexOfWords("bus", "stop").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfWords("stop").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfWords("stop", "bus").ShouldBe(-1);
        featurizer.IndexOfChars("택시").ShouldBe(-1);
        // 3 + 3 + 3 + 1 = 10 characters with the marks: 10 + 9 + 8 unigram-to-trigram slots, some shared.
        featurizer.Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Punctuation_separates_words_and_is_no_ngram()
    {
        var featurizer = NgramFeaturizer.Fit(["도로가, 패였어요!", "another text"], minDocuments: 1);

        featurizer.IndexOfWords("도로가", "패였어요").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfChars(",").ShouldBe(-1);
        featurizer.IndexOfChars("가 패").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Weights_are_log_tf_times_idf_normalised_to_unit_length()
    {
        string[] texts = ["버스 버스 정류장", "정류장 청소", "공원 청소"];
        var featurizer = NgramFeaturizer.Fit(texts, minDocuments: 1);
        var scratch = new FeatureScratch();

        featurizer.Featurize("버스 버스 정류장", scratch);

        var values = scratch.Values.ToArray();
        var indices = scratch.Indices.ToArray();
        values.Sum(v => (double)v * v).ShouldBe(1, 1e-5);
        // "버스" is in one text of three and appears twice; "정류장" is in two of three and appears once.
        var bus = values[Array.IndexOf(indices, featurizer.IndexOfWords("버스"))];
        var stop = values[Array.IndexOf(indices, featurizer.IndexOfWords("정류장"))];
        (bus / stop).ShouldBe((float)((1 + Math.Log(2)) * Math.Log(3) / Math.Log(1.5)), 1e-3);
        featurizer.Idf(featurizer.IndexOfWords("버스")).ShouldBe((float)Math.Log(3), 1e-5);
        // An n-gram the dictionary does not know adds nothing; the scratch holds no counts over from the last text.
        featurizer.Featurize("택시", scratch);
        // Only the start and end marks are known (every text has them: idf 0).
        scratch.Indices.ToArray().ShouldBe([featurizer.IndexOfChars("\u0002"), featurizer.IndexOfChars("\u0003")], ignoreOrder: true);
        scratch.Values.ToArray().ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void An_ngram_fewer_texts_have_than_the_minimum_is_left_out()
    {
        var featurizer = NgramFeaturizer.Fit(["버스 정류장", "버스 노선", "공원 청소"]);

        featurizer.IndexOfWords("버스").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfWords("정류장").ShouldBe(-1);
        featurizer.IndexOfChars("버스").ShouldBeGreaterThanOrEqualTo(0);
        featurizer.IndexOfChars("청소").ShouldBe(-1);
    }

    [Fact]
    public void A_stored_featurizer_reads_back_with_the_same_feature_numbers()
    {
        var featurizer = NgramFeaturizer.Fit(["버스 정류장 불편", "bus stop broken", "공원 청소 부탁"], minDocuments: 1);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            featurizer.Write(w);
        }
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);

        var read = NgramFeaturizer.Read(r);

        read.Count.ShouldBe(featurizer.Count);
        read.IndexOfChars("정류장").ShouldBe(featurizer.IndexOfChars("정류장"));
        read.IndexOfWords("bus", "stop").ShouldBe(featurizer.IndexOfWords("bus", "stop"));
        read.Idf(read.IndexOfWords("청소")).ShouldBe(featurizer.Idf(featurizer.IndexOfWords("청소")));
    }

    [Theory]
    [InlineData("마포구 망원동 도로가 패였어요", "마포구")]
    [InlineData("강남구청 앞에서", "강남구")]
    [InlineData("I live in Mapo and the bus is late", "마포구")]
    [InlineData("중구 명동 쓰레기", "중구")]
    [InlineData("시청 앞 광장", null)]
    [InlineData("어제 송파 롯데월드 근처, 그리고 강동구 쪽도", "송파구")]
    public void Districts_are_found_by_name(string text, string? expected) =>
        Districts.Find(text).ShouldBe(expected);
}
