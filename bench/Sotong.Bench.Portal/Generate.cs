using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Cases;
using Sotong.Core.Cases.Deadlines;
using Sotong.Core.Cases.Open;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox;
using Sotong.Core.Qna;
using Sotong.Core.Qna.Publish;

namespace Sotong.Bench.Portal;

/// <summary>
/// Fills a migrated, demo-seeded PostgreSQL database with a city's history of cases: citizens' messages (the texts of
/// data/triage/history.csv with a place and a number so no two are the same), the cases they became, each case's
/// history, answers, the published share of them on the portal with recommendations and comments. Rows go in by binary
/// COPY through the app's own EF model (<see cref="BulkCopy"/>), so every column is what the app would write. States
/// follow age: old cases are closed, recent ones are open and some overdue. The demo department officer
/// (bus@sotong.example) holds one officer's share of their division. Deterministic for a given seed.
/// </summary>
internal static class Generate
{
    private const int Batch = 25_000;

    public static async Task<int> RunAsync(string connectionString, int count, string historyPath, int seed)
    {
        var options = new DbContextOptionsBuilder<SotongDbContext>();
        DataModule.Configure(options, DatabaseProvider.Postgres, connectionString + ";Command Timeout=0");
        await using var db = new SotongDbContext(options.Options);
        var divisions = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code);
        var officer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "bus@sotong.example");
        var history = ReadHistory(historyPath).Where(h => divisions.ContainsKey(h.Division)).ToArray();
        if (history.Length == 0 || await db.Set<Case>().AnyAsync())
        {
            Console.Error.WriteLine("Needs a migrated, demo-seeded database without cases, and data/triage/history.csv.");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generating {count:N0} cases from {history.Length} history texts into {db.Database.GetDbConnection().Database}"));

        var random = new Random(seed);
        var calendar = new WorkingCalendar();
        var periods = new CasePeriods();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = (now - from).TotalMinutes;
        // Officers per division: one for every ~4,000 cases the division gets, at least two.
        var perDivision = history.GroupBy(h => h.Division).ToDictionary(g => g.Key, g => Math.Max(2, (int)(count * (double)g.Count() / history.Length / 4000)));
        var officerDivision = divisions.Values.Single(d => d.Id == officer.DivisionId).Code;
        var masked = history.Select(h => PersonalDataMasker.Mask(h.Text)).ToArray();
        var places = new[] { "1번 출구", "정문 앞", "사거리", "버스정류장", "놀이터 옆", "공영주차장", "어린이보호구역", "지하차도", "교차로", "상가 앞", "3단지", "후문" };
        var counts = new Dictionary<string, long>();
        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync();

        for (var start = 0; start < count; start += Batch)
        {
            var messages = new List<InboxMessage>(Batch + Batch / 8);
            var cases = new List<Case>(Batch);
            var links = new List<CaseMessage>(Batch + Batch / 8);
            var events = new List<CaseEvent>(Batch * 5);
            var answers = new List<PublishedAnswer>(Batch / 2);
            var comments = new List<AnswerComment>(Batch / 4);
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                // Volume grows over the years (more of the cases are recent), and rows arrive in time order, as they do
                // in a city's database: case i of n is received at the i-th quantile of that growth.
                var received = from.AddMinutes(span * Math.Sqrt((i + random.NextDouble()) / count));
                var h = random.Next(history.Length);
                var source = history[h];
                var division = divisions[source.Division];
                var type = (ComplaintType)Pick(random, [0.35, 0.03, 0.22, 0.35, 0.05]);
                var due = calendar.DueAt(received, periods.For(type));
                var channel = (InboxChannel)Pick(random, [0.25, 0.35, 0.0, 0.10, 0.0, 0.05, 0.15, 0.05, 0.05]);
                var place = places[random.Next(places.Length)];
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({place} {random.Next(1, 300)})");
                var text = source.Text + suffix;
                var officerNo = random.Next(perDivision[source.Division]);
                var mine = source.Division == officerDivision && officerNo == 0;
                var (staffId, staffName) = mine ? (officer.Id, officer.DisplayName) : ($"bench-{source.Division}-{officerNo}", $"담당자 {source.Division}-{officerNo}");
                var c = new Case
                {
                    ReceiptNumber = $"C-{Day(received)}-{i:D8}", Title = OpenCaseHandler.TitleFrom(text), Type = type, DivisionId = division.Id, Topic = NullIfEmpty(source.Topic),
                    ReceivedAtUtc = received, DueAtUtc = due, OriginalDueAtUtc = due,
                };
                var ageDays = (now - received).TotalDays;
                var fate = random.NextDouble();
                var eventAt = received;
                void Step(string action, CaseState to, double hours, string? reason = null)
                {
                    eventAt = eventAt.AddHours(hours);
                    events.Add(new CaseEvent { CaseId = c.Id, AtUtc = eventAt, Action = action, From = c.State, To = to, ActorId = staffId, ActorName = staffName, Reason = reason });
                    c.State = to;
                    c.Version++;
                }
                events.Add(new CaseEvent { CaseId = c.Id, AtUtc = received, Action = "Opened", From = CaseState.Received, To = CaseState.Received, ActorId = "triage", ActorName = "Triage" });
                var stage = ageDays switch
                {
                    > 60 => fate < 0.93 ? 5 : fate < 0.97 ? 4 : fate < 0.985 ? -1 : -2,
                    > 14 => fate < 0.60 ? 5 : fate < 0.88 ? 4 : fate < 0.95 ? 3 : 2,
                    _ => fate < 0.30 ? 4 : fate < 0.55 ? 3 : fate < 0.85 ? 2 : 0,
                };
                if (stage == -1)
                {
                    Step("Withdrawn", CaseState.Withdrawn, 2, "민원인 요청으로 취하");
                }
                if (stage == -2)
                {
                    c.TransferredToAgency = "국토교통부";
                    Step("TransferredOut", CaseState.Transferred, 5, "국토교통부: 소관 기관 이송");
                }
                if (stage >= 2)
                {
                    c.AssignedToId = staffId;
                    c.AssignedToName = staffName;
                    Step("Assigned", CaseState.Assigned, 0.5 + random.NextDouble() * 4, staffName);
                }
                if (stage >= 3)
                {
                    Step("Started", CaseState.InProgress, random.NextDouble() * 8);
                    if (random.NextDouble() < 0.04)
                    {
                        c.Extensions = 1;
                        c.DueAtUtc = calendar.DueAt(c.OriginalDueAtUtc, periods.For(type));
                        Step("Extended", CaseState.Extended, 24, "현장 확인과 관계 부서 협의가 필요합니다");
                    }
                }
                if (stage >= 4)
                {
                    // Most answers come before the due time; some late.
                    var answeredAt = received + (c.DueAtUtc - received) * (0.15 + random.NextDouble() * (random.NextDouble() < 0.9 ? 0.8 : 1.6));
                    eventAt = answeredAt > eventAt ? answeredAt : eventAt.AddHours(1);
                    c.AnswerText = AnswerFor(random, division.NameKo, source.Topic, place);
                    c.AnsweredAtUtc = eventAt;
                    c.AnsweredByName = staffName;
                    c.Answers = 1;
                    Step("Answered", CaseState.Answered, 0);
                }
                if (stage >= 5)
                {
                    c.ClosedAtUtc = eventAt.AddDays(3);
                    Step("Closed", CaseState.Closed, 72);
                }
                if (c.IsOpen)
                {
                    // The deadline watcher has been running all along: reminders, escalations and 30-day notices of
                    // the cases still open were already sent (as in a city that has used Sotong for years).
                    c.RemindedAtUtc = c.DueAtUtc - DeadlineWatcher.ReminderLead < now ? c.DueAtUtc - DeadlineWatcher.ReminderLead : null;
                    c.EscalatedAtUtc = c.DueAtUtc < now ? c.DueAtUtc.AddMinutes(1) : null;
                    c.ProgressNoticeAtUtc = received + DeadlineWatcher.ProgressNoticeAfter < now ? received + DeadlineWatcher.ProgressNoticeAfter : null;
                }
                var attached = random.NextDouble() < 0.1 ? 2 : 1;
                for (var k = 0; k < attached; k++)
                {
                    var at = received.AddMinutes(k * random.Next(5, 600));
                    var m = new InboxMessage
                    {
                        ReceiptNumber = $"{Letter(channel)}-{Day(at)}-{i:D8}{k}", FollowKeyHash = ReceiptNumbers.Hash($"BENCH{i}X{k}"), Channel = channel,
                        ProviderMessageId = $"bench-{i}-{k}", Text = k == 0 ? text : $"저도 같은 문제입니다. {text}", Kind = channel == InboxChannel.Web ? MessageKind.WebForm : MessageKind.DirectMessage,
                        DivisionId = division.Id, ReceivedAtUtc = at, ConsentToPublish = random.NextDouble() < 0.5,
                    };
                    m.Label(source.Kind, source.Topic.Length == 0 ? "administration" : source.Topic);
                    if (c.AnswerText is not null)
                    {
                        m.Answer(c.AnswerText, staffId, staffName, c.AnsweredAtUtc!.Value);
                    }
                    messages.Add(m);
                    var link = new CaseMessage { CaseId = c.Id, MessageId = m.Id, AttachedAtUtc = at };
                    if (c.AnswerText is not null && random.NextDouble() < 0.3)
                    {
                        link.Rating = 1 + Pick(random, [0.08, 0.07, 0.15, 0.3, 0.4]);
                        link.RatedAtUtc = eventAt.AddHours(5);
                    }
                    var published = c.AnswerText is not null && k == 0 && random.NextDouble() < 0.4;
                    if (published)
                    {
                        link.PublishConsentAtUtc = c.AnsweredAtUtc!.Value.AddHours(2);
                        c.PublishedAtUtc = c.AnsweredAtUtc.Value.AddDays(1);
                        events.Add(new CaseEvent { CaseId = c.Id, AtUtc = c.PublishedAtUtc.Value, Action = "Published", From = c.State, To = c.State, ActorId = staffId, ActorName = staffName });
                        var answer = Publication.ForMessage(Guid.Empty, new PublicationDraft(
                            c.ReceiptNumber, channel.ToString(), c.Title, masked[h] + suffix, c.AnswerText!, division.Id, division.NameKo, division.NameEn, c.Topic,
                            c.State == CaseState.Closed ? Publication.Closed : Publication.Answered, received, c.AnsweredAtUtc.Value), c.PublishedAtUtc.Value);
                        answer.SourceMessageId = null;
                        answer.SourceCaseId = c.Id;
                        // A few answers draw most of the recommendations.
                        answer.Recommendations = (int)Math.Min(5000, Math.Floor(-Math.Log(1 - random.NextDouble()) * 3 * (random.NextDouble() < 0.02 ? 60 : 1)));
                        if (random.NextDouble() < 0.1)
                        {
                            var n = random.Next(1, 6);
                            for (var j = 0; j < n; j++)
                            {
                                var state = random.NextDouble() < 0.05 ? CommentState.Hidden : CommentState.Visible;
                                comments.Add(new AnswerComment
                                {
                                    AnswerId = answer.Id, Nickname = $"시민{random.Next(1, 99999)}", Text = CommentTexts[random.Next(CommentTexts.Length)],
                                    PostedAtUtc = c.PublishedAtUtc.Value.AddHours(1 + j * 3), State = state, AuthorHash = $"{i:x8}{j:x2}",
                                    ModerationReason = state == CommentState.Hidden ? "욕설" : null, ModeratedBy = state == CommentState.Hidden ? "moderator" : null,
                                });
                                answer.VisibleComments += state == CommentState.Visible ? 1 : 0;
                            }
                        }
                        answers.Add(answer);
                    }
                    links.Add(link);
                }
                cases.Add(c);
            }
            // Published answers are written when they are published.
            answers.Sort((a, b) => a.PublishedAtUtc.CompareTo(b.PublishedAtUtc));
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await CopyAsync(db, messages, counts);
                await CopyAsync(db, cases, counts);
                await CopyAsync(db, links, counts);
                await CopyAsync(db, events, counts);
                await CopyAsync(db, answers, counts);
                await CopyAsync(db, comments, counts);
                await tx.CommitAsync();
            }
            var done = Math.Min(count, start + Batch);
            if (done % 100_000 == 0 || done == count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} cases, {clock.Elapsed.TotalSeconds:F0} s"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {string.Join(", ", counts.Select(kv => $"{kv.Value:N0} {kv.Key}"))} in {clock.Elapsed.TotalSeconds:F0} s"));
        clock.Restart();
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VACUUM ANALYZE: {clock.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    private static async Task CopyAsync<T>(SotongDbContext db, List<T> rows, Dictionary<string, long> counts) where T : class
    {
        await BulkCopy.CopyAsync(db, rows, CancellationToken.None);
        counts[typeof(T).Name] = counts.GetValueOrDefault(typeof(T).Name) + rows.Count;
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static string Day(DateTime utc) => Sotong.Core.Common.Time.SeoulTime.ToSeoul(utc).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static char Letter(InboxChannel channel) => ReceiptNumbers.New(channel, default)[0];

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static readonly string[] Openers =
    [
        "안녕하십니까. {0}입니다. 먼저 구정에 관심을 가져 주셔서 감사드립니다.",
        "안녕하세요, {0} 담당자입니다. 불편을 드려 죄송합니다.",
        "귀하께서 {0}에 주신 의견에 대해 답변드립니다.",
    ];

    private static readonly Dictionary<string, string[]> Actions = new()
    {
        ["transport"] = ["말씀하신 {1} 주변 버스 배차 간격을 확인한 결과 출퇴근 시간대 증차를 운수회사와 협의하였습니다.", "{1} 불법 주정차는 단속 카메라 설치를 검토하고 있으며 우선 현장 단속을 주 3회로 늘리겠습니다.", "신호 주기를 조정하여 보행자 녹색 시간을 늘렸습니다."],
        ["safety"] = ["{1} 현장을 점검한 결과 위험 요소를 확인하여 안전 펜스를 설치하였습니다.", "CCTV 추가 설치를 내년 예산에 반영하도록 하겠습니다.", "야간 순찰을 관할 경찰서와 협조하여 강화하겠습니다."],
        ["housing"] = ["공사장 소음은 현장 점검 후 시공사에 작업 시간 준수를 지시하였습니다.", "{1} 건축물의 불법 증축 여부를 조사하여 시정 명령을 내렸습니다."],
        ["roads"] = ["{1} 도로 파손 부위는 긴급 보수를 마쳤습니다.", "보도블록 교체 공사를 다음 달 중 시행할 예정입니다.", "가로등 고장은 접수 당일 수리하였습니다."],
        ["environment"] = ["{1} 무단투기 쓰레기는 수거하였고 계도 현수막을 설치하였습니다.", "악취 발생 사업장을 점검하여 개선 명령을 내렸습니다."],
        ["culture"] = ["행사 일정과 예약 방법은 누리집 공지사항에 안내하였습니다.", "{1} 시설 이용 시간을 주말에 한해 연장하겠습니다."],
    };

    private static readonly string[] GeneralActions =
    [
        "관계 부서와 협의하여 {1} 현장을 확인하였고, 필요한 조치를 마쳤습니다.",
        "말씀하신 내용은 관련 규정을 검토하여 개선 방안을 마련하겠습니다.",
        "추가로 궁금하신 점은 다산콜센터 120으로 문의하시면 안내해 드리겠습니다.",
    ];

    private static string AnswerFor(Random random, string division, string topic, string place)
    {
        var actions = Actions.TryGetValue(topic, out var a) ? a : GeneralActions;
        return string.Format(CultureInfo.InvariantCulture, Openers[random.Next(Openers.Length)], division) + " "
            + string.Format(CultureInfo.InvariantCulture, actions[random.Next(actions.Length)], division, place) + " "
            + string.Format(CultureInfo.InvariantCulture, GeneralActions[random.Next(GeneralActions.Length)], division, place) + " 감사합니다.";
    }

    private static readonly string[] CommentTexts =
    [
        "빠르게 처리해 주셔서 감사합니다.", "우리 동네도 같은 문제가 있어요. 같이 봐 주세요.", "답변은 좋은데 실제로 바뀌었는지는 모르겠네요.",
        "이런 답변 공개 좋네요!", "저도 추천합니다.", "아직 그대로입니다. 다시 확인 부탁드려요.",
    ];

    private sealed record HistoryRow(string Text, string Division, MessageIntent Kind, string Topic);

    private static List<HistoryRow> ReadHistory(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<HistoryRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(new HistoryRow(csv.GetField("text")!, csv.GetField("division")!, Enum.TryParse<MessageIntent>(csv.GetField("kind"), out var kind) ? kind : MessageIntent.Complaint, csv.GetField("topic") ?? ""));
        }
        return rows;
    }
}
