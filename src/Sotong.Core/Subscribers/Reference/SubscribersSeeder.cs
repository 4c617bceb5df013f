using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Subscribers.Consent;
using Sotong.Core.Subscribers.Households;

namespace Sotong.Core.Subscribers.Reference;

/// <summary>
/// Reference data every installation needs, added only where missing (administrators' edits stay): Jung-gu's dongs, the
/// 9 interest areas and the first consent notice. In demo mode an empty registry also gets demo subscribers so the
/// campaign screens have an audience.
/// </summary>
internal sealed class SubscribersSeeder(
    IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector, SubscribersSettings settings, TimeProvider time) : IDataSeeder
{
    /// <summary>Demo numbers are 010-0000-0001 and up: a block no carrier hands out.</summary>
    public const string DemoPhonePrefix = "0100000";

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dongs = await db.Set<SubscriberDong>().Select(d => d.Code).ToListAsync(ct);
        for (var i = 0; i < JungGu.Dongs.Count; i++)
        {
            var (code, ko, en) = JungGu.Dongs[i];
            if (!dongs.Contains(code))
            {
                db.Add(new SubscriberDong { Code = code, NameKo = ko, NameEn = en, SortOrder = i });
            }
        }
        var interests = await db.Set<SubscriberInterest>().Select(x => new { x.Code, x.Bit }).ToListAsync(ct);
        for (var bit = 0; bit < JungGu.Interests.Count; bit++)
        {
            var (code, ko, en) = JungGu.Interests[bit];
            if (!interests.Any(x => x.Code == code || x.Bit == bit))
            {
                db.Add(new SubscriberInterest { Code = code, Bit = bit, NameKo = ko, NameEn = en, SortOrder = bit });
            }
        }
        if (!await db.Set<ConsentNotice>().AnyAsync(ct))
        {
            db.Add(ConsentNotice.Initial(now));
        }
        await db.SaveChangesAsync(ct);

        if (settings.DemoMode && settings.DemoSubscribers > 0 && !await db.Set<Subscriber>().AnyAsync(ct))
        {
            await SeedDemoSubscribersAsync(db, now, ct);
        }
    }

    /// <summary>Deterministic: the same people every time (seeded random), spread over genders, ages, dongs and interests.</summary>
    private async Task SeedDemoSubscribersAsync(SotongDbContext db, DateTime now, CancellationToken ct)
    {
        var notice = await db.Set<ConsentNotice>().OrderByDescending(n => n.Version).FirstAsync(ct);
        var year = SubscriberRules.CurrentYear(time);
        var random = new Random(20_260_601);
        var households = new List<SubscriberHousehold>();
        for (var i = 1; i <= settings.DemoSubscribers; i++)
        {
            var phone = DemoPhonePrefix + i.ToString("D4", CultureInfo.InvariantCulture);
            var (dongCode, _, _) = JungGu.Dongs[random.Next(JungGu.Dongs.Count)];
            var gender = random.Next(20) switch
            {
                < 9 => SubscriberGender.Female,
                < 18 => SubscriberGender.Male,
                _ => SubscriberGender.Unspecified,
            };
            // Ages 14 to 89, weighted towards the middle as the service's subscribers are.
            var age = Subscriber.MinimumAge + (random.Next(76) + random.Next(76)) / 2;
            var interests = 0;
            for (var n = 1 + random.Next(4); n > 0; n--)
            {
                interests |= 1 << random.Next(JungGu.Interests.Count);
            }
            var consented = now.AddDays(-random.Next(1, 600)).AddMinutes(-random.Next(1440));
            var subscriber = new Subscriber
            {
                ProtectedPhone = protector.Protect(phone),
                PhoneHash = await protector.LookupHashAsync(phone, ct),
                PhoneLast4 = SubscriberRules.Last4(phone),
                Gender = gender,
                BirthYear = year - age,
                DongCode = dongCode,
                Interests = interests,
                Source = random.Next(10) < 6 ? SubscriberSource.Web : SubscriberSource.PaperForm,
                CreatedAtUtc = consented,
            };
            subscriber.Consent(notice.Version, notice.RetentionMonths, consented);
            subscriber.ConfirmedAtUtc = subscriber.Source == SubscriberSource.Web ? consented : null;
            // Every tenth subscriber shares a household with the one before (same dong).
            if (i % 10 == 0 && db.ChangeTracker.Entries<Subscriber>().LastOrDefault()?.Entity is { } previous)
            {
                var household = new SubscriberHousehold
                {
                    DongCode = previous.DongCode,
                    Label = $"데모 가구 {i / 10}",
                    NormalizedLabel = HouseholdLabels.Normalize($"데모 가구 {i / 10}"),
                    CreatedAtUtc = now,
                };
                households.Add(household);
                previous.HouseholdId = household.Id;
                subscriber.DongCode = previous.DongCode;
                subscriber.HouseholdId = household.Id;
            }
            db.Add(subscriber);
        }
        db.AddRange(households);
        db.Audit(now, "system", "Sotong", nameof(Subscriber), "demo", "DemoSeeded", detail: $"{settings.DemoSubscribers} demo subscribers");
        await db.SaveChangesAsync(ct);
    }
}
