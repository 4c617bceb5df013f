using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sotong.IntegrationTests.Smpp;
using Sotong.Core.Organization.Demo;

namespace Sotong.BrowserTests;

/// <summary>The app on a real Kestrel port with a fresh SQLite file, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"sotong-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    /// <summary>The city's SMS centre: the npm smpp server the app binds to, standing in for the carrier.</summary>
    internal SmscSimulator Smsc { get; private set; } = null!;

    public const string ShortNumber = "0120";
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Smsc = await SmscSimulator.StartAsync();
        App = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Development serves the framework's static web assets (blazor.web.js) straight from the build.
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Sotong", $"Data Source={_db};Pooling=False");
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("RateLimits:CitizenMessagesPerWindow", "1000");
            b.UseSetting("Channels:Telegram:ApiBaseUrl", "http://127.0.0.1:9"); // nothing listens: replies would fail, never leave the machine
            b.UseSetting("Channels:Sms:Host", "127.0.0.1");
            b.UseSetting("Channels:Sms:Port", Smsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Channels:Sms:SystemId", SmscSimulator.SystemId);
            b.UseSetting("Channels:Sms:Password", SmscSimulator.Password);
            b.UseSetting("Channels:Sms:ShortNumber", ShortNumber);
        });
        App.UseKestrel(0);
        App.StartServer();
        await RegisterTelegramBotAsync();
        await Smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("SOTONG_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}: run ./test.sh, which installs it.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "ko-KR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public const string TelegramSecret = "browser-test-telegram-secret";

    /// <summary>A Telegram bot account so a test can post to a real webhook.</summary>
    private async Task RegisterTelegramBotAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Sotong.Core.Common.SotongDbContext>();
        var owner = db.Departments.First(d => d.Code == "COMM-SMC");
        var bot = new Sotong.Core.Organization.ChannelAccount
        {
            Platform = Sotong.Core.Organization.ChannelPlatform.Telegram, Handle = "sotong_browser_bot", NameKo = "테스트 봇", NameEn = "Test bot",
            Url = "https://t.me/sotong_browser_bot", OwningDivisionId = owner.Id,
        };
        db.ChannelAccounts.Add(bot);
        await db.SaveChangesAsync();
        await App.Services.GetRequiredService<Sotong.Core.Organization.ChannelCredentials>().SetAsync(bot.Id, new Dictionary<string, string>
        {
            [Sotong.Core.Organization.CredentialNames.BotToken] = "1:test",
            [Sotong.Core.Organization.CredentialNames.SecretToken] = TelegramSecret,
        }, "1", default);
    }

    /// <summary>Signs a demo staff member in through the form, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/staff/inbox");
        await WaitForLiveAsync(page, "inbox-live");
    }

    /// <summary>
    /// Waits until an interactive island has its circuit: before that its links and buttons belong to the
    /// prerendered copy, which Blazor swaps out, and a click in that moment lands on nothing.
    /// </summary>
    public static Task WaitForLiveAsync(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}][data-live=on]").WaitForAsync();

    /// <summary>Waits until triage's starter model is live (it trains when the app first starts).</summary>
    public static async Task WaitForLiveModelAsync(HttpClient admin)
    {
        for (var i = 0; i < 600; i++)
        {
            var models = await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage/models");
            if (models.EnumerateArray().Any(m => m.GetProperty("isActive").GetBoolean()))
            {
                return;
            }
            await Task.Delay(300);
        }
        throw new TimeoutException("The starter model did not go live.");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
        await Smsc.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
