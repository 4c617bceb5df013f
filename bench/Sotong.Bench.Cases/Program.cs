using System.Diagnostics;
using System.Globalization;
using Sotong.Core.Cases.Deadlines;

// Deadline figures of docs/benchmarks.md (issue 5, "≥ 100,000 due times per second"): due times for received
// instants spread over 2024–2027 at any hour, with the default period of each complaint type (7 days, 14 days,
// 14 days, 7 days, 3 working hours), on one thread (run under `taskset -c 0` for one core), and the due labels
// officers see. Usage: bench/cases.sh [count]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"# Deadline benchmark: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical CPUs visible, .NET {Environment.Version}"));

var periods = new[] { ComplaintPeriod.OfDays(7), ComplaintPeriod.OfDays(14), ComplaintPeriod.OfDays(14), ComplaintPeriod.OfDays(7), ComplaintPeriod.Immediately };
var random = new Random(20261123);
var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var span = (long)(new DateTime(2027, 12, 1, 0, 0, 0, DateTimeKind.Utc) - from).TotalMinutes;
var received = new DateTime[count];
for (var i = 0; i < count; i++)
{
    received[i] = from.AddMinutes(random.NextInt64(span));
}
var calendar = new WorkingCalendar();
var due = new DateTime[count];

// Warm-up: JIT and the per-year holiday cache, as in a running app.
for (var i = 0; i < Math.Min(count, 50_000); i++)
{
    due[i] = calendar.DueAt(received[i], periods[i % periods.Length]);
}

var sw = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    due[i] = calendar.DueAt(received[i], periods[i % periods.Length]);
}
var dueSeconds = sw.Elapsed.TotalSeconds;

// Labels as officers see them: for open cases, somewhere between receipt and half a period past the due time.
var labels = Math.Min(count, 200_000);
var nows = Enumerable.Range(0, labels).Select(i => received[i] + (due[i] - received[i]) * (random.NextDouble() * 1.5)).ToArray();
var checksum = 0;
sw.Restart();
for (var i = 0; i < labels; i++)
{
    checksum += DueLabel.For(nows[i], due[i], calendar).Korean.Length;
}
var labelSeconds = sw.Elapsed.TotalSeconds;

// A sanity check that the work was done (and not optimised away): no due time before its receipt.
var bad = Enumerable.Range(0, count).Count(i => due[i] <= received[i]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

| measure | count | time | rate |
|---|---|---|---|
| due times (`WorkingCalendar.DueAt`) | {count:N0} | {dueSeconds * 1000:F0} ms | **{count / dueSeconds:N0}/s** |
| due labels (`DueLabel.For`, "D-2, 19시간 남음") | {labels:N0} | {labelSeconds * 1000:F0} ms | **{labels / labelSeconds:N0}/s** |

due times not after their receipt: {bad} (must be 0); label checksum {checksum}
"""));
return bad == 0 ? 0 : 1;
