using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.IntegrationTests.Infrastructure;
using Sotong.IntegrationTests.Smpp;

namespace Sotong.IntegrationTests.Channels;

/// <summary>The app bound to the npm smpp server as its SMSC: a text from a phone reaches the inbox, the reply goes back as SMS.</summary>
public sealed class SmsApp : SqliteApp
{
    internal SmscSimulator Smsc { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smsc = await SmscSimulator.StartAsync();
        await base.InitializeAsync();
        _ = Services; // start the host, which binds
        await Smsc.WaitForAsync("bind");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Channels:Sms:Host", "127.0.0.1");
        builder.UseSetting("Channels:Sms:Port", Smsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Channels:Sms:SystemId", SmscSimulator.SystemId);
        builder.UseSetting("Channels:Sms:Password", SmscSimulator.Password);
        builder.UseSetting("Channels:Sms:ShortNumber", "0120");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smsc.DisposeAsync();
    }
}

public sealed class SmsChannelTests(SmsApp app) : IClassFixture<SmsApp>
{
    private async Task<InboxMessage> WaitForStoredAsync(string textPart)
    {
        for (var i = 0; i < 50; i++)
        {
            await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
            var found = await db.InboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Channel == InboxChannel.Sms && m.Text.Contains(textPart));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No SMS containing '{textPart}' reached the inbox.\n{app.Smsc.Transcript()}");
    }

    [Fact]
    public async Task Given_a_korean_text_to_the_short_number_Then_it_is_stored_before_the_smsc_is_answered_and_the_reply_goes_back_as_ucs2()
    {
        var tag = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.Smsc.SendAsync(new { cmd = "deliver", from = "01055501234", to = "0120", text = $"쓰레기 무단투기 신고합니다 {tag}", coding = "ucs2" });
        var stored = await WaitForStoredAsync(tag);
        stored.Text.ShouldBe($"쓰레기 무단투기 신고합니다 {tag}");
        stored.Kind.ShouldBe(MessageKind.Text);
        stored.ContactId.ShouldNotBeNull();
        (await app.Smsc.WaitForAsync("deliver_sm_resp")).GetProperty("command_status").GetInt32().ShouldBe(0);

        var comms = await app.SignedInAsync("comms@sotong.example");
        var detail = await comms.GetFromJsonAsync<InboxDetailDto>($"/api/v1/inbox/{stored.Id}");
        detail!.Identities.ShouldHaveSingleItem().MaskedValue.ShouldBe("010******34");

        var answer = "신고 감사합니다. 오늘 중으로 수거하고 단속 카메라 설치를 검토하겠습니다. 처리 결과는 문자로 다시 알려 드리겠습니다. 소통시 환경과";
        answer.Length.ShouldBeGreaterThan(70);
        var reply = await (await comms.PostAsJsonAsync($"/api/v1/inbox/{stored.Id}/replies", new { text = answer, version = stored.Version })).Content.ReadFromJsonAsync<JsonElement>();
        reply.GetProperty("state").GetString().ShouldBe("Sent");

        var parts = await app.Smsc.WaitForCountAsync("submit_sm", 2, e => e.GetProperty("destination_addr").GetString() == "01055501234");
        parts.ShouldAllBe(p => p.GetProperty("data_coding").GetInt32() == 0x08 && p.GetProperty("esm_class").GetInt32() == 0x40);
        parts.ShouldAllBe(p => p.GetProperty("source_addr").GetString() == "0120");
        var text = string.Concat(parts.Select(p => Convert.FromHexString(p.GetProperty("short_message_hex").GetString()!)).Select(b => Encoding.BigEndianUnicode.GetString(b, 6, b.Length - 6)));
        text.ShouldBe(answer);

        // The carrier's receipt for the last part turns the reply into delivered.
        var lastPart = parts[^1].GetProperty("message_id").GetString();
        await app.Smsc.SendAsync(new { cmd = "receipt", message_id = lastPart, from = "01055501234", to = "0120", stat = "DELIVRD" });
        string? state = null;
        for (var i = 0; i < 50 && state != "Delivered"; i++)
        {
            await Task.Delay(100);
            state = (await comms.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/{stored.Id}/replies"))[0].GetProperty("state").GetString();
        }
        state.ShouldBe("Delivered");
    }

    [Fact]
    public async Task Given_a_three_part_text_Then_one_message_is_stored()
    {
        var tag = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = $"버스정류장 안내판이 고장났습니다 {tag} " + new string('가', 150);
        await app.Smsc.SendAsync(new { cmd = "deliver_concat", from = "01077708888", to = "0120", text, parts = 3, @ref = 9, order = new[] { 2, 3, 1 }, mode = "udh" });
        var stored = await WaitForStoredAsync(tag);
        stored.Text.ShouldBe(text);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        (await db.InboxMessages.CountAsync(m => m.Channel == InboxChannel.Sms && m.Text.Contains(tag))).ShouldBe(1);
    }
}
