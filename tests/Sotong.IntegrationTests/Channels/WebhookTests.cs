using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Channels;

public sealed class SqliteWebhookTests(SqliteChannelApp app) : WebhookTests<SqliteChannelApp>(app);

public sealed class PostgresWebhookTests(PostgresChannelApp app) : WebhookTests<PostgresChannelApp>(app);

/// <summary>Every channel's webhook and reply, with the platforms' documented shapes and signatures.</summary>
public abstract class WebhookTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : SotongApp, IChannelApp
{
    private SotongApp App => fixture.App;
    private FakePlatform Platform => fixture.Platform;

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static string MetaSignature(string body, string secret = TestChannels.MetaAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static string XSignature(string body, string secret = TestChannels.XConsumerSecret) =>
        "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task<HttpResponseMessage> PostAsync(string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await App.NewClient().SendAsync(request);
    }

    private async Task<List<InboxMessage>> StoredAsync(InboxChannel channel, string providerIdPart)
    {
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.AsNoTracking().Where(m => m.Channel == channel && m.ProviderMessageId.Contains(providerIdPart)).ToListAsync();
    }

    private static string MessengerPayload(string psid, string mid, string text, long timestamp = 1_763_900_000_000, bool echo = false) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[]
        {
            new
            {
                id = TestChannels.PageId,
                time = timestamp,
                messaging = new[] { new { sender = new { id = echo ? TestChannels.PageId : psid }, recipient = new { id = echo ? psid : TestChannels.PageId }, timestamp, message = new { mid, text, is_echo = echo } } },
            },
        },
    });

    [Fact]
    public async Task Given_the_meta_verification_get_Then_the_challenge_comes_back_only_for_the_right_token()
    {
        var client = App.NewClient();
        var ok = await client.GetAsync($"/hooks/meta?hub.mode=subscribe&hub.verify_token={TestChannels.MetaVerifyToken}&hub.challenge=1158201444");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("1158201444");
        (await client.GetAsync("/hooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Given_a_signed_messenger_message_Then_it_is_stored_once_threaded_and_answered_on_messenger()
    {
        var psid = "PSID" + Unique();
        var mid = "m_" + Unique();
        var body = MessengerPayload(psid, mid, "지하철 2호선이 멈췄어요");
        var first = await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = (await StoredAsync(InboxChannel.Messenger, mid)).ShouldHaveSingleItem();
        stored.Text.ShouldBe("지하철 2호선이 멈췄어요");
        stored.Kind.ShouldBe(MessageKind.DirectMessage);
        stored.ContactId.ShouldNotBeNull();

        // A second message from the same person joins the same thread.
        var mid2 = "m_" + Unique();
        var body2 = MessengerPayload(psid, mid2, "지금은 다시 움직여요");
        (await PostAsync("/hooks/meta", body2, ("X-Hub-Signature-256", MetaSignature(body2)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(InboxChannel.Messenger, mid2)).ShouldHaveSingleItem().ContactId.ShouldBe(stored.ContactId);

        // The PSID is stored encrypted and found by a keyed hash, never in clear.
        await using (var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var identity = await db.ContactIdentities.AsNoTracking().SingleAsync(i => i.ContactId == stored.ContactId);
            identity.ProtectedValue.ShouldNotContain(psid);
            identity.LookupHash.ShouldNotContain(psid);
            identity.MaskedValue.ShouldNotBe(psid);
            var account = await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.ExternalId == TestChannels.PageId);
            account.ProtectedCredentials.ShouldNotBeNull();
            account.ProtectedCredentials.ShouldNotContain(TestChannels.MetaAppSecret);
            stored.ChannelAccountId.ShouldBe(account.Id);
        }

        var officer = await App.SignedInAsync("comms@sotong.example");
        var reply = await officer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "복구되었습니다. 불편을 드려 죄송합니다.", version = stored.Version });
        reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await reply.Content.ReadFromJsonAsync<JsonElement>());
        view.GetProperty("state").GetString().ShouldBe("Sent");
        view.GetProperty("providerMessageId").GetString().ShouldBe("m_reply_1");
        var sent = Platform.OnlyOne(r => r.Path == "/v21.0/me/messages" && r.Body.Contains(psid));
        sent.Method.ShouldBe("POST");
        sent.Query.ShouldContain("access_token=" + TestChannels.MetaPageToken);
        using var json = JsonDocument.Parse(sent.Body);
        json.RootElement.GetProperty("recipient").GetProperty("id").GetString().ShouldBe(psid);
        json.RootElement.GetProperty("messaging_type").GetString().ShouldBe("RESPONSE");
        json.RootElement.GetProperty("message").GetProperty("text").GetString().ShouldBe("복구되었습니다. 불편을 드려 죄송합니다.");
    }

    [Fact]
    public async Task Given_the_same_delivery_many_times_at_once_Then_every_answer_is_200_and_one_row_is_stored()
    {
        var psid = "PSID" + Unique();
        var mid = "m_" + Unique();
        var body = MessengerPayload(psid, mid, "동시에 여러 번 온 같은 메시지");
        var others = Enumerable.Range(0, 30).Select(i => MessengerPayload(psid, $"{mid}_{i}", $"다른 메시지 {i}")).ToList();
        var all = Enumerable.Repeat(body, 20).Concat(others).ToList();
        var responses = await Task.WhenAll(all.Select(b => PostAsync("/hooks/meta", b, ("X-Hub-Signature-256", MetaSignature(b)))));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await StoredAsync(InboxChannel.Messenger, mid)).Count.ShouldBe(31);
        var rows = await StoredAsync(InboxChannel.Messenger, mid);
        rows.Count(r => r.ProviderMessageId == mid).ShouldBe(1);
        rows.Select(r => r.ReceiptNumber).Distinct().Count().ShouldBe(31);
        rows.Select(r => r.ContactId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_bad_signature_malformed_body_or_oversized_body_Then_a_clear_4xx_and_nothing_stored()
    {
        var mid = "m_" + Unique();
        var body = MessengerPayload("PSID" + Unique(), mid, "서명 없음");
        var unsigned = await PostAsync("/hooks/meta", body);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unsigned.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body, "another-secret")))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", "sha256=zz"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StoredAsync(InboxChannel.Messenger, mid)).ShouldBeEmpty();

        foreach (var bad in new[] { "{\"object\":\"page\",\"entry\":[{", "{\"object\":\"whatsapp\",\"entry\":[]}", "[1,2,3]", "{\"entry\":[]}" })
        {
            var response = await PostAsync("/hooks/meta", bad, ("X-Hub-Signature-256", MetaSignature(bad)));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Status.ShouldBe(400);
        }

        var huge = MessengerPayload("PSID", "m_huge", new string('가', 400_000));
        var tooLarge = await PostAsync("/hooks/meta", huge, ("X-Hub-Signature-256", MetaSignature(huge)));
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await StoredAsync(InboxChannel.Messenger, "m_huge")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_pages_own_echo_Then_it_is_acknowledged_and_ignored()
    {
        var mid = "m_" + Unique();
        var body = MessengerPayload("PSID" + Unique(), mid, "our own reply", echo: true);
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(InboxChannel.Messenger, mid)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_feed_and_instagram_comments_Then_they_are_stored_and_replies_use_the_comment_edges()
    {
        var commentId = $"{TestChannels.PageId}_{Unique()}";
        var igCommentId = "1790" + Unique();
        var feed = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[] { new { id = TestChannels.PageId, time = 1_763_900_000_000, changes = new object[]
            {
                new { field = "feed", value = new { item = "comment", verb = "add", comment_id = commentId, post_id = TestChannels.PageId + "_1", parent_id = TestChannels.PageId + "_1", message = "공원 화장실이 잠겨 있어요", from = new { id = "9988", name = "김시민" }, created_time = 1_763_900_000 } },
                new { field = "feed", value = new { item = "comment", verb = "add", comment_id = commentId + "own", post_id = "p", parent_id = "p", message = "page's own comment", from = new { id = TestChannels.PageId, name = "City" }, created_time = 1_763_900_000 } },
                new { field = "feed", value = new { item = "reaction", verb = "add", comment_id = "", post_id = "p", parent_id = "p", message = "", from = new { id = "1", name = "x" }, created_time = 1 } },
            } } },
        });
        (await PostAsync("/hooks/meta", feed, ("X-Hub-Signature-256", MetaSignature(feed)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var comment = (await StoredAsync(InboxChannel.Facebook, commentId)).ShouldHaveSingleItem();
        comment.Kind.ShouldBe(MessageKind.Comment);
        comment.CitizenName.ShouldBe("김시민");

        var ig = JsonSerializer.Serialize(new
        {
            @object = "instagram",
            entry = new[] { new { id = TestChannels.InstagramId, time = 1_763_900_000_000, changes = new[]
            {
                new { field = "comments", value = new { id = igCommentId, text = "축제 일정 알려주세요", from = new { id = "17841", username = "citizen_k" }, media = new { id = "m1", media_product_type = "FEED" } } },
            } } },
        });
        (await PostAsync("/hooks/meta", ig, ("X-Hub-Signature-256", MetaSignature(ig)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var igComment = (await StoredAsync(InboxChannel.Instagram, igCommentId)).ShouldHaveSingleItem();

        var officer = await App.SignedInAsync("comms@sotong.example");
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{comment.Id}/replies", new { text = "열어 두었습니다.", version = comment.Version })).EnsureSuccessStatusCode();
        var fbReply = Platform.OnlyOne(r => r.Path == $"/v21.0/{commentId}/comments");
        fbReply.ContentType!.ShouldStartWith("application/x-www-form-urlencoded");
        fbReply.Body.ShouldBe("message=" + Uri.EscapeDataString("열어 두었습니다.").Replace("%20", "+", StringComparison.Ordinal));
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{igComment.Id}/replies", new { text = "10월 3일입니다", version = igComment.Version })).EnsureSuccessStatusCode();
        Platform.OnlyOne(r => r.Path == $"/v21.0/{igCommentId}/replies").Query.ShouldContain("access_token=");
    }

    [Fact]
    public async Task Given_a_messenger_thread_older_than_24_hours_Then_the_reply_is_tagged_and_after_7_days_refused()
    {
        var psid = "PSID" + Unique();
        var mid = "m_" + Unique();
        var body = MessengerPayload(psid, mid, "오래된 문의");
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)))).EnsureSuccessStatusCode();
        var stored = (await StoredAsync(InboxChannel.Messenger, mid)).Single();
        var officer = await App.SignedInAsync("comms@sotong.example");

        await AgeAsync(stored.Id, TimeSpan.FromHours(30));
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "늦어서 죄송합니다", version = 0 })).EnsureSuccessStatusCode();
        using (var json = JsonDocument.Parse(Platform.OnlyOne(r => r.Path == "/v21.0/me/messages" && r.Body.Contains(psid)).Body))
        {
            json.RootElement.GetProperty("messaging_type").GetString().ShouldBe("MESSAGE_TAG");
            json.RootElement.GetProperty("tag").GetString().ShouldBe("HUMAN_AGENT");
        }

        await AgeAsync(stored.Id, TimeSpan.FromDays(8));
        var refused = await officer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "한 번 더", version = 1 });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<ProblemDto>())!.Rule.ShouldBe("MessagingWindowClosed");
    }

    private async Task AgeAsync(Guid messageId, TimeSpan age)
    {
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var m = await db.InboxMessages.SingleAsync(x => x.Id == messageId);
        m.ReceivedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime - age;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Given_the_platform_refuses_a_reply_Then_the_officer_sees_failed_with_the_reason()
    {
        var mid = "m_" + Unique();
        var body = MessengerPayload("PSID" + Unique(), mid, "답장 실패 확인");
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)))).EnsureSuccessStatusCode();
        var stored = (await StoredAsync(InboxChannel.Messenger, mid)).Single();
        Platform.NextFailure = (400, """{"error":{"message":"(#100) No matching user found","type":"OAuthException","code":100}}""");
        var officer = await App.SignedInAsync("comms@sotong.example");
        var reply = await (await officer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "확인", version = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        reply.GetProperty("state").GetString().ShouldBe("Failed");
        reply.GetProperty("error").GetString()!.ShouldContain("No matching user found");
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{stored.Id}/replies");
        listed.EnumerateArray().ShouldHaveSingleItem().GetProperty("state").GetString().ShouldBe("Failed");
    }

    [Fact]
    public async Task Given_the_x_crc_Then_the_response_token_is_the_documented_hmac()
    {
        var response = await App.NewClient().GetFromJsonAsync<JsonElement>("/hooks/x?crc_token=challenge-123");
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestChannels.XConsumerSecret), Encoding.UTF8.GetBytes("challenge-123")));
        response.GetProperty("response_token").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task Given_x_mentions_and_dms_Then_they_are_stored_own_events_ignored_and_replies_go_to_the_v2_api()
    {
        var tweetId = "17" + Unique().Replace("a", "1", StringComparison.Ordinal);
        var dmId = "18" + Unique();
        var body = JsonSerializer.Serialize(new
        {
            for_user_id = TestChannels.XUserId,
            tweet_create_events = new object[]
            {
                new { id_str = tweetId, text = "@sotongcity 횡단보도 신호가 너무 짧아요", timestamp_ms = "1763900000000", user = new { id_str = "5551", screen_name = "walker", name = "Walker" } },
                new { id_str = tweetId + "9", text = "our own tweet", timestamp_ms = "1763900000000", user = new { id_str = TestChannels.XUserId, screen_name = "sotongcity", name = "City" } },
            },
            direct_message_events = new object[]
            {
                new { type = "message_create", id = dmId, created_timestamp = "1763900000000", message_create = new { target = new { recipient_id = TestChannels.XUserId }, sender_id = "5552", message_data = new { text = "DM 문의입니다", entities = new { } } } },
                new { type = "message_create", id = dmId + "9", created_timestamp = "1763900000000", message_create = new { target = new { recipient_id = "5552" }, sender_id = TestChannels.XUserId, message_data = new { text = "our reply", entities = new { } } } },
            },
            users = new Dictionary<string, object> { ["5552"] = new { id = "5552", name = "Asker", screen_name = "asker" } },
        });
        (await PostAsync("/hooks/x", body, ("x-twitter-webhooks-signature", "sha256=" + Convert.ToBase64String(new byte[32])))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("/hooks/x", body, ("x-twitter-webhooks-signature", XSignature(body)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mention = (await StoredAsync(InboxChannel.X, "tweet:" + tweetId)).ShouldHaveSingleItem();
        mention.Kind.ShouldBe(MessageKind.Mention);
        mention.CitizenName.ShouldBe("@walker");
        var dm = (await StoredAsync(InboxChannel.X, "dm:" + dmId)).ShouldHaveSingleItem();
        dm.CitizenName.ShouldBe("@asker");
        (await StoredAsync(InboxChannel.X, "dm:" + dmId + "9")).ShouldBeEmpty();

        var officer = await App.SignedInAsync("comms@sotong.example");
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{mention.Id}/replies", new { text = "신호 시간을 늘리겠습니다", version = 0 })).EnsureSuccessStatusCode();
        var tweet = Platform.OnlyOne(r => r.Path == "/2/tweets" && r.Body.Contains(tweetId));
        tweet.Headers["Authorization"].ShouldBe("Bearer " + TestChannels.XUserToken);
        using (var json = JsonDocument.Parse(tweet.Body))
        {
            json.RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString().ShouldBe(tweetId);
        }
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{dm.Id}/replies", new { text = "답변드립니다", version = 0 })).EnsureSuccessStatusCode();
        using var dmJson = JsonDocument.Parse(Platform.OnlyOne(r => r.Path == "/2/dm_conversations/with/5552/messages").Body);
        dmJson.RootElement.GetProperty("text").GetString().ShouldBe("답변드립니다");
    }

    [Fact]
    public async Task Given_telegram_updates_Then_the_secret_token_is_required_and_replies_use_send_message()
    {
        var messageId = Random.Shared.Next(1, 1_000_000);
        var chatId = 700_000_000 + Random.Shared.Next(1, 1_000_000);
        var body = JsonSerializer.Serialize(new
        {
            update_id = 10_000 + messageId,
            message = new { message_id = messageId, from = new { id = chatId, is_bot = false, first_name = "민수", last_name = "이" }, chat = new { id = chatId, type = "private" }, date = 1_763_900_000, text = "쓰레기 수거일이 언제예요?" },
        });
        (await PostAsync("/hooks/telegram", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("/hooks/telegram", body, ("X-Telegram-Bot-Api-Secret-Token", "wrong"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("/hooks/telegram", body, ("X-Telegram-Bot-Api-Secret-Token", TestChannels.TelegramSecret))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync("/hooks/telegram", body, ("X-Telegram-Bot-Api-Secret-Token", TestChannels.TelegramSecret))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = (await StoredAsync(InboxChannel.Telegram, $"{chatId}:{messageId}")).ShouldHaveSingleItem();
        stored.CitizenName.ShouldBe("민수 이");
        (await PostAsync("/hooks/telegram", "{\"message\":{}}", ("X-Telegram-Bot-Api-Secret-Token", TestChannels.TelegramSecret))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var officer = await App.SignedInAsync("comms@sotong.example");
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "화요일과 금요일입니다", version = 0 })).EnsureSuccessStatusCode();
        var sent = Platform.OnlyOne(r => r.Path == $"/bot{TestChannels.TelegramBotToken}/sendMessage" && r.Body.Contains(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var json = JsonDocument.Parse(sent.Body);
        json.RootElement.GetProperty("chat_id").GetString().ShouldBe(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.RootElement.GetProperty("text").GetString().ShouldBe("화요일과 금요일입니다");
        json.RootElement.GetProperty("reply_parameters").GetProperty("message_id").GetInt32().ShouldBe(messageId);
    }

    [Fact]
    public async Task Given_a_kakao_skill_request_Then_a_version_2_simple_text_with_the_receipt_comes_back_and_later_answers_use_the_event_api()
    {
        var user = "botUserKey" + Unique();
        var body = JsonSerializer.Serialize(new
        {
            intent = new { id = "i1", name = "폴백 블록" },
            userRequest = new { timezone = "Asia/Seoul", utterance = "불법 주차 신고합니다 " + user, lang = "ko", user = new { id = user, type = "botUserKey", properties = new { plusfriendUserKey = "pf" + user } } },
            bot = new { id = TestChannels.KakaoBotId, name = "소통시" },
            action = new { name = "sotong", @params = new { }, detailParams = new { }, clientExtra = new { } },
        });
        (await PostAsync("/hooks/kakao", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var response = await PostAsync("/hooks/kakao", body, ("X-Sotong-Skill-Secret", TestChannels.KakaoSkillSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("version").GetString().ShouldBe("2.0");
        var text = answer.GetProperty("template").GetProperty("outputs")[0].GetProperty("simpleText").GetProperty("text").GetString()!;
        text.ShouldMatch(@"K-\d{8}-\d{8}");
        text.ShouldContain("https://sotong.example/follow/");
        text.Length.ShouldBeLessThanOrEqualTo(1000);

        var repeat = await (await PostAsync("/hooks/kakao", body, ("X-Sotong-Skill-Secret", TestChannels.KakaoSkillSecret))).Content.ReadFromJsonAsync<JsonElement>();
        repeat.GetProperty("template").GetProperty("outputs")[0].GetProperty("simpleText").GetProperty("text").GetString()!.ShouldContain("이미 접수");
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var stored = await db.InboxMessages.AsNoTracking().Where(m => m.Channel == InboxChannel.KakaoTalk && m.Text.Contains(user)).ToListAsync();
        stored.ShouldHaveSingleItem();

        var officer = await App.SignedInAsync("comms@sotong.example");
        (await officer.PostAsJsonAsync($"/api/v1/inbox/{stored[0].Id}/replies", new { text = "단속반이 출동했습니다", version = 0 })).EnsureSuccessStatusCode();
        var sent = Platform.OnlyOne(r => r.Path == $"/v2/bots/{TestChannels.KakaoBotId}/talk" && r.Body.Contains(user));
        sent.Headers["Authorization"].ShouldBe("KakaoAK " + TestChannels.KakaoRestKey);
        using var json = JsonDocument.Parse(sent.Body);
        json.RootElement.GetProperty("user")[0].GetProperty("type").GetString().ShouldBe("botUserKey");
        json.RootElement.GetProperty("user")[0].GetProperty("id").GetString().ShouldBe(user);
        json.RootElement.GetProperty("event").GetProperty("data").GetProperty("text").GetString().ShouldBe("단속반이 출동했습니다");
    }

    [Fact]
    public async Task Given_credentials_Then_only_administrators_set_them_and_they_come_back_masked()
    {
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var account = await db.ChannelAccounts.AsNoTracking().FirstAsync(a => a.ExternalId == TestChannels.PageId);
        var comms = await App.SignedInAsync("comms@sotong.example");
        (await comms.GetAsync($"/api/v1/channels/{account.Id}/credentials")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await App.SignedInAsync("admin@sotong.example");
        var masked = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{account.Id}/credentials");
        masked.GetProperty("externalId").GetString().ShouldBe(TestChannels.PageId);
        var appSecret = masked.GetProperty("credentials").GetProperty("appSecret").GetString()!;
        appSecret.ShouldBe("••••" + TestChannels.MetaAppSecret[^4..]);
        masked.ToString().ShouldNotContain(TestChannels.MetaPageToken);
        (await admin.PutAsJsonAsync($"/api/v1/channels/{account.Id}/credentials", new { credentials = new Dictionary<string, string>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/v1/channels/{Guid.NewGuid()}/credentials", new { credentials = new Dictionary<string, string> { ["a"] = "b" } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_department_officer_Then_they_cannot_reply_to_another_divisions_message()
    {
        var mid = "m_" + Unique();
        var body = MessengerPayload("PSID" + Unique(), mid, "다른 부서 메시지");
        (await PostAsync("/hooks/meta", body, ("X-Hub-Signature-256", MetaSignature(body)))).EnsureSuccessStatusCode();
        var stored = (await StoredAsync(InboxChannel.Messenger, mid)).Single();
        var busOfficer = await App.SignedInAsync("bus@sotong.example");
        (await busOfficer.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = "x", version = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Platform.Requests.ShouldNotContain(r => r.Body.Contains(mid));
    }
}
