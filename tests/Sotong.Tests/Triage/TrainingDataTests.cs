using Sotong.Core.Triage.Training;

namespace Sotong.Tests.Triage;

public class TrainingDataTests
{
    [Theory]
    [InlineData("143번 버스가 안 와요", "  420번   버스가 안 와요")]
    [InlineData("ＡＢＣ 버스", "abc 버스")]
    [InlineData("진짜 너무해요ㅋㅋㅋㅋㅋ", "진짜 너무해요ㅋㅋ")]
    public void Given_texts_the_normaliser_folds_together_Then_they_hash_alike_and_share_the_split(string a, string b)
    {
        TrainingExample.HashOf(a).ShouldBe(TrainingExample.HashOf(b));
        TrainingExample.HeldOut(a).ShouldBe(TrainingExample.HeldOut(b));
    }

    [Fact]
    public void Given_different_texts_Then_their_hashes_differ_and_are_64_hex_characters()
    {
        var bus = TrainingExample.HashOf("버스가 안 와요");
        var light = TrainingExample.HashOf("가로등이 꺼졌어요");
        bus.ShouldNotBe(light);
        bus.Length.ShouldBe(TrainingExample.HashLength);
        bus.ShouldMatch("^[0-9a-f]{64}$");
        // The held-out split is the hash's first byte, as before the hash was stored.
        TrainingExample.HeldOut("버스가 안 와요").ShouldBe(Convert.ToByte(bus[..2], 16) % 5 == 0);
    }

    [Fact]
    public void Given_a_confusion_matrix_Then_the_top_confusions_are_the_largest_off_diagonal_cells_first()
    {
        var head = new HeadMetrics(["a", "b", "c"], [[9, 4, 0], [1, 8, 4], [6, 0, 7]], 0.7, 0.7, 39, [0.7, 0.7, 0.7]);
        head.TopConfusions(3).ShouldBe([new LabelConfusion("c", "a", 6), new LabelConfusion("a", "b", 4), new LabelConfusion("b", "c", 4)]);
        head.TopConfusions(15).Count.ShouldBe(4);
        new HeadMetrics(["a", "b"], [[3, 0], [0, 2]], 1, 1, 5, [1, 1]).TopConfusions(15).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("history.csv", "history.csv")]
    [InlineData("C:\\Users\\kim\\Desktop\\민원 이력.csv", "민원 이력.csv")]
    [InlineData("/tmp/exports/history.jsonl", "history.jsonl")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    [InlineData("folder/", null)]
    public void Given_an_uploaded_file_name_Then_only_the_name_is_kept(string? sent, string? kept) =>
        TrainingBatch.CleanFileName(sent).ShouldBe(kept);
}
