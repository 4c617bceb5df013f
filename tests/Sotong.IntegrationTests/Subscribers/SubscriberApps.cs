using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;
using Sotong.Core.Subscribers;
using Sotong.IntegrationTests.Infrastructure;

namespace Sotong.IntegrationTests.Subscribers;

/// <summary>The app with a short number configured, so codes and confirmations can be queued in the outbox.</summary>
public class SubscribersSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => SubscriberApp.Settings;
}

public class SubscribersPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => SubscriberApp.Settings;
}

public sealed record CodeSentDto(Guid ChallengeId, DateTime ExpiresAtUtc, int CodeLength);
public sealed record SignUpResultDto(bool Renewed, int NoticeVersion, DateTime ConsentedAtUtc, DateTime ExpiresAtUtc);
public sealed record WithdrawResultDto(bool Withdrawn);
public sealed record NoticeDto(int Version, string Purpose, string Items, string Retention, string Refusal, int RetentionMonths);
public sealed record OptionDto(string Code, string NameKo, string NameEn);
public sealed record OptionsDto(List<OptionDto> Dongs, List<OptionDto> Interests, NoticeDto Notice, int MinimumAge, int MinimumBirthYear);
public sealed record SubscriberItemDto(Guid Id, string MaskedPhone, string Status, string Gender, int BirthYear, string DongCode, int Interests, string Source, Guid? HouseholdId);
public sealed record SubscriberEventDto(DateTime AtUtc, string Action, string? From, string? To, string ActorName, string? Detail);
public sealed record SubscriberDetailDto(SubscriberItemDto Summary, int ConsentNoticeVersion, string? WithdrawnVia, bool GuardianConsent, string? HouseholdLabel, int HouseholdMembers, List<SubscriberEventDto> History);
public sealed record EnrolledDto(Guid Id, Guid? HouseholdId, bool Reactivated);
public sealed record ImportErrorDto(int Row, string Field, string Message);
public sealed record ImportReportDto(Guid ImportId, bool DryRun, int Rows, int Valid, int Imported, int Duplicates, int Households, List<ImportErrorDto> Errors, int ErrorsNotShown);

public static partial class SubscriberApp
{
    public const string ShortNumber = "0120";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Channels:Sms:ShortNumber"] = ShortNumber };

    private static int _counter = Random.Shared.Next(1_000_000);

    /// <summary>A fresh mobile number for one test (never one of the demo block 010-0000-xxxx).</summary>
    public static string NewPhone()
    {
        var n = Interlocked.Increment(ref _counter) % 10_000_000;
        return $"010-9{n / 10_000:D3}-{n % 10_000:D4}";
    }

    /// <summary>The short number must be a registered sender, or the outbox refuses it (the lead's seeder will register it too).</summary>
    public static async Task EnsureSenderAsync(this SotongApp app)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        if (!await db.Set<SenderNumber>().AnyAsync(s => s.Number == ShortNumber))
        {
            db.Add(new SenderNumber { Number = ShortNumber, Label = "test short number", RegisteredAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Registered meanwhile.
            }
        }
    }

    [GeneratedRegex(@"(?<!\d)(\d{6})(?!\d)")]
    private static partial Regex SixDigits();

    /// <summary>Reads the code the way the phone would: from the queued SMS for this challenge, checking it goes to that phone.</summary>
    public static async Task<string> CodeFromOutboxAsync(this SotongApp app, Guid challengeId, string phone)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        var batch = await db.Set<OutboxBatch>().SingleAsync(b => b.SourceId == challengeId && b.Kind == OutboxKind.Verification);
        batch.Sender.ShouldBe(ShortNumber);
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.BatchId == batch.Id);
        app.Service<PersonalDataProtector>().Unprotect(message.ProtectedRecipient).ShouldBe(SubscriberRules.NormalizePhone(phone));
        message.Priority.ShouldBe(OutboxPriority.Interactive);
        return SixDigits().Match(batch.Text).Groups[1].Value;
    }

    public static async Task<CodeSentDto> RequestCodeAsync(this SotongApp app, HttpClient client, string phone, bool withdraw = false)
    {
        await app.EnsureSenderAsync();
        var response = await client.PostAsJsonAsync(withdraw ? "/api/v1/subscriptions/withdraw/codes" : "/api/v1/subscriptions/codes", new { phone });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<CodeSentDto>())!;
    }

    public static object Details(Guid challengeId, string code, int noticeVersion, int birthYear = 1980, string dong = "myeong", string[]? interests = null, string gender = "Female", bool consent = true) =>
        new { challengeId, code, gender, birthYear, dongCode = dong, interests = interests ?? ["welfare", "transport"], consent, noticeVersion };

    /// <summary>Signs a number up end to end over the public API; returns the stored subscriber's id.</summary>
    public static async Task<Guid> SignUpAsync(this SotongApp app, string phone, string dong = "myeong", string[]? interests = null)
    {
        var client = app.NewClient();
        var options = (await client.GetFromJsonAsync<OptionsDto>("/api/v1/subscriptions/options"))!;
        var sent = await app.RequestCodeAsync(client, phone);
        var code = await app.CodeFromOutboxAsync(sent.ChallengeId, phone);
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", Details(sent.ChallengeId, code, options.Notice.Version, dong: dong, interests: interests));
        response.EnsureSuccessStatusCode();
        return await app.SubscriberIdAsync(phone);
    }

    public static async Task<Guid> SubscriberIdAsync(this SotongApp app, string phone)
    {
        var hash = await app.Service<PersonalDataProtector>().LookupHashAsync(SubscriberRules.NormalizePhone(phone), CancellationToken.None);
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<Subscriber>().Where(s => s.PhoneHash == hash).Select(s => s.Id).SingleAsync();
    }

    public static async Task<Subscriber?> SubscriberAsync(this SotongApp app, Guid id)
    {
        await using var db = await app.Service<IDbContextFactory<SotongDbContext>>().CreateDbContextAsync();
        return await db.Set<Subscriber>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
    }
}
