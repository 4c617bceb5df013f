using System.Globalization;
using Sotong.Bench.Messaging;

// The delivery-engine figures of issue 6 (docs/benchmarks.md, bench/messaging.sh):
//   subscribers --connection CS [--count 1000000] [--seed 6]          active subscribers by binary COPY
//   outbox --connection CS [--runs 3]                                   a campaign to all of them: select + write to the outbox
//   send --connection CS --web Sotong.Web.dll [--count 200000] [--binds 4] [--window 50] [--throttle 0]
//        [--rate-per-bind 0] [--chunk 2000] [--workers 4] [--ceiling-count 200000] [--warmup 0]
//   alert --connection CS --web Sotong.Web.dll [--accounts 44] [--campaign 500000] [--chromium /usr/bin/chromium]   issue 7's figures
string Get(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

return args.FirstOrDefault() switch
{
    "subscribers" => await Subscribers.GenerateAsync(Get("--connection", ""), Int("--count", 1_000_000), Int("--seed", 6)),
    "client-only" => await ClientOnly.RunAsync(Int("--port", 2775), Int("--count", 200_000), Int("--binds", 4), Int("--window", 50), Int("--bulk", 0)),
    "outbox" => await OutboxWrite.RunAsync(Get("--connection", ""), Int("--runs", 3)),
    "send" => await SendRate.RunAsync(new SendRate.Options(Get("--connection", ""), Get("--web", ""), Int("--count", 200_000), Int("--binds", 4),
        Int("--window", 50), Int("--throttle", 0), Int("--rate-per-bind", 0), Int("--chunk", 2000), Int("--workers", 4), Int("--ceiling-count", 200_000), Int("--warmup", 0))),
    "alert" => await AlertFanOut.RunAsync(new AlertFanOut.Options(Get("--connection", ""), Get("--web", ""), Get("--chromium", "/usr/bin/chromium"),
        Int("--binds", 4), Int("--window", 50), Int("--chunk", 500), Int("--workers", 3), Int("--accounts", 44), Int("--campaign", 500_000))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: subscribers --connection CS [--count N] | outbox --connection CS [--runs N] | send --connection CS --web DLL [options]");
    return 2;
}
