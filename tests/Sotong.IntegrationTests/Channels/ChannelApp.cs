using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Organization;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Channels;

/// <summary>Secrets the test "platforms" share with Sotong's channel registry.</summary>
public static class TestChannels
{
    public const string MetaAppSecret = "meta-app-secret-0123456789";
    public const string MetaVerifyToken = "verify-me-please";
    public const string MetaPageToken = "EAAG-page-token";
    public const string PageId = "1122334455";
    public const string InstagramId = "17841400000000001";
    public const string XConsumerSecret = "x-consumer-secret-abcdef";
    public const string XUserToken = "x-user-bearer-token";
    public const string XUserId = "2244994945";
    public const string TelegramBotToken = "123456:ABC-DEF";
    public const string TelegramSecret = "telegram-secret-token_1";
    public const string KakaoSkillSecret = "kakao-skill-secret-xyz";
    public const string KakaoRestKey = "kakao-rest-api-key";
    public const string KakaoBotId = "6543210fedcba";
}

/// <summary>The app with its channel accounts given credentials and the platform APIs pointed at a local fake.</summary>
public interface IChannelApp
{
    FakePlatform Platform { get; }
    SotongApp App { get; }
}

internal static class ChannelSetup
{
    public static void PointAt(IWebHostBuilder builder, FakePlatform platform)
    {
        builder.UseSetting("Channels:Meta:GraphBaseUrl", platform.BaseUrl + "/v21.0");
        builder.UseSetting("Channels:X:ApiBaseUrl", platform.BaseUrl);
        builder.UseSetting("Channels:Telegram:ApiBaseUrl", platform.BaseUrl);
        builder.UseSetting("Channels:Kakao:EventApiBaseUrl", platform.BaseUrl);
        builder.UseSetting("Sotong:PublicBaseUrl", "https://sotong.example");
    }

    /// <summary>Gives the demo city's Facebook, Instagram, X and KakaoTalk accounts credentials, and adds a Telegram bot.</summary>
    public static async Task RegisterAsync(SotongApp app)
    {
        var creds = app.Service<ChannelCredentials>();
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var accounts = await db.ChannelAccounts.Where(a => !a.IsMayorAccount).ToListAsync();
        var facebook = accounts.First(a => a.Platform == ChannelPlatform.Facebook);
        var instagram = accounts.First(a => a.Platform == ChannelPlatform.Instagram);
        var x = accounts.First(a => a.Platform == ChannelPlatform.X);
        var kakao = accounts.First(a => a.Platform == ChannelPlatform.KakaoTalkChannel);
        var telegram = await db.ChannelAccounts.FirstOrDefaultAsync(a => a.Platform == ChannelPlatform.Telegram);
        if (telegram is null)
        {
            telegram = new ChannelAccount
            {
                Platform = ChannelPlatform.Telegram, Handle = "sotong_city_bot", NameKo = "소통시 텔레그램 봇", NameEn = "Sotong City Telegram bot",
                Url = "https://t.me/sotong_city_bot", OwningDivisionId = facebook.OwningDivisionId, Field = ChannelField.CityNews,
            };
            db.ChannelAccounts.Add(telegram);
            await db.SaveChangesAsync();
        }
        await creds.SetAsync(facebook.Id, new Dictionary<string, string>
        {
            [CredentialNames.AppSecret] = TestChannels.MetaAppSecret, [CredentialNames.VerifyToken] = TestChannels.MetaVerifyToken,
            [CredentialNames.PageAccessToken] = TestChannels.MetaPageToken,
        }, TestChannels.PageId, default);
        await creds.SetAsync(instagram.Id, new Dictionary<string, string>
        {
            [CredentialNames.AppSecret] = TestChannels.MetaAppSecret, [CredentialNames.PageAccessToken] = TestChannels.MetaPageToken,
        }, TestChannels.InstagramId, default);
        await creds.SetAsync(x.Id, new Dictionary<string, string>
        {
            [CredentialNames.ConsumerSecret] = TestChannels.XConsumerSecret, [CredentialNames.UserAccessToken] = TestChannels.XUserToken,
        }, TestChannels.XUserId, default);
        await creds.SetAsync(telegram.Id, new Dictionary<string, string>
        {
            [CredentialNames.BotToken] = TestChannels.TelegramBotToken, [CredentialNames.SecretToken] = TestChannels.TelegramSecret,
        }, "123456", default);
        await creds.SetAsync(kakao.Id, new Dictionary<string, string>
        {
            [CredentialNames.SkillSecret] = TestChannels.KakaoSkillSecret, [CredentialNames.RestApiKey] = TestChannels.KakaoRestKey,
        }, TestChannels.KakaoBotId, default);
    }
}

public class SqliteChannelApp : SqliteApp, IChannelApp
{
    public FakePlatform Platform { get; private set; } = null!;
    public SotongApp App => this;

    public override async Task InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        await base.InitializeAsync();
        await ChannelSetup.RegisterAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ChannelSetup.PointAt(builder, Platform);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

public class PostgresChannelApp : PostgresApp, IChannelApp
{
    public FakePlatform Platform { get; private set; } = null!;
    public SotongApp App => this;

    public override async Task InitializeAsync()
    {
        Platform = await FakePlatform.StartAsync();
        await base.InitializeAsync();
        await ChannelSetup.RegisterAsync(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ChannelSetup.PointAt(builder, Platform);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
