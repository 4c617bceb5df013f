using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Data;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Messaging.Senders;

public sealed record RegisterSenderRequest(string? Number, string? Label);

public sealed record SenderNumberView(string Number, string Label, bool IsActive, DateTime RegisteredAtUtc);

/// <summary>
/// The registry of sender numbers (발신번호 사전등록): administrators record each number the carriers have registered
/// for the city; the outbox refuses, and the dispatcher fails, anything sent from a number not here and active.
/// </summary>
public static partial class SenderNumberEndpoints
{
    [GeneratedRegex(@"^\d{3,16}$")]
    private static partial Regex Digits();

    public static void Map(RouteGroupBuilder adminApi)
    {
        adminApi.MapGet("/messaging/sender-numbers", async (IDbContextFactory<SotongDbContext> dbFactory, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return TypedResults.Ok(await db.Set<SenderNumber>().AsNoTracking().OrderBy(s => s.Number)
                    .Select(s => new SenderNumberView(s.Number, s.Label, s.IsActive, s.RegisteredAtUtc)).ToListAsync(ct));
            })
            .WithName("ListSenderNumbers")
            .WithSummary("Registered sender numbers");

        adminApi.MapPost("/messaging/sender-numbers", async Task<Results<Created<SenderNumberView>, Ok<SenderNumberView>>> (RegisterSenderRequest request,
                IDbContextFactory<SotongDbContext> dbFactory, TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var number = new string((request.Number ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
                new ValidationBuilder()
                    .When(!Digits().IsMatch(number), "number", "A sender number is 3 to 16 digits (hyphens allowed).")
                    .When(string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 100, "label", "Say what the number is (1–100 characters).")
                    .ThrowIfAny();
                var staff = StaffContext.From(user);
                var now = time.GetUtcNow().UtcDateTime;
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var existing = await db.Set<SenderNumber>().FirstOrDefaultAsync(s => s.Number == number, ct);
                if (existing is not null)
                {
                    var from = existing.IsActive ? "Active" : "Inactive";
                    existing.IsActive = true;
                    existing.Label = request.Label!.Trim();
                    db.Audit(now, staff.UserId, staff.DisplayName, nameof(SenderNumber), number, "Registered", from, "Active");
                    await db.SaveChangesAsync(ct);
                    return TypedResults.Ok(View(existing));
                }
                var sender = new SenderNumber { Number = number, Label = request.Label!.Trim(), RegisteredAtUtc = now };
                db.Add(sender);
                db.Audit(now, staff.UserId, staff.DisplayName, nameof(SenderNumber), number, "Registered", null, "Active");
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/messaging/sender-numbers/{number}", View(sender));
            })
            .WithName("RegisterSenderNumber")
            .WithSummary("Register (or re-activate) a sender number")
            .ProducesValidationProblem();

        adminApi.MapDelete("/messaging/sender-numbers/{number}", async Task<NoContent> (string number, IDbContextFactory<SotongDbContext> dbFactory,
                TimeProvider time, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var sender = await db.Set<SenderNumber>().FirstOrDefaultAsync(s => s.Number == number, ct) ?? throw new NotFoundException("The sender number");
                if (sender.IsActive)
                {
                    // Kept, inactive: the history of what went out from it still names it.
                    sender.IsActive = false;
                    var staff = StaffContext.From(user);
                    db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(SenderNumber), number, "Deactivated", "Active", "Inactive");
                    await db.SaveChangesAsync(ct);
                }
                return TypedResults.NoContent();
            })
            .WithName("DeactivateSenderNumber")
            .WithSummary("Stop sending from a number (queued messages from it fail)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static SenderNumberView View(SenderNumber s) => new(s.Number, s.Label, s.IsActive, s.RegisteredAtUtc);
}

/// <summary>The configured short number (<c>Channels:Sms:ShortNumber</c>) is registered by whoever configured it.</summary>
internal sealed class SenderNumberSeeder(IDbContextFactory<SotongDbContext> dbFactory, IConfiguration configuration, TimeProvider time) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var number = configuration["Channels:Sms:ShortNumber"];
        if (string.IsNullOrWhiteSpace(number))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<SenderNumber>().AnyAsync(s => s.Number == number, ct))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new SenderNumber { Number = number, Label = "Short number (Channels:Sms:ShortNumber)", RegisteredAtUtc = now });
        db.Audit(now, "system", "Sotong", nameof(SenderNumber), number, "Registered", null, "Active", detail: "from configuration");
        await db.SaveChangesAsync(ct);
    }
}
