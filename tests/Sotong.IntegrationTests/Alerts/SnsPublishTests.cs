using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sotong.Core.Alerts.Sns;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Organization;
using Sotong.IntegrationTests.Channels;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Alerts;

/// <summary>
/// The alert publishers against the local platform stand-in: each platform's documented request, retries on what a
/// platform says is passing, no retry on what it refuses, and 44 accounts posted at once.
/// </summary>
public sealed class SnsPublishTests : IAsyncLifetime
{
    private const string Link = "https://sotong.example/alerts/2026-0042";
    private const string Image = "https://sotong.example/img/alert-card.jpg";
    private const string LongKorean =
        "오늘 18시부터 내일 09시까지 대설경보가 발효됩니다. 최대 20cm 이상의 많은 눈이 예상되니 외출을 자제하고 대중교통을 이용해 주십시오. " +
        "차량 운행 시 스노체인을 준비하고 감속 운행하시기 바랍니다. 비닐하우스와 축사 등 취약 시설은 미리 점검하고, 내 집 앞 눈은 내가 치워 주십시오. " +
        "어르신과 어린이는 낙상에 각별히 유의하시기 바랍니다.";

    private readonly ConcurrentQueue<(LogLevel, string, string)> _logs = new();
    private FakePlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private static AlertPost Post(string? key = null, bool exercise = false) =>
        new(key ?? Guid.NewGuid().ToString("N"), "[소통시] 대설경보 발효, 외출 자제·대중교통 이용", LongKorean, Link, Image, exercise);

    private static ChannelAccountSecrets Account(ChannelPlatform platform, string handle, string? externalId, params (string Name, string Value)[] credentials) =>
        new(Guid.NewGuid(), platform, handle, externalId, Guid.Empty, credentials.ToDictionary(c => c.Name, c => c.Value));

    private static ChannelAccountSecrets XAccount(string token = TestChannels.XUserToken) =>
        Account(ChannelPlatform.X, "sotong_safety", TestChannels.XUserId, (CredentialNames.UserAccessToken, token));

    private static ChannelAccountSecrets FacebookAccount(string pageId = TestChannels.PageId) =>
        Account(ChannelPlatform.Facebook, "sotongcity.safety", pageId, (CredentialNames.PageAccessToken, TestChannels.MetaPageToken));

    private static ChannelAccountSecrets InstagramAccount(string igId = TestChannels.InstagramId) =>
        Account(ChannelPlatform.Instagram, "sotongcity", igId, (CredentialNames.PageAccessToken, TestChannels.MetaPageToken));

    private static ChannelAccountSecrets KakaoAccount(string botId = TestChannels.KakaoBotId) =>
        Account(ChannelPlatform.KakaoTalkChannel, "sotongsafety", botId, (CredentialNames.RestApiKey, TestChannels.KakaoRestKey));

    private static ChannelAccountSecrets TelegramAccount(string token = TestChannels.TelegramBotToken, string handle = "sotong_alerts") =>
        Account(ChannelPlatform.Telegram, handle, "123456", (CredentialNames.BotToken, token));

    private ServiceProvider Services(IKakaoAudience? audience = null, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Channels:Meta:GraphBaseUrl"] = _platform.BaseUrl + "/v21.0",
            ["Channels:X:ApiBaseUrl"] = _platform.BaseUrl,
            ["Channels:Telegram:ApiBaseUrl"] = _platform.BaseUrl,
            ["Channels:Kakao:EventApiBaseUrl"] = _platform.BaseUrl,
            // Short back-off keeps the retry tests quick; the policy is the same.
            ["Alerts:Sns:RetryBaseMilliseconds"] = "100",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(l => l.AddProvider(new CapturingLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(audience ?? new FixedAudience([]));
        services.AddAlertSns();
        return services.BuildServiceProvider();
    }

    private static IAlertPublisher Publisher(ServiceProvider services, ChannelPlatform platform) =>
        services.GetServices<IAlertPublisher>().Single(p => p.Platform == platform);

    private List<RecordedRequest> Sent(Func<RecordedRequest, bool> match) => [.. _platform.Requests.Where(match)];

    [Fact]
    public async Task Given_an_x_account_Then_one_post_to_2_tweets_carries_the_user_token_and_a_text_within_280_weighted_characters_with_the_link()
    {
        await using var services = Services();
        var result = await Publisher(services, ChannelPlatform.X).PostAsync(XAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(1);
        var sent = _platform.OnlyOne(r => r.Path == "/2/tweets");
        sent.Method.ShouldBe("POST");
        sent.Headers["Authorization"].ShouldBe("Bearer " + TestChannels.XUserToken);
        sent.ContentType!.ShouldStartWith("application/json");
        using var body = JsonDocument.Parse(sent.Body);
        body.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["text"]);
        var text = body.RootElement.GetProperty("text").GetString()!;
        // The long text is longer than X allows: it is cut with an ellipsis and the whole link follows it.
        text.ShouldEndWith("…\n" + Link);
        text.ShouldStartWith("오늘 18시부터 내일 09시까지 대설경보가 발효됩니다.");
        AlertText.XWeightedLength(text).ShouldBeLessThanOrEqualTo(280);
        AlertText.XWeightedLength(text).ShouldBeGreaterThan(260);
        result.ProviderPostId.ShouldNotBeNullOrEmpty();
        _platform.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("가나다", 6)]
    [InlineData("눈 조심", 7)]
    [InlineData("https://sotong.example/a/very/long/path/that/x/shortens/anyway", 23)]
    [InlineData("“quoted” – ok…", 15)]
    public void Given_texts_Then_x_weighted_length_counts_hangul_as_two_and_links_as_23(string text, int weighted) =>
        AlertText.XWeightedLength(text).ShouldBe(weighted);

    [Fact]
    public async Task Given_a_facebook_page_Then_the_feed_gets_message_link_and_page_token_in_the_form_body_never_the_url()
    {
        await using var services = Services();
        var result = await Publisher(services, ChannelPlatform.Facebook).PostAsync(FacebookAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        var sent = _platform.OnlyOne(r => r.Path == $"/v21.0/{TestChannels.PageId}/feed");
        sent.Method.ShouldBe("POST");
        sent.ContentType!.ShouldStartWith("application/x-www-form-urlencoded");
        sent.Query.ShouldBeEmpty();
        var form = sent.Form;
        form["message"].ShouldBe(LongKorean);
        form["link"].ShouldBe(Link);
        form["access_token"].ShouldBe(TestChannels.MetaPageToken);
        result.ProviderPostId.ShouldStartWith(TestChannels.PageId + "_");
    }

    [Fact]
    public async Task Given_an_instagram_account_Then_a_jpeg_container_is_made_and_then_published_in_that_order()
    {
        await using var services = Services();
        var result = await Publisher(services, ChannelPlatform.Instagram).PostAsync(InstagramAccount(), Post(exercise: true), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(1);
        var steps = Sent(r => r.Path.StartsWith($"/v21.0/{TestChannels.InstagramId}/", StringComparison.Ordinal));
        steps.Select(r => (r.Method, r.Path)).ShouldBe([("POST", $"/v21.0/{TestChannels.InstagramId}/media"), ("POST", $"/v21.0/{TestChannels.InstagramId}/media_publish")]);
        var media = steps[0].Form;
        media["image_url"].ShouldBe(Image);
        media["caption"].ShouldStartWith("[훈련·Exercise] 오늘 18시부터");
        media["caption"].ShouldEndWith("\n\n" + Link);
        media["access_token"].ShouldBe(TestChannels.MetaPageToken);
        var publish = steps[1].Form;
        publish["access_token"].ShouldBe(TestChannels.MetaPageToken);
        publish["creation_id"].ShouldStartWith("container-");
        publish.Keys.ShouldNotContain("caption");
        result.ProviderPostId.ShouldStartWith("media-");
    }

    [Fact]
    public async Task Given_an_instagram_post_without_an_image_Then_nothing_is_sent_and_the_reason_is_recorded()
    {
        await using var services = Services();
        var result = await Publisher(services, ChannelPlatform.Instagram).PostAsync(InstagramAccount(), Post() with { ImageUrl = null }, default);

        result.Posted.ShouldBeFalse();
        result.Attempts.ShouldBe(0);
        result.Error.ShouldNotBeNull().ShouldContain("image");
        _platform.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_container_still_being_fetched_Then_publishing_is_retried_with_the_same_container()
    {
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/media_publish", StringComparison.Ordinal),
            new FakeAnswer(400, """{"error":{"message":"Media ID is not available","type":"OAuthException","code":9007,"error_subcode":2207027,"is_transient":false}}"""));

        var result = await Publisher(services, ChannelPlatform.Instagram).PostAsync(InstagramAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(2);
        Sent(r => r.Path.EndsWith("/media", StringComparison.Ordinal)).Count.ShouldBe(1);
        var publishes = Sent(r => r.Path.EndsWith("/media_publish", StringComparison.Ordinal));
        publishes.Count.ShouldBe(2);
        publishes.Select(p => p.Form["creation_id"]).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Given_250_known_kakao_users_Then_the_event_api_gets_three_requests_of_at_most_100_covering_each_user_once()
    {
        var users = Enumerable.Range(1, 250).Select(i => $"botUserKey-{i:000}").ToList();
        await using var services = Services(new FixedAudience(users));
        var result = await Publisher(services, ChannelPlatform.KakaoTalkChannel).PostAsync(KakaoAccount(), Post(exercise: true), default);

        result.Posted.ShouldBeTrue(result.Error);
        var requests = Sent(r => r.Path == $"/v2/bots/{TestChannels.KakaoBotId}/talk");
        requests.Count.ShouldBe(3);
        var seen = new List<string>();
        foreach (var request in requests)
        {
            request.Method.ShouldBe("POST");
            request.Headers["Authorization"].ShouldBe("KakaoAK " + TestChannels.KakaoRestKey);
            using var body = JsonDocument.Parse(request.Body);
            body.RootElement.GetProperty("event").GetProperty("name").GetString().ShouldBe("sotong_alert");
            var text = body.RootElement.GetProperty("event").GetProperty("data").GetProperty("text").GetString()!;
            text.ShouldStartWith("[훈련·Exercise] ");
            text.ShouldEndWith(Link);
            text.Length.ShouldBeLessThanOrEqualTo(1000);
            var batch = body.RootElement.GetProperty("user").EnumerateArray().ToList();
            batch.Count.ShouldBeLessThanOrEqualTo(100);
            batch.ShouldAllBe(u => u.GetProperty("type").GetString() == "botUserKey");
            seen.AddRange(batch.Select(u => u.GetProperty("id").GetString()!));
        }
        seen.Order().ShouldBe(users);
        result.ProviderPostId!.Split(',').Length.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_kakao_batch_refused_permanently_Then_the_other_batches_are_sent_once_and_the_account_is_recorded_as_partly_failed()
    {
        var users = Enumerable.Range(1, 150).Select(i => $"u{i}").ToList();
        await using var services = Services(new FixedAudience(users), ("Alerts:Sns:KakaoParallelBatches", "1"));
        _platform.Script(r => r.Path.EndsWith("/talk", StringComparison.Ordinal) && r.Body.Contains("\"u101\"", StringComparison.Ordinal),
            new FakeAnswer(400, """{"status":"FAIL","message":"invalid user"}"""));

        var result = await Publisher(services, ChannelPlatform.KakaoTalkChannel).PostAsync(KakaoAccount(), Post(), default);

        result.Posted.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain("100 of 150");
        result.Error.ShouldContain("invalid user");
        Sent(r => r.Path.EndsWith("/talk", StringComparison.Ordinal)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_kakao_channel_nobody_has_written_to_Then_nothing_is_sent_and_the_result_says_why()
    {
        await using var services = Services(new FixedAudience([]));
        var result = await Publisher(services, ChannelPlatform.KakaoTalkChannel).PostAsync(KakaoAccount(), Post(), default);

        result.Posted.ShouldBeFalse();
        result.Attempts.ShouldBe(0);
        result.Error.ShouldNotBeNull().ShouldContain("No KakaoTalk user");
        _platform.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_telegram_channel_Then_send_message_goes_to_the_channel_handle_or_its_configured_chat_id()
    {
        await using var services = Services();
        var publisher = Publisher(services, ChannelPlatform.Telegram);
        var byHandle = await publisher.PostAsync(TelegramAccount(handle: "@sotong_alerts"), Post(), default);
        var byId = await publisher.PostAsync(
            Account(ChannelPlatform.Telegram, "sotong_city_bot", "123456", (CredentialNames.BotToken, TestChannels.TelegramBotToken), ("channelChatId", "-1001234567890")),
            Post() with { IsTest = true }, default);

        byHandle.Posted.ShouldBeTrue(byHandle.Error);
        byId.Posted.ShouldBeTrue(byId.Error);
        byHandle.ProviderPostId.ShouldBe("777");
        var sent = Sent(r => r.Path == $"/bot{TestChannels.TelegramBotToken}/sendMessage");
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(r => r.Method == "POST");
        using var first = JsonDocument.Parse(sent[0].Body);
        first.RootElement.GetProperty("chat_id").GetString().ShouldBe("@sotong_alerts");
        first.RootElement.GetProperty("text").GetString().ShouldBe(LongKorean + "\n\n" + Link);
        using var second = JsonDocument.Parse(sent[1].Body);
        second.RootElement.GetProperty("chat_id").GetString().ShouldBe("-1001234567890");
        second.RootElement.GetProperty("text").GetString()!.ShouldStartWith("[시험·Test] 오늘");
    }

    [Fact]
    public async Task Given_an_exercise_Then_every_platform_marks_it_once_even_when_the_author_already_did()
    {
        await using var services = Services(new FixedAudience(["k1"]));
        var fanOut = services.GetRequiredService<AlertSnsFanOut>();
        var post = Post(exercise: true) with { LongText = "[훈련·Exercise] " + LongKorean, Link = null };

        var results = await fanOut.PublishAsync([XAccount(), FacebookAccount(), InstagramAccount(), KakaoAccount(), TelegramAccount()], post, null, default);

        results.ShouldAllBe(r => r.Posted);
        var texts = new[]
        {
            JsonDocument.Parse(_platform.OnlyOne(r => r.Path == "/2/tweets").Body).RootElement.GetProperty("text").GetString()!,
            _platform.OnlyOne(r => r.Path.EndsWith("/feed", StringComparison.Ordinal)).Form["message"],
            _platform.OnlyOne(r => r.Path.EndsWith("/media", StringComparison.Ordinal)).Form["caption"],
            JsonDocument.Parse(_platform.OnlyOne(r => r.Path.EndsWith("/talk", StringComparison.Ordinal)).Body).RootElement.GetProperty("event").GetProperty("data").GetProperty("text").GetString()!,
            JsonDocument.Parse(_platform.OnlyOne(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).Body).RootElement.GetProperty("text").GetString()!,
        };
        foreach (var text in texts)
        {
            text.ShouldStartWith("[훈련·Exercise] 오늘");
            text.IndexOf("[훈련·Exercise]", 1, StringComparison.Ordinal).ShouldBe(-1);
        }
    }

    [Fact]
    public async Task Given_a_transient_503_Then_the_post_is_retried_and_succeeds_on_the_second_attempt()
    {
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            new FakeAnswer(503, """{"ok":false,"error_code":503,"description":"Service Unavailable"}"""));

        var result = await Publisher(services, ChannelPlatform.Telegram).PostAsync(TelegramAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(2);
        result.ProviderPostId.ShouldBe("777");
        Sent(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_429_with_retry_after_Then_the_next_try_waits_that_long()
    {
        await using var services = Services();
        _platform.Script(r => r.Path == "/2/tweets",
            new FakeAnswer(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            new FakeAnswer(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}"""));

        var x = Publisher(services, ChannelPlatform.X).PostAsync(XAccount(), Post(), default);
        var telegram = Publisher(services, ChannelPlatform.Telegram).PostAsync(TelegramAccount(), Post(), default);
        var results = await Task.WhenAll(x, telegram);

        foreach (var result in results)
        {
            result.Posted.ShouldBeTrue(result.Error);
            result.Attempts.ShouldBe(2);
            // The default back-off here is 50–100 ms; only the platform's Retry-After explains a second.
            result.Took.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        }
    }

    [Fact]
    public async Task Given_graph_throttling_reported_as_a_400_Then_facebook_is_retried_by_its_error_code()
    {
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/feed", StringComparison.Ordinal),
            new FakeAnswer(400, """{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,"is_transient":true}}"""));

        var result = await Publisher(services, ChannelPlatform.Facebook).PostAsync(FacebookAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_permanent_400_Then_it_is_not_retried_and_the_platforms_reason_is_recorded()
    {
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            new FakeAnswer(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"""));
        _platform.Script(r => r.Path.EndsWith("/feed", StringComparison.Ordinal),
            new FakeAnswer(400, """{"error":{"message":"(#200) The user hasn't authorized the application to perform this action","type":"OAuthException","code":200}}"""));

        var telegram = await Publisher(services, ChannelPlatform.Telegram).PostAsync(TelegramAccount(), Post(), default);
        var facebook = await Publisher(services, ChannelPlatform.Facebook).PostAsync(FacebookAccount(), Post(), default);

        telegram.Posted.ShouldBeFalse();
        telegram.Attempts.ShouldBe(1);
        telegram.Error.ShouldNotBeNull().ShouldContain("chat not found");
        facebook.Posted.ShouldBeFalse();
        facebook.Attempts.ShouldBe(1);
        facebook.Error.ShouldNotBeNull().ShouldContain("#200");
        Sent(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).Count.ShouldBe(1);
        Sent(r => r.Path.EndsWith("/feed", StringComparison.Ordinal)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_facebook_post_made_but_its_answer_lost_Then_the_retry_finds_it_on_the_page_instead_of_posting_twice()
    {
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/feed", StringComparison.Ordinal),
            new FakeAnswer(504, "<html>Gateway Time-out</html>") { ProcessFirst = true });

        var result = await Publisher(services, ChannelPlatform.Facebook).PostAsync(FacebookAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.ProviderPostId.ShouldStartWith(TestChannels.PageId + "_");
        Sent(r => r.Path.EndsWith("/feed", StringComparison.Ordinal)).Count.ShouldBe(1);
        var check = _platform.OnlyOne(r => r.Method == "GET" && r.Path == $"/v21.0/{TestChannels.PageId}/posts");
        check.Query.ShouldContain("fields=id,message");
    }

    [Fact]
    public async Task Given_an_x_post_made_but_its_answer_lost_Then_xs_duplicate_refusal_counts_as_posted()
    {
        await using var services = Services();
        _platform.Script(r => r.Path == "/2/tweets", new FakeAnswer(503, """{"title":"Service Unavailable"}""") { ProcessFirst = true });

        var result = await Publisher(services, ChannelPlatform.X).PostAsync(XAccount(), Post(), default);

        result.Posted.ShouldBeTrue(result.Error);
        result.Attempts.ShouldBe(2);
        Sent(r => r.Path == "/2/tweets").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_platform_down_past_the_deadline_Then_the_account_is_recorded_as_failed_when_the_deadline_passes()
    {
        await using var services = Services(null, ("Alerts:Sns:DeadlineSeconds", "1.5"));
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            [.. Enumerable.Repeat(new FakeAnswer(502, """{"ok":false,"error_code":502,"description":"Bad Gateway"}"""), 100)]);
        var watch = Stopwatch.StartNew();

        var results = await services.GetRequiredService<AlertSnsFanOut>().PublishAsync([TelegramAccount()], Post(), null, default);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var result = results.ShouldHaveSingleItem();
        result.Posted.ShouldBeFalse();
        result.Attempts.ShouldBeGreaterThan(1);
        result.Error.ShouldNotBeNull().ShouldContain("deadline");
        result.Error.ShouldContain("Bad Gateway");
    }

    [Fact]
    public async Task Given_44_accounts_answering_in_200_ms_Then_they_are_posted_in_parallel_and_each_result_is_reported_as_it_finishes()
    {
        var accounts = new List<ChannelAccountSecrets>();
        accounts.AddRange(Enumerable.Range(0, 10).Select(i => XAccount("x-token-" + i)));
        accounts.AddRange(Enumerable.Range(0, 10).Select(i => FacebookAccount("10000" + i)));
        accounts.AddRange(Enumerable.Range(0, 8).Select(i => InstagramAccount("178414000" + i)));
        accounts.AddRange(Enumerable.Range(0, 8).Select(i => KakaoAccount("bot" + i)));
        accounts.AddRange(Enumerable.Range(0, 8).Select(i => TelegramAccount(handle: "sotong_channel_" + i)));
        accounts.Count.ShouldBe(44);
        await using var services = Services(new FixedAudience(["k1", "k2", "k3"]));
        _platform.AnswerDelay = TimeSpan.FromMilliseconds(200);
        var reported = new ConcurrentQueue<AlertPostResult>();
        var watch = Stopwatch.StartNew();

        var results = await services.GetRequiredService<AlertSnsFanOut>().PublishAsync(accounts, Post(), r =>
        {
            reported.Enqueue(r);
            return Task.CompletedTask;
        }, default);

        watch.Stop();
        results.Select(r => r.AccountId).ShouldBe(accounts.Select(a => a.Id));
        results.ShouldAllBe(r => r.Posted && r.Attempts == 1);
        reported.Select(r => r.AccountId).Order().ShouldBe(accounts.Select(a => a.Id).Order());
        // 52 requests (Instagram takes two) of 200 ms each would take over 10 s one after another.
        _platform.MaxInFlight.ShouldBeGreaterThanOrEqualTo(8);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(44 * 200));
    }

    [Fact]
    public async Task Given_the_same_alert_key_published_again_Then_accounts_already_posted_are_not_posted_twice()
    {
        await using var services = Services();
        var fanOut = services.GetRequiredService<AlertSnsFanOut>();
        var facebook = FacebookAccount();
        var telegram = TelegramAccount();
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            new FakeAnswer(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot is not a member of the channel chat"}"""));
        var post = Post("alert-7-msg-1");

        var first = await fanOut.PublishAsync([facebook, telegram], post, null, default);
        var again = await fanOut.PublishAsync([facebook, telegram], post, null, default);
        var update = await fanOut.PublishAsync([facebook], Post("alert-7-msg-2") with { LongText = "해제: " + LongKorean }, null, default);

        first[0].Posted.ShouldBeTrue(first[0].Error);
        first[1].Posted.ShouldBeFalse();
        again[0].ShouldBe(first[0]);
        again[1].Posted.ShouldBeTrue(again[1].Error);
        update[0].Posted.ShouldBeTrue(update[0].Error);
        Sent(r => r.Path.EndsWith("/feed", StringComparison.Ordinal)).Count.ShouldBe(2);
        Sent(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_an_unsupported_platform_Then_it_gets_a_failed_result_and_the_supported_list_names_the_five()
    {
        await using var services = Services();
        var youtube = Account(ChannelPlatform.YouTube, "sotongcity", "UC123");

        var results = await services.GetRequiredService<AlertSnsFanOut>().PublishAsync([youtube], Post(), null, default);

        results.ShouldHaveSingleItem().Posted.ShouldBeFalse();
        results[0].Attempts.ShouldBe(0);
        AlertSnsFanOut.SupportedPlatforms.Order().ShouldBe(new[] { ChannelPlatform.X, ChannelPlatform.Facebook, ChannelPlatform.Instagram, ChannelPlatform.KakaoTalkChannel, ChannelPlatform.Telegram }.Order());
        AlertSnsFanOut.Supports(ChannelPlatform.Blog).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_failures_that_echo_a_token_Then_neither_the_logs_nor_the_recorded_errors_contain_any_secret()
    {
        const string token = "987654:AAF-secret-bot-token-value";
        await using var services = Services();
        _platform.Script(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal),
            new FakeAnswer(503, """{"ok":false,"error_code":503,"description":"Service Unavailable"}"""),
            new FakeAnswer(401, $$"""{"ok":false,"error_code":401,"description":"Unauthorized: bot{{token}} is not valid"}"""));
        _platform.Script(r => r.Path.EndsWith("/feed", StringComparison.Ordinal),
            new FakeAnswer(400, JsonSerializer.Serialize(new { error = new { message = "Invalid OAuth access token - Cannot parse access token " + TestChannels.MetaPageToken, type = "OAuthException", code = 190 } })));

        var results = await services.GetRequiredService<AlertSnsFanOut>().PublishAsync([TelegramAccount(token), FacebookAccount()], Post(), null, default);

        results.ShouldAllBe(r => !r.Posted);
        var telegramError = results[0].Error.ShouldNotBeNull();
        telegramError.ShouldContain("Unauthorized");
        telegramError.ShouldContain("••••");
        _logs.ShouldNotBeEmpty();
        var everything = string.Join("\n", _logs.Select(l => l.Item3).Concat(results.Select(r => r.Error!)));
        everything.ShouldNotContain(token);
        everything.ShouldNotContain(TestChannels.MetaPageToken);
    }
}

/// <summary>The audience the Kakao publisher reads from the inbox: every contact who wrote to that channel's bot.</summary>
public sealed class KakaoAudienceTests(SqliteChannelApp app) : IClassFixture<SqliteChannelApp>
{
    private async Task<HttpResponseMessage> SkillAsync(string user, string utterance)
    {
        var body = JsonSerializer.Serialize(new
        {
            userRequest = new { utterance, user = new { id = user, type = "botUserKey", properties = new { } } },
            bot = new { id = TestChannels.KakaoBotId, name = "소통시" },
            action = new { name = "sotong", @params = new { }, detailParams = new { }, clientExtra = new { } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/kakao") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Sotong-Skill-Secret", TestChannels.KakaoSkillSecret);
        return await app.NewClient().SendAsync(request);
    }

    [Fact]
    public async Task Given_users_who_wrote_to_the_kakao_channel_Then_the_alert_reaches_each_of_them_once_through_the_event_api()
    {
        var first = "botUserKey-" + Guid.NewGuid().ToString("N")[..8];
        var second = "botUserKey-" + Guid.NewGuid().ToString("N")[..8];
        (await SkillAsync(first, "눈이 많이 와요")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SkillAsync(first, "제설 언제 하나요")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SkillAsync(second, "버스가 안 와요")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var account = (await app.Service<ChannelCredentials>().ForPlatformsAsync([ChannelPlatform.KakaoTalkChannel], default)).Single(a => a.ExternalId == TestChannels.KakaoBotId);
        var audience = new InboxKakaoAudience(app.Service<IDbContextFactory<SotongDbContext>>(), app.Service<PersonalDataProtector>());

        var keys = await audience.UserKeysAsync(account, default);
        var otherChannel = await audience.UserKeysAsync(account with { Id = Guid.NewGuid() }, default);

        keys.ShouldContain(first);
        keys.ShouldContain(second);
        keys.Count(k => k == first).ShouldBe(1);
        otherChannel.ShouldBeEmpty();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:Kakao:EventApiBaseUrl"] = app.Platform.BaseUrl,
        }).Build());
        services.AddLogging();
        services.AddSingleton<IKakaoAudience>(audience);
        services.AddAlertSns();
        await using var provider = services.BuildServiceProvider();
        var key = Guid.NewGuid().ToString("N");

        var results = await provider.GetRequiredService<AlertSnsFanOut>().PublishAsync([account], new AlertPost(key, "짧은 안내", "대설경보 " + key, null, null, false), null, default);

        results.ShouldHaveSingleItem().Posted.ShouldBeTrue(results[0].Error);
        var sent = app.Platform.OnlyOne(r => r.Path == $"/v2/bots/{TestChannels.KakaoBotId}/talk" && r.Body.Contains(key, StringComparison.Ordinal));
        using var body = JsonDocument.Parse(sent.Body);
        var ids = body.RootElement.GetProperty("user").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        ids.ShouldContain(first);
        ids.ShouldContain(second);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }
}

internal sealed class FixedAudience(IReadOnlyList<string> keys) : IKakaoAudience
{
    public Task<IReadOnlyList<string>> UserKeysAsync(ChannelAccountSecrets account, CancellationToken ct) => Task.FromResult(keys);
}
