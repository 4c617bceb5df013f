using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Sotong.Bench.Portal;

/// <summary>
/// Open-loop GETs over a list of URLs (taken in turn): requests leave at a fixed rate whatever the server does, and
/// latency is measured from each request's scheduled time, so a stall shows up as latency (no coordinated omission).
/// A warm-up at the same rate over the same connections is not counted. Prints one line; exits 1 if any request
/// failed or was not 2xx.
/// </summary>
internal static class Load
{
    public static async Task<int> RunAsync(string name, string[] urls, int rate, int seconds, int warmupSeconds, string? cookie, int maxInFlight)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxInFlight, PooledConnectionLifetime = TimeSpan.FromMinutes(10), AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var bytes = 0L;

        async Task<(int Status, double Seconds)> GetAsync(string url, Stopwatch clock, double due)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (cookie is not null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
            }
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                Interlocked.Add(ref bytes, response.Content.Headers.ContentLength ?? 0);
                return ((int)response.StatusCode, clock.Elapsed.TotalSeconds - due);
            }
            catch (HttpRequestException)
            {
                return (0, clock.Elapsed.TotalSeconds - due);
            }
            catch (TaskCanceledException)
            {
                return (0, clock.Elapsed.TotalSeconds - due);
            }
        }

        async Task<(int Status, double Seconds)[]> PhaseAsync(int phaseSeconds, int offset)
        {
            var total = rate * phaseSeconds;
            var tasks = new Task<(int, double)>[total];
            var inFlight = new SemaphoreSlim(maxInFlight);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < total; i++)
            {
                var due = (double)i / rate;
                var wait = due - clock.Elapsed.TotalSeconds;
                if (wait > 0.002)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait));
                }
                if (!inFlight.Wait(0))
                {
                    tasks[i] = Task.FromResult((-1, double.NaN));
                    continue;
                }
                var url = urls[(offset + i) % urls.Length];
                tasks[i] = Task.Run(async () =>
                {
                    try
                    {
                        return await GetAsync(url, clock, due);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                });
            }
            return await Task.WhenAll(tasks);
        }

        if (warmupSeconds > 0)
        {
            await PhaseAsync(warmupSeconds, urls.Length / 2);
        }
        bytes = 0;
        var results = await PhaseAsync(seconds, 0);
        var ok = results.Count(r => r.Status is >= 200 and < 300);
        var measured = results.Where(r => !double.IsNaN(r.Seconds)).Select(r => r.Seconds * 1000).Order().ToArray();
        double Pct(double p) => measured.Length == 0 ? double.NaN : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p / 100 * measured.Length) - 1)];
        var statuses = string.Join(' ', results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == -1 ? "not-sent" : g.Key.ToString(CultureInfo.InvariantCulture))}:{g.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rate}/s × {seconds} s | {ok}/{results.Length} | {Pct(50):F1} ms | **{Pct(95):F1} ms** | {Pct(99):F1} ms | {Pct(100):F1} ms | {bytes / Math.Max(1, ok) / 1024.0:F1} KiB | {statuses} |"));
        return ok == results.Length ? 0 : 1;
    }
}
