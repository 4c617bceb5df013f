using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;
using OtpNet;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.Core.Organization;
using Sotong.Core.Organization.Staff;

namespace Sotong.Bench.Messaging;

/// <summary>
/// Issue 7's figures: one approval of an alert to every subscriber (1,000,000 on the bench database) and 44 SNS accounts
/// answered by local stand-ins with a platform's latency, in a Sotong.Web process of its own with Chromium showing the
/// home page. From the approval request: every SNS post accepted, the whole audience written to the outbox, the banner
/// visible in the browser, and the SMS submission rate at the SMSC. Then a 500,000-recipient campaign is left sending
/// and an alert to one dong is approved: its first SMS's delay is compared with the same alert on an idle engine.
/// </summary>
internal static class AlertFanOut
{
    private const string Password = "Sotong-bench-2026!";
    private const string Author = "bench-author@sotong.example";

    public sealed record Options(string Connection, string Web, string Chromium, int Binds, int Window, int Chunk, int Workers, int Accounts, int CampaignSize);

    public static async Task<int> RunAsync(Options o)
    {
        var sim = Path.GetFullPath(Path.Combine("tests", "smpp-sim"));
        await using var smsc = await SendRate.Smsc.StartAsync(sim);
        await using var platform = await StandIn.StartAsync();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        // The app first: it migrates the database; the accounts are registered before anything reads them.
        using var app = StartApp(o, smsc.Port, platform.BaseUrl, baseUrl);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
            for (var i = 0; !await ReadyAsync(http); i++)
            {
                if (i > 1200 || app.Process.HasExited)
                {
                    Console.Error.WriteLine("Sotong did not start.\n" + app.Log);
                    return 1;
                }
                await Task.Delay(100);
            }
            int subscribers;
            using (var host = Host(o.Connection))
            {
                subscribers = await PrepareAsync(host.Services, o.Accounts);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audience: {subscribers} active subscribers; {o.Accounts} SNS accounts on stand-ins answering in 80–250 ms"));
            await KakaoAudienceAsync(http, o.Connection);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = o.Chromium,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(baseUrl + "/");
            // Let the app finish what the Kakao conversations started (intake, contacts) before the clock runs.
            await Task.Delay(10_000);

            // 1. The whole district: 1,000,000 SMS and every SNS account.
            var (author, approver, key) = await StaffAsync(http, o.Connection);
            var alert = await SubmittedAsync(author, "[중구청] 대설경보 발효, 외출 자제, 내 집 앞 눈 치우기, 대중교통 이용 바랍니다.", []);
            var banner = page.WaitForSelectorAsync($"li[data-alert=\"{alert.Identifier}\"]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            platform.Reset();
            await smsc.SendAsync(new JsonObject { ["cmd"] = "reset_stats" });
            var clock = Stopwatch.StartNew();
            await ApproveAsync(approver, alert, key);
            var approved = clock.Elapsed;
            var snsTask = Task.Run(async () =>
            {
                // Posted as Sotong records it: every account's last request accepted (Kakao's audience takes two).
                await using var db = new NpgsqlConnection(o.Connection);
                await db.OpenAsync();
                while (clock.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await using var command = new NpgsqlCommand("""SELECT count(*) FROM alerts_sns_post WHERE "AlertId" = @id AND "Posted" """, db);
                    command.Parameters.AddWithValue("id", alert.Id);
                    if ((long)(await command.ExecuteScalarAsync())! >= o.Accounts)
                    {
                        break;
                    }
                    await Task.Delay(10);
                }
                return clock.Elapsed;
            });
            var queuedTask = Task.Run(async () =>
            {
                await using var db = new NpgsqlConnection(o.Connection);
                await db.OpenAsync();
                while (clock.Elapsed < TimeSpan.FromMinutes(5))
                {
                    await using var command = new NpgsqlCommand("""SELECT "SmsQueuedAtUtc" IS NOT NULL FROM alerts_alert WHERE "Id" = @id""", db);
                    command.Parameters.AddWithValue("id", alert.Id);
                    if (await command.ExecuteScalarAsync() is true)
                    {
                        break;
                    }
                    await Task.Delay(20);
                }
                return clock.Elapsed;
            });
            var outboxTask = Task.Run(async () =>
            {
                await using var db = new NpgsqlConnection(o.Connection);
                await db.OpenAsync();
                while (clock.Elapsed < TimeSpan.FromMinutes(5))
                {
                    await using var command = new NpgsqlCommand("""SELECT "Total" FROM messaging_batch WHERE "Id" = @id""", db);
                    command.Parameters.AddWithValue("id", alert.Id);
                    if (await command.ExecuteScalarAsync() is int total)
                    {
                        return (clock.Elapsed, total);
                    }
                    await Task.Delay(20);
                }
                return (clock.Elapsed, -1);
            });
            await banner;
            var bannerAt = clock.Elapsed;
            var snsAt = await snsTask;
            var (outboxAt, written) = await outboxTask;
            var queuedAt = await queuedTask;
            JsonObject stats;
            while ((int)(stats = await smsc.StatsAsync())["accepted"]! < written && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(500);
            }
            var cpu = app.Process.TotalProcessorTime.TotalSeconds;
            double firstSms;
            await using (var db = new NpgsqlConnection(o.Connection))
            {
                await db.OpenAsync();
                await using var command = new NpgsqlCommand("""
                    SELECT extract(epoch FROM b."FirstSubmittedAtUtc" - a."IssuedAtUtc")::float8 FROM alerts_alert a JOIN messaging_batch b ON b."Id" = a."Id" WHERE a."Id" = @id
                    """, db);
                command.Parameters.AddWithValue("id", alert.Id);
                firstSms = (double)(await command.ExecuteScalarAsync())!;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                approval request answered: {approved.TotalMilliseconds:F0} ms
                banner visible in Chromium: {bannerAt.TotalMilliseconds:F0} ms after the approval request was sent
                every SNS post accepted and recorded: {o.Accounts} accounts at {snsAt.TotalSeconds:F2} s ({platform.Requests} requests to the stand-ins, {platform.Accepted} distinct posts)
                first SMS recorded as submitted: {firstSms:F2} s after the approval (the first slice of 20,000 is committed on its own)
                audience written to the outbox: {written} recipients (batch row visible) at {outboxAt.TotalSeconds:F2} s; every row written at {queuedAt.TotalSeconds:F2} s
                SMS at the SMSC: {stats["accepted"]} accepted in {(double)stats["seconds"]!:F2} s = {(double)stats["rate"]!:F0}/s; duplicates {stats["duplicates"]}; app CPU {cpu:F1} s
                """));

            // 2. The first SMS of an alert to one dong, with the engine idle and then under a 500,000-recipient campaign.
            var idle = await FirstSmsDelayAsync(o, author, approver, key, null);
            var busy = await FirstSmsDelayAsync(o, author, approver, key, o.CampaignSize);
            lock (app.Log)
            {
                foreach (var line in app.Log.ToString().Split('\n').Where(l => l.Contains("recipients selected", StringComparison.Ordinal) || l.Contains("handed to every channel", StringComparison.Ordinal)))
                {
                    Console.WriteLine("app: " + line.Trim());
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first SMS of a one-dong alert ({idle.Audience} recipients): idle engine {idle.Delay.TotalMilliseconds:F0} ms; with {o.CampaignSize} campaign SMS sending {busy.Delay.TotalMilliseconds:F0} ms ({busy.CampaignSent} of the campaign already submitted); difference {(busy.Delay - idle.Delay).TotalMilliseconds:F0} ms"));
            return 0;
        }
        finally
        {
            app.Process.Kill(entireProcessTree: true);
            await app.Process.WaitForExitAsync();
        }
    }

    private sealed record Submitted(Guid Id, string Identifier, int Version);

    private static async Task<Submitted> SubmittedAsync(HttpClient author, string sms, IReadOnlyList<string> dongs)
    {
        var now = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var created = await Json(await author.PostAsJsonAsync("/api/v1/alerts", new
        {
            hazardKey = "heavy-snow", status = "Actual", smsText = sms,
            headlineKo = "중구 대설경보", headlineEn = "Heavy snow warning in Jung-gu",
            descriptionKo = "오늘 18시 중구 전역에 대설경보가 발효되었습니다. 내일 오전까지 10cm 이상 더 내릴 것으로 예상됩니다.",
            descriptionEn = "A heavy snow warning is in force across Jung-gu from 18:00 today; 10 cm more is expected by tomorrow morning.",
            instructionKo = "외출을 자제하고, 내 집 앞 눈을 치우고, 대중교통을 이용하세요.",
            instructionEn = "Stay in if you can, clear the snow in front of your home and use public transport.",
            areaDescKo = dongs.Count == 0 ? "중구 전역" : "중구 일부", areaDescEn = dongs.Count == 0 ? "All of Jung-gu" : "Part of Jung-gu",
            expiresAtUtc = now.AddHours(12), dongCodes = dongs,
        }));
        var id = created.GetProperty("id").GetGuid();
        var submitted = await Json(await author.PostAsJsonAsync($"/api/v1/alerts/{id}/submit", new { version = created.GetProperty("version").GetInt32() }));
        return new Submitted(id, submitted.GetProperty("identifier").GetString()!, submitted.GetProperty("version").GetInt32());
    }

    private static int _step;

    /// <summary>Each approval spends a code; the next one needs a later time step, so this waits for it.</summary>
    private static async Task ApproveAsync(HttpClient approver, Submitted alert, string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        // The app accepts the next step's code too (one step of clock drift either way): use it rather than wait.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        while (now / 30 + 1 <= _step)
        {
            await Task.Delay(200);
            now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        }
        var step = Math.Max(now / 30, _step + 1);
        _step = (int)step;
        var code = totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
        await Json(await approver.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/approve", new { version = alert.Version, code }));
    }

    private static async Task<(TimeSpan Delay, int Audience, int CampaignSent)> FirstSmsDelayAsync(Options o, HttpClient author, HttpClient approver,
        string key, int? campaign)
    {
        string dong;
        await using (var db = new NpgsqlConnection(o.Connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "DongCode" FROM subscribers_subscriber WHERE "Status" = 'Active' GROUP BY "DongCode" ORDER BY count(*) LIMIT 1""", db);
            dong = (string)(await command.ExecuteScalarAsync())!;
        }
        var sent = 0;
        Guid? bulk = null;
        if (campaign is { } size)
        {
            using var host = Host(o.Connection);
            bulk = await Bench.EnqueueAsync(host, OutboxKind.Campaign, "0106", "bench-campaign", size);
            // Well under way before the alert: a few seconds of full-rate sending.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        var alert = await SubmittedAsync(author, "[중구청] 대설주의보, 내 집 앞 눈 치우기, 대중교통 이용 바랍니다.", [dong]);
        await ApproveAsync(approver, alert, key);
        await using (var db = new NpgsqlConnection(o.Connection))
        {
            await db.OpenAsync();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                await using var command = new NpgsqlCommand("""
                    SELECT extract(epoch FROM b."FirstSubmittedAtUtc" - a."IssuedAtUtc"), b."Total"
                    FROM alerts_alert a JOIN messaging_batch b ON b."Id" = a."Id"
                    WHERE a."Id" = @id AND b."FirstSubmittedAtUtc" IS NOT NULL
                    """, db);
                command.Parameters.AddWithValue("id", alert.Id);
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    var delay = TimeSpan.FromSeconds((double)reader.GetDecimal(0));
                    var total = reader.GetInt32(1);
                    await reader.CloseAsync();
                    if (bulk is { } b)
                    {
                        await using var progress = new NpgsqlCommand("""SELECT "Submitted" FROM messaging_batch WHERE "Id" = @id""", db);
                        progress.Parameters.AddWithValue("id", b);
                        sent = (int)(await progress.ExecuteScalarAsync())!;
                        await using var stop = new NpgsqlCommand("""UPDATE messaging_outbox SET "State" = 4 WHERE "BatchId" = @id AND "State" = 0""", db);
                        stop.Parameters.AddWithValue("id", b);
                        await stop.ExecuteNonQueryAsync();
                    }
                    return (delay, total, sent);
                }
                await reader.CloseAsync();
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException("The alert's first SMS was not submitted within 2 minutes.");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The author and a fresh approver signed in; the approver's second factor enrolled with the code of this step.</summary>
    private static async Task<(HttpClient Author, HttpClient Approver, string Key)> StaffAsync(HttpClient http, string connection)
    {
        var approverEmail = $"bench-approver-{Guid.NewGuid():N}"[..30] + "@sotong.example";
        string key;
        using (var host = Host(connection))
        {
            using var scope = host.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByEmailAsync(Author) is null)
            {
                await CreateAsync(users, Author, SotongRoles.CommunicationsOfficer);
            }
            var approver = await CreateAsync(users, approverEmail, SotongRoles.AlertApprover);
            var staff = new StaffContext(approver.Id, approver.DisplayName, new HashSet<string> { SotongRoles.AlertApprover }, null);
            var factor = host.Services.GetRequiredService<SecondFactorHandler>();
            key = (await factor.GetAsync(staff, CancellationToken.None)).Setup!.GroupedKey.Replace(" ", "", StringComparison.Ordinal);
            _step = (int)(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30);
            if (await factor.EnrolAsync(staff, new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime), CancellationToken.None)
                != SecondFactorResult.Ok)
            {
                throw new InvalidOperationException("The approver's second factor could not be enrolled.");
            }
        }
        return (await SignInAsync(http.BaseAddress!, Author), await SignInAsync(http.BaseAddress!, approverEmail), key);
    }

    private static async Task<StaffUser> CreateAsync(UserManager<StaffUser> users, string email, string role)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "벤치 " + role };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return user;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        (await client.PostAsJsonAsync("/api/v1/auth/signin", new { email, password = Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Fresh outbox and alert tables, and <paramref name="count"/> accounts across the five platforms with credentials.</summary>
    private static async Task<int> PrepareAsync(IServiceProvider services, int count)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<SotongDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("TRUNCATE messaging_outbox, alerts_sns_post; DELETE FROM messaging_batch; DELETE FROM alerts_alert");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM org_channel_account WHERE \"Handle\" LIKE 'bench-%'");
        // The bench database has no demo city: one division owns the bench accounts.
        var division = await db.Departments.Where(d => d.Code == "BENCH").Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        if (division is null)
        {
            var d = new Department { Code = "BENCH", NameKo = "벤치 홍보과", NameEn = "Bench communications", Kind = DepartmentKind.Division };
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            division = d.Id;
        }
        await db.ChannelAccounts.Where(a => !a.Handle.StartsWith("bench-")).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false));
        ChannelPlatform[] platforms = [ChannelPlatform.X, ChannelPlatform.Facebook, ChannelPlatform.Instagram, ChannelPlatform.KakaoTalkChannel, ChannelPlatform.Telegram];
        var accounts = Enumerable.Range(0, count).Select(i => new ChannelAccount
        {
            Platform = platforms[i % platforms.Length], Handle = $"bench-{i:D2}", NameKo = $"벤치 계정 {i}", NameEn = $"Bench account {i}",
            Url = $"https://example.invalid/bench-{i}", OwningDivisionId = division.Value, ExternalId = $"99{i:D6}", Field = ChannelField.CityNews,
        }).ToList();
        db.ChannelAccounts.AddRange(accounts);
        await db.SaveChangesAsync();
        var credentials = services.GetRequiredService<ChannelCredentials>();
        foreach (var a in accounts)
        {
            await credentials.SetAsync(a.Id, new Dictionary<string, string>
            {
                [CredentialNames.PageAccessToken] = "page-token-" + a.Handle, [CredentialNames.UserAccessToken] = "user-token-" + a.Handle,
                [CredentialNames.BotToken] = $"{a.ExternalId}:bench", [CredentialNames.RestApiKey] = "kakao-" + a.Handle,
                [CredentialNames.SkillSecret] = "skill-" + a.Handle, ["channelChatId"] = "@" + a.Handle,
            }, a.ExternalId, CancellationToken.None);
        }
        return await db.Set<Sotong.Core.Subscribers.Subscriber>().CountAsync(s => s.Status == Sotong.Core.Subscribers.SubscriberStatus.Active);
    }

    /// <summary>Kakao can only message users who wrote to the channel first: 150 people write to each bench channel.</summary>
    private static async Task KakaoAudienceAsync(HttpClient http, string connection)
    {
        List<string> handles;
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Handle" FROM org_channel_account WHERE "Handle" LIKE 'bench-%' AND "Platform" = 'KakaoTalkChannel'""", db);
            handles = [];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                handles.Add(reader.GetString(0));
            }
        }
        foreach (var handle in handles)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 150), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/kakao")
                {
                    Content = JsonContent.Create(new
                    {
                        userRequest = new { utterance = "눈 언제 그쳐요?", user = new { id = $"{handle}-user-{i}", type = "botUserKey", properties = new { } } },
                        bot = new { id = "99" + handle[^2..].PadLeft(6, '0'), name = "bench" },
                        action = new { name = "skill", @params = new { } },
                    }),
                };
                request.Headers.Add("X-Sotong-Skill-Secret", "skill-" + handle);
                (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
            });
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record RunningApp(Process Process, StringBuilder Log) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private static RunningApp StartApp(Options o, int smscPort, string platformBase, string baseUrl)
    {
        var settings = new Dictionary<string, string>
        {
            // Development only so that the build output serves wwwroot (the scripts the banner needs) without a publish;
            // the demo city stays off.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Sotong"] = o.Connection,
            ["Demo__Enabled"] = "false",
            ["Triage__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Sotong.Core.Alerts.Issue"] = "Information",
            ["Sotong__PublicBaseUrl"] = baseUrl,
            ["Channels__Sms__Host"] = "127.0.0.1",
            ["Channels__Sms__Port"] = smscPort.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__SystemId"] = "sotong",
            ["Channels__Sms__Password"] = "secret",
            ["Channels__Sms__ShortNumber"] = "0120",
            ["Channels__Sms__Binds"] = o.Binds.ToString(CultureInfo.InvariantCulture),
            ["Channels__Sms__Window"] = o.Window.ToString(CultureInfo.InvariantCulture),
            ["Messaging__ChunkSize"] = o.Chunk.ToString(CultureInfo.InvariantCulture),
            ["Messaging__Workers"] = o.Workers.ToString(CultureInfo.InvariantCulture),
            ["Channels__Meta__GraphBaseUrl"] = platformBase + "/v21.0",
            ["Channels__X__ApiBaseUrl"] = platformBase,
            ["Channels__Telegram__ApiBaseUrl"] = platformBase,
            ["Channels__Kakao__EventApiBaseUrl"] = platformBase,
        };
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(o.Web)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(o.Web))!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (k, v) in settings)
        {
            start.Environment[k] = v;
        }
        var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningApp(process, log);
    }

    private static IHost Host(string connection) => Bench.Services(connection);

    /// <summary>
    /// The platforms' APIs as one local server: X's create-tweet, the Graph API's page feed and Instagram's container and
    /// publish, Telegram's sendMessage and Kakao's event API, each answering after 80–250 ms as those services do.
    /// </summary>
    private sealed class StandIn : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, bool> _posted = new();
        private int _requests;

        private StandIn(WebApplication app, string baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        /// <summary>Accounts whose post (the final request of it) was accepted.</summary>
        public int Accepted => _posted.Count;

        public int Requests => _requests;

        public void Reset()
        {
            _posted.Clear();
            _requests = 0;
        }

        public static async Task<StandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            StandIn? self = null;
            var ids = 0L;
            app.Run(async ctx =>
            {
                Interlocked.Increment(ref self!._requests);
                await Task.Delay(Random.Shared.Next(80, 250));
                var path = ctx.Request.Path.Value ?? "";
                var id = Interlocked.Increment(ref ids);
                var auth = ctx.Request.Headers.Authorization.ToString();
                string? account = null;
                string answer;
                if (path == "/2/tweets")
                {
                    account = auth;
                    answer = "{\"data\":{\"id\":\"18" + id.ToString("D17", CultureInfo.InvariantCulture) + "\",\"text\":\"ok\"}}";
                }
                else if (path.EndsWith("/feed", StringComparison.Ordinal) || path.EndsWith("/media_publish", StringComparison.Ordinal))
                {
                    account = path;
                    answer = $$"""{"id":"{{id}}"}""";
                }
                else if (path.EndsWith("/media", StringComparison.Ordinal))
                {
                    answer = $$"""{"id":"container-{{id}}"}""";
                }
                else if (path.EndsWith("/sendMessage", StringComparison.Ordinal))
                {
                    account = path;
                    answer = "{\"ok\":true,\"result\":{\"message_id\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"chat\":{\"id\":-100,\"type\":\"channel\"},\"date\":1,\"text\":\"ok\"}}";
                }
                else if (path.EndsWith("/talk", StringComparison.Ordinal))
                {
                    account = path;
                    answer = $$"""{"taskId":"task-{{id}}","status":"SUCCESS"}""";
                }
                else
                {
                    ctx.Response.StatusCode = 404;
                    await ctx.Response.WriteAsync("""{"error":{"message":"unknown path"}}""");
                    return;
                }
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(answer);
                if (account is not null)
                {
                    self._posted.TryAdd(account, true);
                }
            });
            await app.StartAsync();
            self = new StandIn(app, app.Urls.First().TrimEnd('/'));
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
