using System.Globalization;
using Sotong.Bench.Portal;

// The million-case figures of issue 5 (docs/benchmarks.md, bench/portal.sh):
//   generate --connection CS [--cases 1000000] [--history data/triage/history.csv] [--seed 5]
//   load --name NAME --urls FILE [--rate 20] [--seconds 30] [--warmup 5] [--cookie "name=value"] [--max-in-flight 256]
string Get(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

return args.FirstOrDefault() switch
{
    "generate" => await Generate.RunAsync(Get("--connection", ""), Int("--cases", 1_000_000), Get("--history", "data/triage/history.csv"), Int("--seed", 5)),
    "load" => await Load.RunAsync(Get("--name", "GET"), [.. File.ReadLines(Get("--urls", "")).Where(l => l.Length > 0)], Int("--rate", 20), Int("--seconds", 30),
        Int("--warmup", 5), args.Contains("--cookie") ? Get("--cookie", "") : null, Int("--max-in-flight", 256)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate --connection CS [--cases N] | load --name NAME --urls FILE [--rate R] [--seconds S] [--warmup W] [--cookie C]");
    return 2;
}
