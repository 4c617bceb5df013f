using Sotong.Smpp;

namespace Sotong.Tests.Smpp;

public sealed class SmppClientOptionsTests
{
    private static readonly SmppClientOptions Valid = new() { Host = "smsc.example", SystemId = "sotong", Password = "secret" };

    [Fact]
    public async Task Given_valid_options_Then_a_client_can_be_made_and_is_not_bound_until_connected()
    {
        await using var client = new SmppClient(Valid);

        client.IsBound.ShouldBeFalse();
        await Should.ThrowAsync<SmppException>(() => client.SubmitAsync("1588", "01012345678", "hi"));
    }

    [Fact]
    public void Given_settings_SMPP_cannot_carry_Then_the_client_refuses_them_up_front()
    {
        Should.Throw<ArgumentException>(() => new SmppClient(Valid with { Host = "" }));
        Should.Throw<ArgumentException>(() => new SmppClient(Valid with { Password = "123456789" })).ParamName.ShouldBe("Password");
        Should.Throw<ArgumentException>(() => new SmppClient(Valid with { SystemId = new string('s', 16) })).ParamName.ShouldBe("SystemId");
        Should.Throw<ArgumentOutOfRangeException>(() => new SmppClient(Valid with { Window = 0 }));
        Should.Throw<ArgumentException>(() => new SmppClient(Valid with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(10) }));
    }

    [Fact]
    public void Given_an_inbound_message_or_receipt_When_printed_Then_the_number_and_text_are_not()
    {
        var message = new SmppInboundMessage("01012345678", "1588", "우리 집 주소는 중구 ...", SmppDataCoding.Ucs2, DateTimeOffset.UnixEpoch);
        var receipt = new SmppDeliveryReceipt("m1", "DELIVRD", "000", null, null, "01012345678", "1588", DateTimeOffset.UnixEpoch);

        message.ToString().ShouldNotContain("12345678");
        message.ToString().ShouldNotContain("주소");
        message.ToString().ShouldContain("010********");
        receipt.ToString().ShouldNotContain("12345678");
    }

    [Fact]
    public void Given_throttling_and_queue_full_Then_they_are_transient_and_a_bad_address_is_not()
    {
        new SmppCommandException(SmppCommandStatus.Throttled, "submit_sm").IsTransient.ShouldBeTrue();
        new SmppCommandException(SmppCommandStatus.MessageQueueFull, "submit_sm").IsTransient.ShouldBeTrue();
        var permanent = new SmppCommandException(SmppCommandStatus.InvalidDestinationAddress, "submit_sm");
        permanent.IsTransient.ShouldBeFalse();
        permanent.Message.ShouldContain("ESME_RINVDSTADR");
    }
}
