using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Organization;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Channels;

/// <summary>The city's mailbox as the tests' mail relay and SMTP server know it.</summary>
public static class TestMailbox
{
    public const string Address = "minwon@sotong-city.example";
    public const string FromName = "소통시 민원";
    public const string Secret = "relay-hmac-secret-0123456789";
    public const string SmtpUser = "sotong-relay";
    public const string SmtpPassword = "smtp-password-42";
    /// <summary>A second mailbox whose SMTP server is down (nothing listens on its port).</summary>
    public const string OutageAddress = "outage@sotong-city.example";
    public const string OutageSecret = "relay-hmac-secret-outage";
}

public interface IEmailApp
{
    SotongApp App { get; }
    SmtpTestServer Smtp { get; }
}

internal static class EmailSetup
{
    /// <summary>Adds the two e-mail accounts, with the webhook secret and SMTP settings an administrator would set.</summary>
    public static async Task RegisterAsync(SotongApp app, SmtpTestServer smtp)
    {
        var creds = app.Service<ChannelCredentials>();
        Guid mailbox, outage;
        await using (var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            var division = (await db.ChannelAccounts.FirstAsync(a => a.Platform == ChannelPlatform.Web)).OwningDivisionId;
            ChannelAccount Account(string address) => new()
            {
                Platform = ChannelPlatform.Email, Handle = address, NameKo = "소통시 민원 메일", NameEn = "Sotong City mailbox",
                Url = "mailto:" + address, OwningDivisionId = division, Field = ChannelField.CityNews,
            };
            var main = Account(TestMailbox.Address);
            var down = Account(TestMailbox.OutageAddress);
            db.ChannelAccounts.AddRange(main, down);
            await db.SaveChangesAsync();
            (mailbox, outage) = (main.Id, down.Id);
        }
        await creds.SetAsync(mailbox, new Dictionary<string, string>
        {
            [CredentialNames.WebhookSecret] = TestMailbox.Secret, [CredentialNames.SmtpHost] = "127.0.0.1",
            [CredentialNames.SmtpPort] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CredentialNames.SmtpUser] = TestMailbox.SmtpUser, [CredentialNames.SmtpPassword] = TestMailbox.SmtpPassword, [CredentialNames.FromName] = TestMailbox.FromName,
        }, null, default);
        await creds.SetAsync(outage, new Dictionary<string, string>
        {
            [CredentialNames.WebhookSecret] = TestMailbox.OutageSecret, [CredentialNames.SmtpHost] = "127.0.0.1",
            [CredentialNames.SmtpPort] = SmtpTestServer.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture), [CredentialNames.SmtpSecurity] = "none",
        }, null, default);
    }
}

public sealed class SqliteEmailApp : SqliteApp, IEmailApp
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    public SotongApp App => this;

    public override async Task InitializeAsync()
    {
        Smtp = SmtpTestServer.Start();
        await base.InitializeAsync();
        await EmailSetup.RegisterAsync(this, Smtp);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class PostgresEmailApp : PostgresApp, IEmailApp
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    public SotongApp App => this;

    public override async Task InitializeAsync()
    {
        Smtp = SmtpTestServer.Start();
        await base.InitializeAsync();
        await EmailSetup.RegisterAsync(this, Smtp);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SqliteEmailChannelTests(SqliteEmailApp app) : EmailChannelTests<SqliteEmailApp>(app);

public sealed class PostgresEmailChannelTests(PostgresEmailApp app) : EmailChannelTests<PostgresEmailApp>(app);

/// <summary>
/// The e-mail channel end to end: a relay posts raw RFC 5322 mail to /hooks/email, an officer answers through the
/// reply API, and a real SMTP server on this machine receives the answer.
/// </summary>
public abstract class EmailChannelTests<TApp>(TApp fixture) : IClassFixture<TApp> where TApp : SotongApp, IEmailApp
{
    private SotongApp App => fixture.App;
    private SmtpTestServer Smtp => fixture.Smtp;

    static EmailChannelTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    private static string Citizen() => $"citizen.{Unique()}@mail.example.net";

    private static string Sign(byte[] body, string secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>An RFC 2047 encoded word, as mail programs write Korean in headers.</summary>
    private static string Word(string text) => $"=?UTF-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";

    /// <summary>A plain-text mail as a Korean mail program sends it: encoded-word headers, a base64 UTF-8 body, CRLF lines.</summary>
    private static byte[] Mail(string messageId, string from, string? subject, string body, string? extraHeaders = null, string to = TestMailbox.Address, string fromName = "김시민")
    {
        var headers = new StringBuilder()
            .Append($"Return-Path: <{from}>\r\n")
            .Append($"Delivered-To: {to}\r\n")
            .Append($"From: {Word(fromName)} <{from}>\r\n")
            .Append($"To: {Word("소통시 민원")} <{to}>\r\n");
        if (subject is not null)
        {
            headers.Append($"Subject: {Word(subject)}\r\n");
        }
        headers.Append("Date: Mon, 24 Nov 2025 09:30:00 +0900\r\n")
            .Append($"Message-ID: <{messageId}>\r\n")
            .Append(extraHeaders)
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=UTF-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\r\n")), Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n");
        return Encoding.ASCII.GetBytes(headers.ToString());
    }

    private async Task<HttpResponseMessage> PostMailAsync(byte[] mail, string? secret = TestMailbox.Secret, string contentType = "message/rfc822", string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/email") { Content = new ByteArrayContent(mail) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var header = signature ?? (secret is null ? null : Sign(mail, secret));
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Sotong-Signature", header);
        }
        return await App.NewClient().SendAsync(request);
    }

    private async Task<InboxMessage> PostedAsync(byte[] mail, string messageId, string secret = TestMailbox.Secret)
    {
        var response = await PostMailAsync(mail, secret);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await StoredAsync(messageId)).ShouldHaveSingleItem();
    }

    private async Task<List<InboxMessage>> StoredAsync(string providerIdPart)
    {
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.AsNoTracking().Where(m => m.Channel == InboxChannel.Email && m.ProviderMessageId.Contains(providerIdPart)).ToListAsync();
    }

    private async Task<int> EmailCountAsync()
    {
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.InboxMessages.CountAsync(m => m.Channel == InboxChannel.Email);
    }

    private async Task<JsonElement> ReplyAsync(InboxMessage message, string text)
    {
        var officer = await App.SignedInAsync("comms@sotong.example");
        var response = await officer.PostAsJsonAsync($"/api/v1/inbox/{message.Id}/replies", new { text, version = message.Version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static MimeMessage Parse(SmtpDelivery delivery) => MimeMessage.Load(new MemoryStream(delivery.Data));

    [Fact]
    public async Task Given_a_signed_mail_posted_twice_Then_it_is_stored_once_with_its_subject_sender_and_account()
    {
        var citizen = Citizen();
        var id = $"{Unique()}@mail.example.net";
        var mail = Mail(id, citizen, "가로등이 꺼져 있어요", "을지로 3가역 4번 출구 앞 가로등이 사흘째 꺼져 있습니다.\n밤에 너무 어두워요.", $"References: <root-{id}>\r\n");

        var first = await PostMailAsync(mail);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        receipt.GetProperty("receiptNumber").GetString()!.ShouldMatch(@"^E-\d{8}-\d{8}$");
        receipt.GetProperty("duplicate").GetBoolean().ShouldBeFalse();
        var again = await (await PostMailAsync(mail)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        again.GetProperty("receiptNumber").GetString().ShouldBe(receipt.GetProperty("receiptNumber").GetString());

        var stored = (await StoredAsync(id)).ShouldHaveSingleItem();
        stored.ProviderMessageId.ShouldBe(id);
        stored.Text.ShouldBe("가로등이 꺼져 있어요\n\n을지로 3가역 4번 출구 앞 가로등이 사흘째 꺼져 있습니다.\n밤에 너무 어두워요.");
        stored.CitizenName.ShouldBe("김시민");
        stored.Kind.ShouldBe(MessageKind.DirectMessage);
        await using var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        stored.ChannelAccountId.ShouldBe((await db.ChannelAccounts.SingleAsync(a => a.Handle == TestMailbox.Address)).Id);
        // The address is the contact's identity: kept encrypted, found by keyed hash, never in clear.
        var identity = await db.ContactIdentities.AsNoTracking().SingleAsync(i => i.ContactId == stored.ContactId);
        identity.Kind.ShouldBe(IdentityKind.Email);
        identity.ProtectedValue.ShouldNotContain(citizen);
        identity.LookupHash.ShouldNotContain(citizen);
        identity.MaskedValue.ShouldNotBe(citizen);
        App.Logs.ShouldNotContain(l => l.Message.Contains(citizen));
    }

    [Fact]
    public async Task Given_unsigned_wrongly_signed_or_unreadable_mail_Then_a_4xx_problem_and_nothing_stored()
    {
        var before = await EmailCountAsync();
        var id = $"{Unique()}@mail.example.net";
        var mail = Mail(id, Citizen(), "서명 확인", "서명이 없는 메일");

        var unsigned = await PostMailAsync(mail, secret: null);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unsigned.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await PostMailAsync(mail, secret: "not-the-relay-secret")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostMailAsync(mail, signature: "sha256=zz")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostMailAsync(mail, signature: Sign(mail, TestMailbox.Secret).Replace("sha256=", "sha1=", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var wrongType = await PostMailAsync(mail, contentType: "application/json");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await wrongType.Content.ReadFromJsonAsync<ProblemDto>())!.Status.ShouldBe(415);

        var unreadable = new Dictionary<string, byte[]>
        {
            ["empty body"] = [],
            ["not a mail"] = Encoding.UTF8.GetBytes("이것은 메일이 아닙니다"),
            ["binary"] = [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256))],
            ["no From"] = Encoding.ASCII.GetBytes($"To: {TestMailbox.Address}\r\nSubject: hello\r\nMessage-ID: <nofrom-{id}>\r\n\r\nbody\r\n"),
            ["From without an address"] = Encoding.ASCII.GetBytes($"From: Kim\r\nTo: {TestMailbox.Address}\r\nSubject: hello\r\nMessage-ID: <noaddr-{id}>\r\n\r\nbody\r\n"),
            ["neither subject nor text"] = Mail($"blank-{id}", Citizen(), null, "  \n \n"),
        };
        foreach (var (name, body) in unreadable)
        {
            var response = await PostMailAsync(body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            var problem = (await response.Content.ReadFromJsonAsync<ProblemDto>())!;
            problem.Status.ShouldBe(400, name);
            problem.Detail.ShouldNotBeNullOrWhiteSpace(name);
        }

        var huge = Mail($"huge-{id}", Citizen(), "큰 메일", new string('가', 400_000));
        (await PostMailAsync(huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        (await EmailCountAsync()).ShouldBe(before);
        (await StoredAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_html_mail_with_an_attachment_Then_only_its_words_are_kept_and_the_attachment_is_named()
    {
        var id = $"{Unique()}@mail.example.net";
        var html = """
            <!DOCTYPE html><html><head><title>제목 태그</title><style>p { color: red }</style></head>
            <body><p>공원 &amp; 놀이터의    벤치가</p><script>alert('x')</script><div>부서졌어요&nbsp;<b>빨리</b> 고쳐 주세요.</div>
            <!-- a comment --><img src="https://tracker.example/p.gif"></body></html>
            """;
        var raw = Encoding.UTF8.GetBytes(
            $"From: Park <park.{Unique()}@mail.example.net>\r\nTo: {TestMailbox.Address}\r\nSubject: {Word("벤치 파손")}\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
            + "--outer\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + html.ReplaceLineEndings("\r\n") + "\r\n"
            + "--outer\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=\"bench.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRg==\r\n"
            + "--outer--\r\n");
        var stored = await PostedAsync(raw, id);
        stored.Text.ShouldBe("벤치 파손\n\n공원 & 놀이터의 벤치가\n\n부서졌어요 빨리 고쳐 주세요.\n\n[image/jpeg] bench.jpg");
    }

    [Fact]
    public async Task Given_a_mail_in_euc_kr_Then_the_korean_is_read_correctly()
    {
        var id = $"{Unique()}@mail.example.net";
        var euckr = Encoding.GetEncoding(949);
        // An old mail program: the subject as raw EUC-KR bytes in the header, the body declared ks_c_5601-1987 in 8 bits.
        var raw = new List<byte>();
        raw.AddRange(Encoding.ASCII.GetBytes($"From: lee.{Unique()}@mail.example.net\r\nTo: {TestMailbox.Address}\r\nSubject: "));
        raw.AddRange(euckr.GetBytes("무단투기 신고"));
        raw.AddRange(Encoding.ASCII.GetBytes($"\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ks_c_5601-1987\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"));
        raw.AddRange(euckr.GetBytes("골목에 쓰레기가 쌓여 있습니다.\r\n"));
        var stored = await PostedAsync([.. raw], id);
        stored.Text.ShouldBe("무단투기 신고\n\n골목에 쓰레기가 쌓여 있습니다.");
    }

    [Fact]
    public async Task Given_an_automatic_reply_or_our_own_mail_Then_it_is_acknowledged_and_not_stored()
    {
        var away = $"{Unique()}@mail.example.net";
        var response = await PostMailAsync(Mail(away, Citizen(), "부재중", "휴가 중입니다.", "Auto-Submitted: auto-replied\r\n"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skipped").GetString().ShouldNotBeNullOrEmpty();
        var own = $"{Unique()}@sotong-city.example";
        (await PostMailAsync(Mail(own, TestMailbox.Address, "Re: 답변", "우리가 보낸 답장"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(away)).ShouldBeEmpty();
        (await StoredAsync(own)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_officer_answer_Then_the_smtp_server_receives_it_in_the_citizens_thread_and_their_reply_threads_back()
    {
        var citizen = Citizen();
        var root = $"root-{Unique()}@mail.example.net";
        var id = $"{Unique()}@mail.example.net";
        var stored = await PostedAsync(Mail(id, citizen, "가로등이 꺼져 있어요", "사흘째 꺼져 있습니다.", $"References: <{root}>\r\nIn-Reply-To: <{root}>\r\n"), id);

        const string answer = "안녕하세요. 소통시 도로관리과입니다.\n내일 오전까지 가로등을 고치겠습니다. 불편을 드려 죄송합니다.";
        var view = await ReplyAsync(stored, answer);
        view.GetProperty("state").GetString().ShouldBe("Sent");
        var sentId = view.GetProperty("providerMessageId").GetString()!;

        var delivery = Smtp.OnlyOneTo(citizen);
        delivery.MailFrom.ShouldBe(TestMailbox.Address);
        delivery.Recipients.ToList().ShouldBe([citizen]);
        delivery.AuthenticatedAs.ShouldBe(TestMailbox.SmtpUser);
        delivery.Password.ShouldBe(TestMailbox.SmtpPassword);
        delivery.Data.ShouldAllBe(b => b < 128); // the server offered no 8BITMIME, so the Korean travels encoded
        var mail = Parse(delivery);
        var from = mail.From.Mailboxes.ShouldHaveSingleItem();
        from.Address.ShouldBe(TestMailbox.Address);
        from.Name.ShouldBe(TestMailbox.FromName);
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(citizen);
        mail.Subject.ShouldBe("Re: 가로등이 꺼져 있어요");
        mail.InReplyTo.ShouldBe(id);
        mail.References.ToList().ShouldBe([root, id]);
        mail.MessageId.ShouldBe(sentId);
        var body = mail.Body.ShouldBeOfType<TextPart>();
        body.ContentType.MimeType.ShouldBe("text/plain");
        body.ContentType.Charset.ShouldBe("utf-8", StringCompareShould.IgnoreCase);
        body.Text.ReplaceLineEndings("\n").TrimEnd('\n').ShouldBe(answer);

        // The citizen answers from their mail program, quoting ours: it joins their thread, without the quote.
        var theirs = $"{Unique()}@mail.example.net";
        var reply = await PostedAsync(Mail(theirs, citizen, "Re: 가로등이 꺼져 있어요",
            "고맙습니다. 오늘 밤에 다시 확인해 볼게요.\n\n2025년 11월 24일 (월) 오전 10:00, 소통시 민원 <minwon@sotong-city.example>님이 작성:\n> 안녕하세요. 소통시 도로관리과입니다.\n> 내일 오전까지 가로등을 고치겠습니다.\n",
            $"In-Reply-To: <{sentId}>\r\nReferences: <{root}> <{id}> <{sentId}>\r\n"), theirs);
        reply.ContactId.ShouldBe(stored.ContactId);
        reply.Text.ShouldBe("Re: 가로등이 꺼져 있어요\n\n고맙습니다. 오늘 밤에 다시 확인해 볼게요.");

        (await ReplyAsync(reply, "네, 확인 부탁드립니다.")).GetProperty("state").GetString().ShouldBe("Sent");
        var second = Parse(Smtp.Deliveries.Single(d => d.Recipients.Contains(citizen) && d != delivery));
        second.Subject.ShouldBe("Re: 가로등이 꺼져 있어요");
        second.InReplyTo.ShouldBe(theirs);
        second.References.ToList().ShouldBe([root, id, sentId, theirs]);
    }

    [Fact]
    public async Task Given_a_mail_without_a_subject_Then_the_answer_subject_names_the_receipt_number()
    {
        var citizen = Citizen();
        var id = $"{Unique()}@mail.example.net";
        var stored = await PostedAsync(Mail(id, citizen, null, "제목 없이 보냅니다. 버스 배차 간격이 너무 길어요."), id);
        stored.Text.ShouldBe("제목 없이 보냅니다. 버스 배차 간격이 너무 길어요.");
        (await ReplyAsync(stored, "배차 간격을 검토하겠습니다.")).GetProperty("state").GetString().ShouldBe("Sent");
        Parse(Smtp.OnlyOneTo(citizen)).Subject!.ShouldContain(stored.ReceiptNumber);
    }

    [Fact]
    public async Task Given_the_smtp_server_refuses_the_recipient_Then_the_reply_is_failed_with_the_servers_reason()
    {
        var citizen = Citizen();
        var id = $"{Unique()}@mail.example.net";
        var stored = await PostedAsync(Mail(id, citizen, "주소 오류", "없는 주소로 답장이 갈 메일"), id);
        Smtp.Refused[citizen] = true;

        var view = await ReplyAsync(stored, "답변드립니다.");
        view.GetProperty("state").GetString().ShouldBe("Failed");
        var error = view.GetProperty("error").GetString()!;
        error.ShouldContain("550");
        error.ShouldContain("Recipient address rejected");
        error.ShouldNotContain(citizen); // the server's words are masked like any personal data
        Smtp.Deliveries.ShouldNotContain(d => d.Recipients.Contains(citizen));

        var officer = await App.SignedInAsync("comms@sotong.example");
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{stored.Id}/replies");
        listed.EnumerateArray().ShouldHaveSingleItem().GetProperty("state").GetString().ShouldBe("Failed");
        App.Logs.ShouldContain(l => l.Message.Contains(stored.ReceiptNumber) && l.Message.Contains("550"));
        App.Logs.ShouldNotContain(l => l.Message.Contains(citizen));
    }

    [Fact]
    public async Task Given_the_accounts_smtp_server_is_down_Then_the_reply_is_failed_as_unreachable()
    {
        var id = $"{Unique()}@mail.example.net";
        var stored = await PostedAsync(Mail(id, Citizen(), "서버 장애", "메일 서버가 꺼진 계정으로 온 메일", to: TestMailbox.OutageAddress), id, TestMailbox.OutageSecret);
        await using (var db = await App.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync())
        {
            stored.ChannelAccountId.ShouldBe((await db.ChannelAccounts.SingleAsync(a => a.Handle == TestMailbox.OutageAddress)).Id);
        }
        var view = await ReplyAsync(stored, "답변드립니다.");
        view.GetProperty("state").GetString().ShouldBe("Failed");
        view.GetProperty("error").GetString()!.ShouldContain("could not be reached");
    }
}
