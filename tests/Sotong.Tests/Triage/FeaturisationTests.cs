using Microsoft.ML;
using Microsoft.ML.Data;
using Sotong.Core.Triage.Classify;
using Sotong.Core.Triage.Training;

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
        var ml = new Microsoft.ML.MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new ModelInput { Text = TextNormalizer.Normalize("버스 정류장 불편") }, new ModelInput { Text = "bus stop broken" } });
        var transformer = ml.Transforms.Text.FeaturizeText("Features", ModelTrainer.FeaturizerOptions(), nameof(ModelInput.Text)).Fit(data);
        var transformed = transformer.Transform(data);
        Microsoft.ML.Data.VBuffer<ReadOnlyMemory<char>> names = default;
        transformed.Schema["Features"].GetSlotNames(ref names);
        var slots = names.DenseValues().Select(n => n.ToString()).ToList();
        // Character trigrams inside Korean words (the stem without a morphological analyser) …
        slots.ShouldContain(s => s.Contains("정|류|장", StringComparison.Ordinal));
        // … and word bigrams for English.
        slots.ShouldContain(s => s.Contains("bus|stop", StringComparison.Ordinal));
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
