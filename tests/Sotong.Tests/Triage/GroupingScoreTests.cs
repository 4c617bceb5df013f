using Sotong.Core.Triage.Grouping;

namespace Sotong.Tests.Triage;

/// <summary>
/// The grouping figures of docs/benchmarks.md ("Triage (issue 4)" §4) as a floor: a change to the grouping rules
/// that makes them worse on the held-out pairs fails here, not months later in the benchmark.
/// </summary>
public class GroupingScoreTests
{
    private static readonly IReadOnlyList<LabelledPair> Pairs = GroupingScore.Read(Path.Combine(RepositoryRoot(), "data", "triage", "pairs.jsonl"));

    [Fact]
    public void Given_the_held_out_pairs_Then_grouping_keeps_its_measured_precision_and_recall()
    {
        var heldOut = GroupingScore.HeldOut(Pairs);
        heldOut.Count.ShouldBe(Pairs.Count / 2);
        heldOut.ShouldContain(p => p.Same);
        heldOut.ShouldContain(p => !p.Same);

        var score = GroupingScore.Of(heldOut);

        (score.TruePositives + score.FalsePositives + score.FalseNegatives + score.TrueNegatives).ShouldBe(heldOut.Count);
        score.Precision.ShouldBeGreaterThanOrEqualTo(0.70, $"{score}");
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.65, $"{score}");
    }

    [Fact]
    public void Given_scored_pairs_Then_each_lands_in_the_cell_of_its_label_and_the_verdict()
    {
        const string pothole = "망원로8길 12 앞 도로에 포트홀이 크게 생겼어요. 차가 덜컹거려요";
        var score = GroupingScore.Of(
        [
            new LabelledPair(pothole, "망원로8길 12 앞에 도로 파인 곳 있어요 위험해요 포트홀 빨리 메워주세요", Same: true, null),
            new LabelledPair(pothole, "성산로 45 앞 도로에 포트홀이 생겼어요", Same: false, null),
            new LabelledPair(pothole, "성산로 45 앞 도로에 포트홀이 생겼어요", Same: true, "labelled same, judged different"),
            new LabelledPair(pothole, pothole, Same: false, "labelled different, judged same"),
        ]);
        score.ShouldBe(new GroupingScore(TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, TrueNegatives: 1));
        score.Precision.ShouldBe(0.5);
        score.Recall.ShouldBe(0.5);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sotong.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Sotong.slnx) is not above the test's folder.");
    }
}
