using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

// Open-loop load generator for Sotong's webhooks: requests leave at a fixed rate whatever the server does, and
// latency is measured from each request's scheduled time, so a stalled server shows up as latency, not as a
// politely slower client (no coordinated omission).
//
//   dotnet run -c Release -- --url http://127.0.0.1:5090/hooks/meta --rate 2000 --seconds 60 --secret S --page PAGEID
//   dotnet run -c Release -- --url http://127.0.0.1:5090/hooks/bare --rate 2000 --seconds 60
//   --warmup N first sends N seconds at the same rate over the same connections, not measured (a platform delivers
//   webhooks over connections it keeps open; opening a thousand at once is not what steady state looks like).
var options = Options.Parse(args);
var secretBytes = options.Secret is null ? null : Encoding.UTF8.GetBytes(options.Secret);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.MaxInFlight,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AutomaticDecompression = DecompressionMethods.None,
};
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

var total = (long)options.Rate * options.Seconds;
var latencies = new double[total];
var statuses = new int[total];
var inFlight = new SemaphoreSlim(options.MaxInFlight);
var runId = Guid.NewGuid().ToString("N")[..8];
var tasks = new List<Task>((int)Math.Min(total, 1_000_000));
var clock = Stopwatch.StartNew();
var interval = 1.0 / options.Rate;
var skipped = 0L;

var warmupOk = 0L;
if (options.WarmupSeconds > 0)
{
    var warm = new List<Task>();
    for (long i = 0; i < (long)options.Rate * options.WarmupSeconds; i++)
    {
        var wait = i * interval - clock.Elapsed.TotalSeconds;
        if (wait > 0.002)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait));
        }
        warm.Add(WarmAsync(total + i));
    }
    await Task.WhenAll(warm);
    clock.Restart();
}

for (long i = 0; i < total; i++)
{
    var due = i * interval;
    var wait = due - clock.Elapsed.TotalSeconds;
    if (wait > 0.002)
    {
        await Task.Delay(TimeSpan.FromSeconds(wait));
    }
    if (!inFlight.Wait(0))
    {
        // Too many requests outstanding: count it as a failure rather than slowing the schedule down.
        statuses[i] = -1;
        latencies[i] = double.NaN;
        Interlocked.Increment(ref skipped);
        continue;
    }
    var index = i;
    tasks.Add(SendAsync(index, due));
}
await Task.WhenAll(tasks);
var elapsed = clock.Elapsed.TotalSeconds;

var ok = statuses.Count(s => s is >= 200 and < 300);
var measured = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
double Pct(double p) => measured.Length == 0 ? double.NaN : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p / 100 * measured.Length) - 1)] * 1000;
var byStatus = statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{(g.Key == -1 ? "not-sent" : g.Key.ToString(CultureInfo.InvariantCulture))}:{g.Count()}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"url={options.Url} target_rate={options.Rate}/s seconds={options.Seconds} sent={total - skipped} ok_2xx={ok} achieved={ok / elapsed:F0}/s " +
    $"p50={Pct(50):F1}ms p95={Pct(95):F1}ms p99={Pct(99):F1}ms max={Pct(100):F1}ms statuses=[{string.Join(' ', byStatus)}] warmup_2xx={warmupOk} run={runId}"));
// Where the slow requests were: the seconds of the run (by scheduled send time) with the worst latency, to line
// stalls up with periodic work in the app (sweeps every 30 s, trend checks every minute).
var worst = Enumerable.Range(0, options.Seconds)
    .Select(second => (Second: second, Max: Enumerable.Range(second * options.Rate, options.Rate).Select(i => latencies[i]).Where(l => !double.IsNaN(l)).DefaultIfEmpty(0).Max() * 1000))
    .OrderByDescending(s => s.Max).Take(5).OrderBy(s => s.Second);
Console.WriteLine("worst seconds: " + string.Join(", ", worst.Select(w => string.Create(CultureInfo.InvariantCulture, $"t={w.Second}s max={w.Max:F0}ms"))));
return ok == total ? 0 : 1;

async Task WarmAsync(long index)
{
    try
    {
        using var response = await client.SendAsync(Request(index));
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref warmupOk);
        }
    }
    catch (HttpRequestException)
    {
    }
}

HttpRequestMessage Request(long index)
{
    var body = Payload(index);
    var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    if (secretBytes is not null)
    {
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secretBytes, body)));
    }
    return request;
}

async Task SendAsync(long index, double due)
{
    try
    {
        using var request = Request(index);
        using var response = await client.SendAsync(request);
        statuses[index] = (int)response.StatusCode;
    }
    catch (HttpRequestException)
    {
        statuses[index] = 0;
    }
    catch (TaskCanceledException)
    {
        statuses[index] = 0;
    }
    finally
    {
        latencies[index] = clock.Elapsed.TotalSeconds - due;
        inFlight.Release();
    }
}

byte[] Payload(long index)
{
    // Messenger messages from a pool of 5,000 people, so threads grow as they do in life.
    var psid = "7" + (index % 5000).ToString("D15", CultureInfo.InvariantCulture);
    var ts = 1_763_900_000_000 + index;
    var page = options.PageId;
    return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{{\"object\":\"page\",\"entry\":[{{\"id\":\"{page}\",\"time\":{ts},\"messaging\":[{{\"sender\":{{\"id\":\"{psid}\"}},\"recipient\":{{\"id\":\"{page}\"}},\"timestamp\":{ts},\"message\":{{\"mid\":\"m_{runId}_{index}\",\"text\":\"지하철 2호선 고장으로 20분째 멈춰 있습니다. 안내 부탁드립니다. ({index})\"}}}}]}}]}}"));
}

internal sealed record Options(string Url, int Rate, int Seconds, string? Secret, string PageId, int MaxInFlight, int WarmupSeconds)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(
            Get("--url", "http://127.0.0.1:5090/hooks/meta"),
            int.Parse(Get("--rate", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "60"), CultureInfo.InvariantCulture),
            args.Contains("--secret") ? Get("--secret", "") : null,
            Get("--page", "1122334455"),
            int.Parse(Get("--max-in-flight", "512"), CultureInfo.InvariantCulture),
            int.Parse(Get("--warmup", "0"), CultureInfo.InvariantCulture));
    }
}
