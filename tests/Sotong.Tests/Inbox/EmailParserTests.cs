using System.Text;
using Sotong.Core.Inbox.Channels.Email;
using Sotong.Core.Organization;

namespace Sotong.Tests.Inbox;

public sealed class EmailParserTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);

    private static ChannelAccountSecrets Account(string address) =>
        new(Guid.NewGuid(), ChannelPlatform.Email, address, null, Guid.NewGuid(), new Dictionary<string, string>());

    private static byte[] Raw(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    [Fact]
    public void Given_a_gmail_style_reply_Then_the_quoted_answer_and_its_attribution_are_left_off()
    {
        var text = "Thank you, it works now.\n\nOn Mon, 5 Jan 2026 at 10:00, Sotong City <minwon@sotong-city.example> wrote:\n> We fixed it.\n>\n> Regards\n";
        EmailParser.WithoutQuotedMail(text).ShouldBe("Thank you, it works now.");
    }

    [Fact]
    public void Given_an_outlook_style_reply_Then_everything_from_the_separator_on_is_left_off()
    {
        var text = "다시 확인했습니다.\n\n-----원본 메시지-----\n보낸 사람: 소통시\n제목: 답변\n\n내일 고치겠습니다.";
        EmailParser.WithoutQuotedMail(text).ShouldBe("다시 확인했습니다.");
    }

    [Theory]
    [InlineData("> 인용한 문장\n제 의견은 이렇습니다.")]
    [InlineData("> 전부 인용만 있는 메일\n> 둘째 줄")]
    [InlineData("-----Original Message-----\nonly a forwarded mail")]
    public void Given_quotes_that_are_the_message_Then_they_stay(string text) =>
        EmailParser.WithoutQuotedMail(text).ShouldBe(text);

    [Fact]
    public void Given_html_Then_only_visible_words_remain_with_blocks_on_their_own_lines_and_pre_kept()
    {
        var text = EmailParser.HtmlToText("<html><head><style>x{}</style></head><body><h1>제목</h1><ul><li>하나</li><li>둘&lt;셋&gt;</li></ul><noscript>숨김</noscript><pre>a  b\n c</pre></body></html>");
        EmailParser.Clean(text).ShouldBe("제목\n\n하나\n둘<셋>\n\na  b\n c");
    }

    [Fact]
    public void Given_control_and_direction_override_characters_Then_clean_removes_them()
    {
        EmailParser.Clean("a\u0000b\u202Ec\r\nd\u0007\r\n\r\n\r\n\r\ne  ").ShouldBe("abc\nd\n\ne");
    }

    [Fact]
    public void Given_a_very_long_references_chain_Then_the_stored_context_fits_and_keeps_the_root_and_the_latest()
    {
        var references = Enumerable.Range(0, 100).Select(i => $"message-{i:D3}-{new string('x', 40)}@mail.example.net").ToList();
        var stored = new EmailReplyContext("제목", "latest@mail.example.net", references).Write(2000);
        stored.Length.ShouldBeLessThanOrEqualTo(2000);
        var read = EmailReplyContext.Read(stored);
        read.Subject.ShouldBe("제목");
        read.MessageId.ShouldBe("latest@mail.example.net");
        read.References[0].ShouldBe(references[0]);
        read.References[^1].ShouldBe(references[^1]);
        read.References.Count.ShouldBeLessThan(100);
        EmailReplyContext.Read("not json").References.ShouldBeEmpty();
    }

    [Fact]
    public void Given_an_absurdly_long_message_id_Then_the_provider_id_is_a_hash_and_the_id_is_kept_for_the_reply()
    {
        var longId = new string('a', 300) + "@mail.example.net";
        var raw = Raw($"From: kim@mail.example.net\nTo: minwon@sotong-city.example\nSubject: hi\nMessage-ID: <{longId}>\n\nbody\n");
        var message = EmailParser.Parse(raw, [Account("minwon@sotong-city.example")], Now).Message.ShouldNotBeNull();
        message.ProviderMessageId.ShouldStartWith("sha256:");
        message.ProviderMessageId.Length.ShouldBeLessThanOrEqualTo(200);
        EmailReplyContext.Read(message.ReplyContext).MessageId.ShouldBe(longId);
        // Redelivered byte for byte, it is the same message.
        EmailParser.Parse(raw, [Account("minwon@sotong-city.example")], Now).Message!.ProviderMessageId.ShouldBe(message.ProviderMessageId);
    }

    [Fact]
    public void Given_two_mailboxes_signed_by_one_relay_Then_the_one_it_was_delivered_to_is_chosen()
    {
        var first = Account("minwon@sotong-city.example");
        var second = Account("traffic@sotong-city.example");
        var raw = Raw("From: kim@mail.example.net\nDelivered-To: traffic@sotong-city.example\nTo: undisclosed-recipients:;\nSubject: 신호등\nMessage-ID: <a1@mail.example.net>\n\n신호가 짧아요\n");
        EmailParser.Parse(raw, [first, second], Now).Message!.ChannelAccountId.ShouldBe(second.Id);
    }

    [Fact]
    public void Given_format_flowed_text_Then_soft_line_breaks_are_joined()
    {
        var raw = Raw("From: kim@mail.example.net\nSubject: flowed\nMessage-ID: <f1@mail.example.net>\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n이 문장은 \n한 줄입니다.\n");
        EmailParser.Parse(raw, [Account("minwon@sotong-city.example")], Now).Message!.Text.ShouldBe("flowed\n\n이 문장은 한 줄입니다.");
    }

    [Theory]
    [InlineData("From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail\nMessage-ID: <b1@mx.example.net>\n\nbounce\n")]
    [InlineData("From: kim@mail.example.net\nAuto-Submitted: auto-generated\nSubject: 자동 응답\nMessage-ID: <b2@mail.example.net>\n\n부재중\n")]
    [InlineData("From: kim@mail.example.net\nSubject: report\nMessage-ID: <b3@mail.example.net>\nContent-Type: multipart/report; report-type=delivery-status; boundary=x\n\n--x\nContent-Type: text/plain\n\nfailed\n--x--\n")]
    public void Given_automatic_mail_Then_it_is_skipped(string mail)
    {
        var parsed = EmailParser.Parse(Raw(mail), [Account("minwon@sotong-city.example")], Now);
        parsed.Message.ShouldBeNull();
        parsed.Refusal.ShouldBeNull();
        parsed.Skipped.ShouldNotBeNull();
    }

    [Fact]
    public void Given_auto_submitted_no_Then_the_mail_is_a_citizens()
    {
        var raw = Raw("From: kim@mail.example.net\nAuto-Submitted: no\nSubject: 문의\nMessage-ID: <n1@mail.example.net>\n\n본문\n");
        EmailParser.Parse(raw, [Account("minwon@sotong-city.example")], Now).Message.ShouldNotBeNull();
    }
}
