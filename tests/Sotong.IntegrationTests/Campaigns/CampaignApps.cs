using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Campaigns;

/// <summary>
/// The app on a clock the tests move (quiet hours, schedules and reply windows are about time), with the short
/// number configured and approval required. The clock starts at the next 10:00 in Seoul and only moves forward.
/// </summary>
public interface ICampaignApp
{
    FakeTimeProvider Clock { get; }

    SotongApp App { get; }
}

internal static class CampaignAppSetup
{
    public const string ShortNumber = "0120";

    public static FakeTimeProvider NewClock()
    {
        var seoul = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), SeoulTime.Zone);
        var tenTomorrow = new DateTimeOffset(seoul.Date.AddDays(1).AddHours(10), SeoulTime.Zone.BaseUtcOffset);
        return new FakeTimeProvider(tenTomorrow.ToUniversalTime());
    }

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Channels:Sms:ShortNumber"] = ShortNumber,
        ["Campaigns:RequireApproval"] = "true",
        ["Campaigns:PollInterval"] = "00:00:01",
    };

    public static void Configure(IWebHostBuilder builder, FakeTimeProvider clock) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
}

public sealed class CampaignSqliteApp : SqliteApp, ICampaignApp
{
    public FakeTimeProvider Clock { get; } = CampaignAppSetup.NewClock();

    public SotongApp App => this;

    protected override IReadOnlyDictionary<string, string?> Settings => CampaignAppSetup.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CampaignAppSetup.Configure(builder, Clock);
    }
}

public sealed class CampaignPostgresApp : PostgresApp, ICampaignApp
{
    public FakeTimeProvider Clock { get; } = CampaignAppSetup.NewClock();

    public SotongApp App => this;

    protected override IReadOnlyDictionary<string, string?> Settings => CampaignAppSetup.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CampaignAppSetup.Configure(builder, Clock);
    }
}

/// <summary>Test data written straight to the database (until the Subscribers module's own seeding is all a test needs).</summary>
internal sealed class CampaignData(SotongApp app)
{
    public const string InterestA = "zz-test-a";
    public const string InterestB = "zz-test-b";
    private const int BitA = 29;
    private const int BitB = 30;
    private static int _phones = Random.Shared.Next(0, 5_000_000);

    public static int MaskA => 1 << BitA;

    public static int MaskB => 1 << BitB;

    public async Task<SotongDbContext> DbAsync() => await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();

    /// <summary>The sender number and two test interests (bits the district's nine never use); safe to call again.</summary>
    public async Task EnsureReferenceAsync()
    {
        await using var db = await DbAsync();
        if (!await db.Set<SenderNumber>().AnyAsync(s => s.Number == CampaignAppSetup.ShortNumber))
        {
            db.Add(new SenderNumber { Number = CampaignAppSetup.ShortNumber, Label = "test short number" });
        }
        foreach (var (code, bit) in new[] { (InterestA, BitA), (InterestB, BitB) })
        {
            if (!await db.Set<SubscriberInterest>().AnyAsync(i => i.Code == code))
            {
                db.Add(new SubscriberInterest { Code = code, Bit = bit, NameKo = "시험 " + code[^1], NameEn = "Test " + code[^1], SortOrder = 99 });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A dong of the test's own, so its segment holds only the subscribers it made.</summary>
    public async Task<string> NewDongAsync()
    {
        var code = "ZZ" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var db = await DbAsync();
        db.Add(new SubscriberDong { Code = code, NameKo = "시험동 " + code, NameEn = "Test-dong " + code, SortOrder = 99 });
        await db.SaveChangesAsync();
        return code;
    }

    public static string NewPhone() => $"0109{Interlocked.Increment(ref _phones) % 10_000_000:0000000}";

    public async Task<Subscriber> SubscriberAsync(string dong, int interests, int birthYear, SubscriberGender gender = SubscriberGender.Female,
        SubscriberStatus status = SubscriberStatus.Active, string? phone = null)
    {
        phone ??= NewPhone();
        var protector = app.Service<PersonalDataProtector>();
        var now = app.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        var normalized = SubscriberRules.NormalizePhone(phone);
        var s = new Subscriber
        {
            ProtectedPhone = protector.Protect(normalized),
            PhoneHash = await protector.LookupHashAsync(normalized, default),
            PhoneLast4 = normalized[^4..],
            DongCode = dong,
            Gender = gender,
            BirthYear = birthYear,
            Interests = interests,
            Status = status,
            Source = SubscriberSource.PaperForm,
            ConsentNoticeVersion = 1,
            ConsentedAtUtc = now,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddYears(2),
            WithdrawnAtUtc = status == SubscriberStatus.Withdrawn ? now : null,
            WithdrawnVia = status == SubscriberStatus.Withdrawn ? "web" : null,
        };
        await using var db = await DbAsync();
        db.Add(s);
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>What the delivery engine does when the SMSC accepts a message (there is no SMSC in these tests).</summary>
    public async Task MarkSubmittedAsync(Guid batchId, params Guid[] subscriberIds)
    {
        var now = app.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await DbAsync();
        var rows = db.Set<OutboxMessage>().Where(m => m.BatchId == batchId);
        if (subscriberIds.Length > 0)
        {
            rows = rows.Where(m => m.SubscriberId != null && subscriberIds.Contains(m.SubscriberId.Value));
        }
        var count = await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Submitted).SetProperty(m => m.SubmittedAtUtc, now));
        await db.Set<OutboxBatch>().Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Submitted, b => b.Submitted + count)
            .SetProperty(b => b.FirstSubmittedAtUtc, now).SetProperty(b => b.LastSubmittedAtUtc, now));
    }

    /// <summary>
    /// A text from a phone, through the registered inbound steps and the inbox exactly as the SMS adapter passes it
    /// (a step may handle it, or attach a companion row written with the message).
    /// </summary>
    public async Task<IntakeResult?> ReceiveSmsAsync(string from, string text, string? providerId = null)
    {
        var at = app.Service<TimeProvider>().GetUtcNow().UtcDateTime;
        var sms = new InboundSms(from, CampaignAppSetup.ShortNumber, text, at);
        Func<Guid, object>? companion = null;
        foreach (var step in app.Services.GetServices<IInboundSmsStep>().OrderBy(s => s.Order))
        {
            var outcome = await step.InspectAsync(sms, default);
            if (outcome is InboundSmsOutcome.HandledOutcome)
            {
                return null;
            }
            if (outcome is InboundSmsOutcome.AttachOutcome attach)
            {
                companion = attach.Companion;
                break;
            }
        }
        var stored = await app.Service<InboxIntake>().AcceptAsync([new InboundMessage(InboxChannel.Sms, providerId ?? "test-" + Guid.NewGuid().ToString("N"),
            new IdentityValue(IdentityKind.Phone, from), text, at, MessageKind.Text) { Companion = companion }], default);
        return stored[0];
    }
}
