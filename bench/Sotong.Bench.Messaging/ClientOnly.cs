using System.Diagnostics;
using System.Globalization;
using Sotong.Smpp;

namespace Sotong.Bench.Messaging;

/// <summary>
/// Sotong's SMPP client alone against an SMSC already listening (no database, no outbox): how fast the protocol library
/// itself submits, to separate its cost from the dispatcher's bookkeeping.
/// </summary>
internal static class ClientOnly
{
    public static async Task<int> RunAsync(int port, int count, int binds, int window, int bulk)
    {
        var clients = new List<SmppClient>();
        for (var i = 0; i < binds; i++)
        {
            var client = new SmppClient(new SmppClientOptions { Host = "127.0.0.1", Port = port, SystemId = "sotong", Password = "secret", Window = window });
            await client.ConnectAsync();
            clients.Add(client);
        }
        const string text = "[중구청] 구정소식: 이번 주 토요일 중림동 주민센터에서 건강검진이 있습니다.";
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        if (bulk > 0)
        {
            // As the dispatcher sends: lists of `bulk` destinations, two lists under way on each bind.
            await Task.WhenAll(Enumerable.Range(0, binds * 2).Select(async lane =>
            {
                var client = clients[lane % binds];
                int first;
                while ((first = Interlocked.Add(ref next, bulk) - bulk + 1) < count)
                {
                    var to = Enumerable.Range(first, Math.Min(bulk, count - first)).Select(n => "0106" + n.ToString("D7", CultureInfo.InvariantCulture)).ToList();
                    var outcomes = await client.SubmitManyAsync("0120", to, text);
                    if (outcomes.Any(o => !o.IsAccepted))
                    {
                        throw new InvalidOperationException(outcomes.First(o => !o.IsAccepted).Error!.Message);
                    }
                }
            }));
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, binds * window).Select(async lane =>
            {
                var client = clients[lane % binds];
                int n;
                while ((n = Interlocked.Increment(ref next)) < count)
                {
                    await client.SubmitAsync("0120", "0106" + n.ToString("D7", CultureInfo.InvariantCulture), text);
                }
            }));
        }
        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"client only{(bulk > 0 ? $" (lists of {bulk})" : "")}: {count:N0} submits over {binds} binds × window {window} in {clock.Elapsed.TotalSeconds:F2} s = {count / clock.Elapsed.TotalSeconds:F0}/s; CPU {used.TotalSeconds:F1} s ({used.TotalMicroseconds / count:F1} µs a message)"));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
        return 0;
    }
}
