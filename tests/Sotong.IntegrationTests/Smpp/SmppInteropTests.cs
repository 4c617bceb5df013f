using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Sotong.Smpp;

namespace Sotong.IntegrationTests.Smpp;

/// <summary>
/// <see cref="SmppClient"/> against a real SMSC: the npm smpp package's server (tests/smpp-sim/smsc.js), one per test.
/// </summary>
public sealed class SmppInteropTests : IAsyncLifetime
{
    private const string Citizen = "01012345678";
    private const string ShortCode = "1588";
    // Short, yet with room for a loaded 2-core machine running the other integration tests alongside.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly ListLogger<SmppClient> _logger = new();
    private SmscSimulator _smsc = null!;

    public async Task InitializeAsync() => _smsc = await SmscSimulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _smsc.DisposeAsync();
        // Whatever happened in the test, no full phone number and no message text reached the logs at Information or above.
        _logger.Entries.Where(e => e.Level >= LogLevel.Information)
            .ShouldAllBe(e => !e.Message.Contains(Citizen) && !e.Message.Contains("민원"));
    }

    [Fact]
    public async Task Given_the_right_credentials_When_connected_Then_bound_kept_alive_by_enquire_link_and_unbound_on_dispose()
    {
        await using var client = NewClient(enquireLinkInterval: TimeSpan.FromMilliseconds(150));

        await client.ConnectAsync();

        client.IsBound.ShouldBeTrue();
        var bind = await _smsc.WaitForAsync("bind");
        bind.GetProperty("ok").GetBoolean().ShouldBeTrue();
        bind.GetProperty("system_id").GetString().ShouldBe(SmscSimulator.SystemId);
        bind.GetProperty("system_type").GetString().ShouldBe("SOTONG");
        bind.GetProperty("interface_version").GetInt32().ShouldBe(0x34);
        await _smsc.WaitForCountAsync("enquire_link", 3);
        client.IsBound.ShouldBeTrue();
        _smsc.Events("bind").Count.ShouldBe(1); // kept alive, never re-bound

        await client.DisposeAsync();

        await _smsc.WaitForAsync("unbind");
        client.IsBound.ShouldBeFalse();
    }

    [Fact]
    public async Task Given_the_SMSC_sends_requests_Then_enquire_link_is_answered_and_an_unsupported_command_is_nacked()
    {
        await using var client = await ConnectedClientAsync();

        await _smsc.SendAsync(new { cmd = "send", command = "enquire_link" });
        await _smsc.SendAsync(new { cmd = "send", command = "data_sm" });

        var enquireLinkResp = await _smsc.WaitForAsync("response", e => e.GetProperty("command").GetString() == "enquire_link_resp");
        enquireLinkResp.GetProperty("command_status").GetInt32().ShouldBe(0);
        var nack = await _smsc.WaitForAsync("response", e => e.GetProperty("command").GetString() == "generic_nack");
        nack.GetProperty("command_status").GetInt32().ShouldBe((int)SmppCommandStatus.InvalidCommandId);
        client.IsBound.ShouldBeTrue();
    }

    [Fact]
    public async Task Given_the_SMSC_unbinds_Then_the_client_answers_and_binds_again()
    {
        await using var client = await ConnectedClientAsync();

        await _smsc.SendAsync(new { cmd = "send", command = "unbind" });

        (await _smsc.WaitForAsync("response", e => e.GetProperty("command").GetString() == "unbind_resp"))
            .GetProperty("command_status").GetInt32().ShouldBe(0);
        await _smsc.WaitForCountAsync("bind", 2, e => e.GetProperty("ok").GetBoolean());
        await WaitUntilAsync(() => client.IsBound);
    }

    [Fact]
    public async Task Given_a_wrong_password_When_connecting_Then_the_bind_is_refused_with_ESME_RBINDFAIL()
    {
        await using var client = NewClient(password: "wrong");

        var refused = await Should.ThrowAsync<SmppCommandException>(() => client.ConnectAsync());

        refused.CommandStatus.ShouldBe(SmppCommandStatus.BindFailed);
        refused.IsTransient.ShouldBeFalse();
        client.IsBound.ShouldBeFalse();
        (await _smsc.WaitForAsync("bind")).GetProperty("ok").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("ucs2", SmppDataCoding.Ucs2)]
    [InlineData("ksc5601", SmppDataCoding.KsC5601)]
    public async Task Given_a_Korean_deliver_sm_Then_the_text_arrives_decoded_and_is_acknowledged(string coding, SmppDataCoding expected)
    {
        await using var client = await ConnectedClientAsync();
        const string text = "안녕하세요, 똠햏 골목 가로등이 고장났어요 (민원)";

        await _smsc.SendAsync(new { cmd = "deliver", from = Citizen, to = ShortCode, text, coding });

        var message = await client.Messages.ReadAsync().AsTask().WaitAsync(Wait);
        message.Text.ShouldBe(text);
        message.DataCoding.ShouldBe(expected);
        message.SourceAddress.ShouldBe(Citizen);
        message.DestinationAddress.ShouldBe(ShortCode);
        message.Parts.ShouldBe(1);
        (await _smsc.WaitForAsync("deliver_sm_resp")).GetProperty("command_status").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("udh")]
    [InlineData("udh16")]
    [InlineData("sar")]
    public async Task Given_a_three_part_message_arriving_out_of_order_Then_it_comes_out_as_one_text(string mode)
    {
        await using var client = await ConnectedClientAsync();
        const string text = "중구청 민원실에 문의드립니다. 지난주 신청한 주차 허가증이 아직 도착하지 않았는데 확인 부탁드립니다. 감사합니다!";

        await _smsc.SendAsync(new { cmd = "deliver_concat", from = Citizen, to = ShortCode, text, parts = 3, @ref = 201, order = new[] { 3, 1, 2 }, mode });

        var message = await client.Messages.ReadAsync().AsTask().WaitAsync(Wait);
        message.Text.ShouldBe(text);
        message.Parts.ShouldBe(3);
        await _smsc.WaitForCountAsync("deliver_sm_resp", 3, e => e.GetProperty("command_status").GetInt32() == 0);
        client.Messages.TryRead(out _).ShouldBeFalse(); // one message, not three
    }

    [Fact]
    public async Task Given_a_long_Korean_reply_When_submitted_Then_the_SMSC_gets_UCS2_parts_of_67_with_a_correct_UDH()
    {
        await using var client = await ConnectedClientAsync();
        var reply = string.Concat(Enumerable.Repeat("문의하신 주차 허가증은 발송되었습니다. ", 8))[..160];

        var ids = await client.SubmitAsync(ShortCode, Citizen, reply);

        var received = await _smsc.WaitForCountAsync("submit_sm", 3);
        received.Count.ShouldBe(3);
        ids.ShouldBe(received.Select(e => e.GetProperty("message_id").GetString()!).ToList());
        var parts = received.Select(e => Convert.FromHexString(e.GetProperty("short_message_hex").GetString()!)).ToList();
        var reference = parts[0][3];
        for (var i = 0; i < parts.Count; i++)
        {
            received[i].GetProperty("data_coding").GetInt32().ShouldBe(0x08);
            received[i].GetProperty("esm_class").GetInt32().ShouldBe(0x40);
            received[i].GetProperty("registered_delivery").GetInt32().ShouldBe(1);
            received[i].GetProperty("destination_addr").GetString().ShouldBe(Citizen);
            received[i].GetProperty("source_addr").GetString().ShouldBe(ShortCode);
            parts[i][..6].ShouldBe(new byte[] { 0x05, 0x00, 0x03, reference, 3, (byte)(i + 1) });
        }

        parts.Select(p => p.Length - 6).ShouldBe(new[] { 134, 134, 52 }); // 67 + 67 + 26 characters
        string.Concat(parts.Select(p => Encoding.BigEndianUnicode.GetString(p, 6, p.Length - 6))).ShouldBe(reply);
    }

    [Fact]
    public async Task Given_a_submitted_message_When_its_delivery_receipt_arrives_Then_it_is_matched_by_message_id()
    {
        await using var client = await ConnectedClientAsync();
        var ids = await client.SubmitAsync(ShortCode, Citizen, "Your permit was posted today.");
        var submitted = await _smsc.WaitForAsync("submit_sm");
        submitted.GetProperty("data_coding").GetInt32().ShouldBe(0x00);
        submitted.GetProperty("esm_class").GetInt32().ShouldBe(0x00);

        await _smsc.SendAsync(new { cmd = "receipt", message_id = ids.Single(), from = Citizen, to = ShortCode, stat = "DELIVRD" });

        var receipt = await client.Receipts.ReadAsync().AsTask().WaitAsync(Wait);
        receipt.MessageId.ShouldBe(ids.Single());
        receipt.IsDelivered.ShouldBeTrue();
        receipt.ErrorCode.ShouldBe("000");
        receipt.SourceAddress.ShouldBe(Citizen);
        client.Messages.TryRead(out _).ShouldBeFalse(); // a receipt is not a citizen's text
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("drop")]
    public async Task Given_a_malformed_PDU_or_a_dropped_socket_Then_the_client_rebinds_and_still_receives(string fault)
    {
        await using var client = await ConnectedClientAsync();

        await _smsc.SendAsync(new { cmd = fault });

        await _smsc.WaitForCountAsync("bind", 2, e => e.GetProperty("ok").GetBoolean());
        await WaitUntilAsync(() => client.IsBound);
        await _smsc.SendAsync(new { cmd = "deliver", from = Citizen, to = ShortCode, text = "다시 연결됐나요?" });
        (await client.Messages.ReadAsync().AsTask().WaitAsync(Wait)).Text.ShouldBe("다시 연결됐나요?");
        (await client.SubmitAsync(ShortCode, Citizen, "네")).Count.ShouldBe(1);
        if (fault == "malformed")
        {
            _logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Malformed PDU"));
        }

        _logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("reconnecting"));
    }

    [Fact]
    public async Task Given_enquire_link_goes_unanswered_Then_the_link_is_declared_dead_and_rebound()
    {
        await using var client = await ConnectedClientAsync(enquireLinkInterval: TimeSpan.FromMilliseconds(200));

        await _smsc.SendAsync(new { cmd = "silence_enquire_link" });

        // Dead after the next unanswered enquire_link's 2 s response timeout, then bound again.
        await _smsc.WaitForCountAsync("bind", 2, e => e.GetProperty("ok").GetBoolean(), Wait);
        await WaitUntilAsync(() => client.IsBound);
        _logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("enquire_link"));
    }

    [Theory]
    [InlineData(SmppCommandStatus.Throttled)]
    [InlineData(SmppCommandStatus.MessageQueueFull)]
    public async Task Given_the_SMSC_pushes_back_Then_SubmitAsync_throws_with_the_status_and_a_retry_succeeds(uint status)
    {
        await using var client = await ConnectedClientAsync();
        await _smsc.SendAsync(new { cmd = "reject_submits", status, count = 1 });

        var refused = await Should.ThrowAsync<SmppCommandException>(() => client.SubmitAsync(ShortCode, Citizen, "hello"));

        refused.CommandStatus.ShouldBe(status);
        refused.IsTransient.ShouldBeTrue();
        (await client.SubmitAsync(ShortCode, Citizen, "hello")).Single().ShouldStartWith("sim-");
    }

    [Fact]
    public async Task Given_a_window_of_3_When_6_texts_are_submitted_at_once_Then_3_are_in_flight_and_no_more()
    {
        await using var client = await ConnectedClientAsync(window: 3);
        await _smsc.SendAsync(new { cmd = "submit_delay", ms = 250 });

        var ids = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => client.SubmitAsync(ShortCode, Citizen, $"notice {i}")));

        ids.SelectMany(x => x).Distinct().Count().ShouldBe(6);
        var outstanding = _smsc.Events("submit_sm").Select(e => e.GetProperty("outstanding").GetInt32()).ToList();
        outstanding.Count.ShouldBe(6);
        outstanding.Max().ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_list_of_numbers_When_submitted_together_Then_each_has_its_own_outcome_in_order_and_the_window_holds()
    {
        await using var client = await ConnectedClientAsync(window: 3);
        await _smsc.SendAsync(new { cmd = "submit_delay", ms = 100 });
        string[] numbers = ["01000000001", "01000000002", "010\n0000003", "01000000004", "", "01000000006", "01000000007", "01000000008"];

        var outcomes = await client.SubmitManyAsync(ShortCode, numbers, "구정소식: 토요일 건강검진");

        outcomes.Count.ShouldBe(numbers.Length);
        var received = await _smsc.WaitForCountAsync("submit_sm", 6);
        received.Count.ShouldBe(6); // the two that are no SMPP address were refused here, unsent
        received.Select(e => e.GetProperty("outstanding").GetInt32()).Max().ShouldBe(3);
        foreach (var i in new[] { 2, 4 })
        {
            outcomes[i].IsAccepted.ShouldBeFalse();
            outcomes[i].Error.ShouldBeOfType<SmppCommandException>().CommandStatus.ShouldBe(SmppCommandStatus.InvalidDestinationAddress);
        }
        var byNumber = received.ToDictionary(e => e.GetProperty("destination_addr").GetString()!, e => e.GetProperty("message_id").GetString());
        foreach (var i in new[] { 0, 1, 3, 5, 6, 7 })
        {
            outcomes[i].IsAccepted.ShouldBeTrue();
            outcomes[i].MessageId.ShouldBe(byNumber[numbers[i]]);
        }
        received.ShouldAllBe(e => e.GetProperty("source_addr").GetString() == ShortCode && e.GetProperty("data_coding").GetInt32() == 0x08
            && e.GetProperty("registered_delivery").GetInt32() == 1 && e.GetProperty("esm_class").GetInt32() == 0);
        Encoding.BigEndianUnicode.GetString(Convert.FromHexString(received[0].GetProperty("short_message_hex").GetString()!)).ShouldBe("구정소식: 토요일 건강검진");
    }

    [Theory]
    [InlineData(SmppCommandStatus.Throttled)]
    [InlineData(SmppCommandStatus.InvalidDestinationAddress)]
    public async Task Given_the_SMSC_refuses_one_of_a_list_Then_only_that_one_carries_the_status(uint status)
    {
        await using var client = await ConnectedClientAsync();
        await _smsc.SendAsync(new { cmd = "reject_submits", status, count = 1 });

        var outcomes = await client.SubmitManyAsync(ShortCode, ["01000000001", "01000000002", "01000000003"], "hello");

        var refused = outcomes[0].Error.ShouldBeOfType<SmppCommandException>();
        refused.CommandStatus.ShouldBe(status);
        refused.IsTransient.ShouldBe(status == SmppCommandStatus.Throttled);
        outcomes.Skip(1).ShouldAllBe(o => o.IsAccepted && o.MessageId!.StartsWith("sim-"));
    }

    [Theory]
    [InlineData(SmppCommandStatus.Throttled)]
    [InlineData(SmppCommandStatus.MessageQueueFull)]
    public async Task Given_the_SMSC_pushes_back_during_a_list_Then_the_rest_is_handed_back_unsent_with_that_status(uint status)
    {
        await using var client = await ConnectedClientAsync(window: 1);
        await _smsc.SendAsync(new { cmd = "reject_submits", status, count = 1 });

        var outcomes = await client.SubmitManyAsync(ShortCode, ["01000000001", "01000000002", "01000000003", "01000000004"], "hello");

        outcomes.ShouldAllBe(o => !o.IsAccepted && ((SmppCommandException)o.Error!).CommandStatus == status);
        (await client.SubmitAsync(ShortCode, Citizen, "after")).Single().ShouldStartWith("sim-"); // the link itself is fine
        var received = await _smsc.WaitForCountAsync("submit_sm", 2);
        received.Select(e => e.GetProperty("destination_addr").GetString()).ShouldBe(["01000000001", Citizen]);
    }

    [Fact]
    public async Task Given_the_link_drops_during_a_list_Then_what_was_not_answered_fails_as_transient_and_the_call_ends()
    {
        await using var client = await ConnectedClientAsync(window: 2);
        // Long enough that the drop lands before the first answers even on a busy machine, short of the 2-s response timeout.
        await _smsc.SendAsync(new { cmd = "submit_delay", ms = 1500 });
        var numbers = Enumerable.Range(1, 6).Select(i => $"0100000000{i}").ToList();

        var sending = client.SubmitManyAsync(ShortCode, numbers, "hello");
        await _smsc.WaitForAsync("submit_sm");
        await _smsc.SendAsync(new { cmd = "drop" });
        var outcomes = await sending.WaitAsync(Wait);

        outcomes.Count.ShouldBe(6);
        outcomes.Where(o => !o.IsAccepted).ShouldNotBeEmpty();
        outcomes.Where(o => !o.IsAccepted).ShouldAllBe(o => o.Error!.IsTransient);
        // Numbers never written to the dropped link are among the failures: nothing waits for a response that cannot come.
        outcomes.Skip(2).ShouldAllBe(o => !o.IsAccepted);
    }

    [Fact]
    public async Task Given_a_text_longer_than_one_message_When_sent_to_a_list_Then_each_number_gets_every_part_and_the_first_part_s_id()
    {
        await using var client = await ConnectedClientAsync();
        var text = string.Concat(Enumerable.Repeat("중구청 구정소식 안내입니다. ", 6)); // over 70 UCS2 characters: two parts

        var outcomes = await client.SubmitManyAsync(ShortCode, ["01000000001", "01000000002"], text);

        var received = await _smsc.WaitForCountAsync("submit_sm", 4);
        received.Count.ShouldBe(4);
        outcomes.ShouldAllBe(o => o.IsAccepted);
        foreach (var number in new[] { "01000000001", "01000000002" })
        {
            var parts = received.Where(e => e.GetProperty("destination_addr").GetString() == number).ToList();
            parts.Count.ShouldBe(2);
            parts.ShouldAllBe(e => e.GetProperty("esm_class").GetInt32() == 0x40);
        }
        outcomes.Select(o => o.MessageId).ShouldBeSubsetOf(received.Select(e => e.GetProperty("message_id").GetString()));
    }

    [Fact]
    public async Task Given_no_bind_Then_a_list_fails_as_transient_without_throwing()
    {
        var client = NewClient();
        await using (client)
        {
            var outcomes = await client.SubmitManyAsync(ShortCode, ["01000000001", "01000000002"], "hello");

            outcomes.ShouldAllBe(o => !o.IsAccepted && o.Error!.IsTransient);
            _smsc.Events("submit_sm").ShouldBeEmpty();
        }
    }

    private SmppClient NewClient(
        string password = SmscSimulator.Password,
        TimeSpan? enquireLinkInterval = null,
        int window = 10) =>
        new(
            new SmppClientOptions
            {
                Host = "127.0.0.1",
                Port = _smsc.Port,
                SystemId = SmscSimulator.SystemId,
                Password = password,
                SystemType = "SOTONG",
                EnquireLinkInterval = enquireLinkInterval ?? TimeSpan.FromSeconds(5),
                ResponseTimeout = TimeSpan.FromSeconds(2),
                ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
                ReconnectMaxDelay = TimeSpan.FromSeconds(1),
                Window = window,
                ReassemblyTimeout = TimeSpan.FromSeconds(10),
            },
            _logger);

    private async Task<SmppClient> ConnectedClientAsync(TimeSpan? enquireLinkInterval = null, int window = 10)
    {
        var client = NewClient(enquireLinkInterval: enquireLinkInterval, window: window);
        await client.ConnectAsync();
        return client;
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.ShouldBeLessThan(Wait, _smsc.Transcript());
            await Task.Delay(10);
        }
    }
}
