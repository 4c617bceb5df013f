using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sotong.IntegrationTests.Channels;

/// <summary>One mail as the SMTP server took it: the envelope, the AUTH PLAIN user, and the DATA byte for byte (dot-unstuffed).</summary>
public sealed record SmtpDelivery(string MailFrom, IReadOnlyList<string> Recipients, string? AuthenticatedAs, string? Password, byte[] Data);

/// <summary>
/// A small real SMTP server on 127.0.0.1 (RFC 5321: greeting, EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA with dot-stuffing,
/// RSET, NOOP, QUIT) that records what it is given. Recipients in <see cref="Refused"/> get a 550 at RCPT TO, as a
/// server does for a mailbox that does not exist. No 8BITMIME or SMTPUTF8, so the client must encode the mail in 7 bits.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _queued;

    public int Port { get; }
    public ConcurrentQueue<SmtpDelivery> Deliveries { get; } = new();
    public ConcurrentQueue<string> Transcript { get; } = new();
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    private SmtpTestServer(TcpListener listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public static SmtpTestServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SmtpTestServer(listener);
    }

    /// <summary>A port on which nothing listens (bound, then released), for "connection refused".</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The one delivery to <paramref name="recipient"/>; fails with the transcript when there is none or more.</summary>
    public SmtpDelivery OnlyOneTo(string recipient)
    {
        var found = Deliveries.Where(d => d.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();
        found.Count.ShouldBe(1, $"deliveries to {recipient}; transcript:\n{string.Join('\n', Transcript)}");
        return found[0];
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps bytes to chars one to one, so the DATA comes back byte for byte.
            using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            string? from = null;
            string? user = null;
            string? password = null;
            var recipients = new List<string>();
            await ReplyAsync(writer, "220 mail.test.example ESMTP Sotong test server");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                Transcript.Enqueue("C: " + line);
                var verb = (line.Split(' ', 2)[0]).ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(writer, "250-mail.test.example greets you");
                        await ReplyAsync(writer, "250-SIZE 10485760");
                        await ReplyAsync(writer, "250 AUTH PLAIN");
                        break;
                    case "HELO":
                        await ReplyAsync(writer, "250 mail.test.example");
                        break;
                    case "AUTH":
                        var parts = argument.Split(' ', 2);
                        if (!parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
                        {
                            await ReplyAsync(writer, "504 5.5.4 Unrecognized authentication type");
                            break;
                        }
                        var initial = parts.Length > 1 ? parts[1] : null;
                        if (initial is null)
                        {
                            await ReplyAsync(writer, "334 ");
                            initial = await reader.ReadLineAsync(_stop.Token) ?? "";
                        }
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
                        (user, password) = (fields[1], fields[2]);
                        await ReplyAsync(writer, "235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = Address(argument);
                        recipients.Clear();
                        await ReplyAsync(writer, "250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var to = Address(argument);
                        if (Refused.ContainsKey(to))
                        {
                            await ReplyAsync(writer, $"550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table");
                            break;
                        }
                        recipients.Add(to);
                        await ReplyAsync(writer, "250 2.1.5 Ok");
                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0)
                        {
                            await ReplyAsync(writer, "554 5.5.1 Error: no valid recipients");
                            break;
                        }
                        await ReplyAsync(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        Deliveries.Enqueue(new SmtpDelivery(from, [.. recipients], user, password, Encoding.Latin1.GetBytes(data.ToString())));
                        await ReplyAsync(writer, $"250 2.0.0 Ok: queued as {Interlocked.Increment(ref _queued).ToString(CultureInfo.InvariantCulture)}");
                        from = null;
                        recipients.Clear();
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await ReplyAsync(writer, "250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await ReplyAsync(writer, "250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await ReplyAsync(writer, "221 2.0.0 Bye");
                        return;
                    default:
                        await ReplyAsync(writer, "502 5.5.2 Error: command not recognized");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private async Task ReplyAsync(StreamWriter writer, string line)
    {
        Transcript.Enqueue("S: " + line);
        await writer.WriteLineAsync(line);
    }

    /// <summary>"FROM:&lt;a@b&gt; SIZE=123" → "a@b".</summary>
    private static string Address(string argument)
    {
        var start = argument.IndexOf('<', StringComparison.Ordinal);
        var end = argument.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument[(argument.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
