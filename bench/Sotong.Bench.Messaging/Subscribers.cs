using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sotong.Core.Common;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Security;
using Sotong.Core.Subscribers;

namespace Sotong.Bench.Messaging;

/// <summary>
/// Active subscribers as the sign-up would leave them (encrypted number, keyed hash, dong, interests, birth year),
/// written by binary COPY through the app's EF model. Deterministic for a seed; numbers are 010 + 8 digits, unique.
/// </summary>
internal static class Subscribers
{
    private const int Chunk = 50_000;

    public static async Task<int> GenerateAsync(string connectionString, int count, int seed)
    {
        using var host = Bench.Services(connectionString);
        var protector = host.Services.GetRequiredService<PersonalDataProtector>();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<SotongDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var dongs = await db.Set<SubscriberDong>().Select(d => d.Code).ToListAsync();
        var interests = await db.Set<SubscriberInterest>().Select(i => i.Bit).ToListAsync();
        if (dongs.Count == 0 || interests.Count == 0)
        {
            Console.Error.WriteLine("The subscribers module's reference data (dongs, interests) is missing.");
            return 2;
        }
        var existing = await db.Set<Subscriber>().CountAsync();
        var random = new Random(seed);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        var protect = TimeSpan.Zero;
        await db.Database.OpenConnectionAsync();
        for (var start = existing; start < existing + count; start += Chunk)
        {
            var rows = new List<Subscriber>(Chunk);
            var p = Stopwatch.StartNew();
            for (var i = start; i < Math.Min(existing + count, start + Chunk); i++)
            {
                var phone = "010" + (10_000_000 + i).ToString("D8", CultureInfo.InvariantCulture)[^8..];
                var mask = 0;
                for (var k = 0; k < 1 + random.Next(3); k++)
                {
                    mask |= 1 << interests[random.Next(interests.Count)];
                }
                rows.Add(new Subscriber
                {
                    ProtectedPhone = protector.Protect(phone),
                    PhoneHash = await protector.LookupHashAsync(phone, CancellationToken.None),
                    PhoneLast4 = phone[^4..],
                    Gender = random.Next(2) == 0 ? SubscriberGender.Female : SubscriberGender.Male,
                    BirthYear = 1940 + random.Next(72),
                    DongCode = dongs[random.Next(dongs.Count)],
                    Interests = mask,
                    Status = SubscriberStatus.Active,
                    Source = SubscriberSource.Web,
                    ConsentNoticeVersion = 1,
                    ConsentedAtUtc = now,
                    CreatedAtUtc = now,
                    ConfirmedAtUtc = now,
                    ExpiresAtUtc = now.AddYears(2),
                });
            }
            protect += p.Elapsed;
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkCopy.CopyAsync(db, rows, CancellationToken.None);
            await tx.CommitAsync();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE subscribers_subscriber");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"subscribers: {count:N0} written in {clock.Elapsed.TotalSeconds:F1} s (encrypting and hashing the numbers: {protect.TotalSeconds:F1} s)"));
        return 0;
    }
}
