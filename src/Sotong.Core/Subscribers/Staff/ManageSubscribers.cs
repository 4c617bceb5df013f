using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Subscribers.Enrol;
using Sotong.Core.Subscribers.Households;
using Sotong.Core.Subscribers.Reference;

namespace Sotong.Core.Subscribers.Staff;

public sealed record SubscriberQuery(SubscriberStatus? Status = null, string? DongCode = null, string? Interest = null, int? Page = null, int? PageSize = null);

/// <summary>A row of the staff list: the number only as its last four digits.</summary>
public sealed record SubscriberListItem(
    Guid Id, string MaskedPhone, SubscriberStatus Status, SubscriberGender Gender, int BirthYear, string DongCode, int Interests,
    SubscriberSource Source, Guid? HouseholdId, DateTime ConsentedAtUtc, DateTime ExpiresAtUtc, DateTime? WithdrawnAtUtc);

public sealed record SubscriberEvent(DateTime AtUtc, string Action, string? From, string? To, string ActorName, string? Detail);

public sealed record SubscriberDetail(
    SubscriberListItem Summary, int ConsentNoticeVersion, DateTime CreatedAtUtc, DateTime? ConfirmedAtUtc, string? WithdrawnVia, bool GuardianConsent,
    string? HouseholdLabel, int HouseholdMembers, IReadOnlyList<SubscriberEvent> History);

public sealed record StatusCounts(int Active, int Pending, int Withdrawn, int Households);

/// <summary>A paper form typed in by staff: the consent date is the one written on the form.</summary>
public sealed record PaperFormRequest(
    string? Phone,
    SubscriberGender Gender,
    int? BirthYear,
    string? DongCode,
    IReadOnlyList<string>? Interests,
    DateOnly? ConsentDate,
    string? HouseholdLabel,
    bool GuardianConsent = false);

public sealed record EnrolledSubscriber(Guid Id, Guid? HouseholdId, bool Reactivated);

public sealed record StaffWithdrawRequest(string? Reason);

/// <summary>Staff's view of the registry: the list, one subscriber with their history, paper forms, withdrawal on request.</summary>
public sealed class ManageSubscribersHandler(
    IDbContextFactory<SotongDbContext> dbFactory,
    PersonalDataProtector protector,
    TimeProvider time,
    IStringLocalizer<Text> text)
{
    public const int MaxReasonLength = 300;

    public async Task<Page<SubscriberListItem>> ListAsync(SubscriberQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (number, size) = Page<SubscriberListItem>.Normalize(query.Page, query.PageSize, defaultSize: 30, maxSize: 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<Subscriber>().AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(s => s.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.DongCode))
        {
            var dong = query.DongCode.Trim();
            rows = rows.Where(s => s.DongCode == dong);
        }
        if (!string.IsNullOrWhiteSpace(query.Interest))
        {
            var lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
            var mask = lookup.Interest(query.Interest)?.Mask ?? 0;
            if (mask == 0)
            {
                return new Page<SubscriberListItem>([], number, size, 0);
            }
            rows = rows.Where(s => (s.Interests & mask) != 0);
        }
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(s => s.CreatedAtUtc).ThenBy(s => s.Id).Skip((number - 1) * size).Take(size)
            .Select(s => new { s.Id, s.PhoneLast4, s.Status, s.Gender, s.BirthYear, s.DongCode, s.Interests, s.Source, s.HouseholdId, s.ConsentedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc })
            .ToListAsync(ct);
        return new Page<SubscriberListItem>(items.Select(s => new SubscriberListItem(s.Id, SubscriberRules.MaskedPhone(s.PhoneLast4), s.Status, s.Gender, s.BirthYear,
            s.DongCode, s.Interests, s.Source, s.HouseholdId, s.ConsentedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc)).ToList(), number, size, total);
    }

    public async Task<StatusCounts> CountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Set<Subscriber>().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(SubscriberStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new StatusCounts(Of(SubscriberStatus.Active), Of(SubscriberStatus.Pending), Of(SubscriberStatus.Withdrawn), await db.Set<SubscriberHousehold>().CountAsync(ct));
    }

    public async Task<SubscriberDetail> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<Subscriber>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("The subscriber");
        var household = s.HouseholdId is { } hid ? await db.Set<SubscriberHousehold>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        var members = s.HouseholdId is { } h2 ? await db.Set<Subscriber>().CountAsync(x => x.HouseholdId == h2, ct) : 0;
        var key = id.ToString();
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Subscriber) && a.EntityId == key).OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new SubscriberEvent(a.AtUtc, a.Action, a.FromState, a.ToState, a.ActorName, a.Detail)).ToListAsync(ct);
        return new SubscriberDetail(Item(s), s.ConsentNoticeVersion, s.CreatedAtUtc, s.ConfirmedAtUtc, s.WithdrawnVia, s.GuardianConsent, household?.Label, members, history);
    }

    /// <summary>
    /// A paper form: Active at once (the resident signed it), consent dated as written. A number already subscribed is
    /// refused; a withdrawn one comes back only with a form signed after the withdrawal.
    /// </summary>
    public async Task<EnrolledSubscriber> EnrolAsync(PaperFormRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lookup = await SubscriberReferenceHandler.LookupAsync(db, ct);
        var notice = await SubscriberReferenceHandler.CurrentNoticeAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SeoulTime.ToSeoul(now));
        var validation = new ValidationBuilder();
        var input = new EnrolmentInput(request.Phone, request.Gender, request.BirthYear, request.DongCode, request.Interests ?? [], request.ConsentDate, request.HouseholdLabel, request.GuardianConsent);
        var form = EnrolmentRules.Check(input, lookup, today.Year, today, notice.RetentionMonths, text, (field, message) => validation.Add(field, message));
        validation.ThrowIfAny();

        var hash = await protector.LookupHashAsync(form!.NormalizedPhone, ct);
        var consentedAtUtc = SeoulTime.StartOfDayUtc(form.ConsentDate);
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.PhoneHash == hash, ct);
        var from = subscriber?.Status;
        if (subscriber is { Status: SubscriberStatus.Active or SubscriberStatus.Pending })
        {
            throw new RuleViolationException("AlreadySubscribed", text["Subscribers.AlreadySubscribed"]);
        }
        if (subscriber is { WithdrawnAtUtc: { } withdrawnAt } && consentedAtUtc.AddDays(1) <= withdrawnAt)
        {
            throw new RuleViolationException("WithdrawnAfterForm", text["Subscribers.WithdrawnAfterForm"]);
        }
        var reactivated = subscriber is not null;
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                ProtectedPhone = protector.Protect(form.NormalizedPhone),
                PhoneHash = hash,
                PhoneLast4 = SubscriberRules.Last4(form.NormalizedPhone),
                DongCode = form.DongCode,
                CreatedAtUtc = now,
            };
            db.Add(subscriber);
        }
        subscriber.Source = SubscriberSource.PaperForm;
        subscriber.Gender = form.Gender;
        subscriber.BirthYear = form.BirthYear;
        subscriber.DongCode = form.DongCode;
        subscriber.Interests = form.Interests;
        subscriber.GuardianConsent = form.GuardianConsent;
        subscriber.HouseholdId = form.HouseholdLabel is { } label ? await HouseholdAsync(db, form.DongCode, label, now, ct) : null;
        subscriber.Consent(notice.Version, notice.RetentionMonths, consentedAtUtc);
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Subscriber), subscriber.Id.ToString(), reactivated ? "PaperFormRenewed" : "PaperFormEntered",
            from?.ToString() ?? nameof(SubscriberStatus.Pending), nameof(SubscriberStatus.Active),
            $"paper form dated {form.ConsentDate:yyyy-MM-dd}; notice v{notice.Version}; dong {form.DongCode}{(form.GuardianConsent ? "; guardian consent" : "")}");
        await db.SaveChangesAsync(ct);
        return new EnrolledSubscriber(subscriber.Id, subscriber.HouseholdId, reactivated);
    }

    /// <summary>Withdrawal a resident asked for in person or by phone; the reason is kept in the audit trail.</summary>
    public async Task WithdrawAsync(Guid id, StaffWithdrawRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var reason = request.Reason?.Trim() ?? "";
        new ValidationBuilder()
            .When(reason.Length == 0, "reason", text["Subscribers.ReasonRequired"])
            .When(reason.Length > MaxReasonLength, "reason", text["Cases.ReasonTooLong", MaxReasonLength])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("The subscriber");
        var from = subscriber.Status;
        var now = time.GetUtcNow().UtcDateTime;
        if (!subscriber.Withdraw("staff", now))
        {
            throw new RuleViolationException("AlreadyWithdrawn", text["Subscribers.AlreadyWithdrawn"]);
        }
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Subscriber), subscriber.Id.ToString(), "Withdrawn", from.ToString(), nameof(SubscriberStatus.Withdrawn),
            $"staff: {PersonalDataMasker.Mask(reason)}");
        await db.SaveChangesAsync(ct);
    }

    internal static SubscriberListItem Item(Subscriber s) => new(s.Id, SubscriberRules.MaskedPhone(s.PhoneLast4), s.Status, s.Gender, s.BirthYear, s.DongCode,
        s.Interests, s.Source, s.HouseholdId, s.ConsentedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc);

    /// <summary>The household with this label in this dong, created when it is the first form naming it.</summary>
    internal static async Task<Guid> HouseholdAsync(SotongDbContext db, string dongCode, string label, DateTime now, CancellationToken ct)
    {
        var normalized = HouseholdLabels.Normalize(label);
        var existing = await db.Set<SubscriberHousehold>().Where(h => h.DongCode == dongCode && h.NormalizedLabel == normalized).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var household = new SubscriberHousehold { DongCode = dongCode, Label = label, NormalizedLabel = normalized, CreatedAtUtc = now };
        db.Add(household);
        return household.Id;
    }
}

internal static class ManageSubscribersEndpoints
{
    public static void Map(RouteGroupBuilder staffApi)
    {
        staffApi.MapGet("/", async ([AsParameters] SubscriberQuery query, ManageSubscribersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(query, ct)))
            .WithName("ListSubscribers").WithSummary("Subscribers, newest first, filtered by status, dong and interest (numbers masked)");
        staffApi.MapGet("/counts", async (ManageSubscribersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.CountsAsync(ct)))
            .WithName("SubscriberCounts").WithSummary("How many subscribers are active, pending and withdrawn, and how many households");
        staffApi.MapGet("/{id:guid}", async (Guid id, ManageSubscribersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetSubscriber").WithSummary("One subscriber with their consent and history").ProducesProblem(StatusCodes.Status404NotFound);
        staffApi.MapPost("/", async Task<Created<EnrolledSubscriber>> (PaperFormRequest request, ClaimsPrincipal user, ManageSubscribersHandler handler, CancellationToken ct) =>
            {
                var enrolled = await handler.EnrolAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/subscribers/{enrolled.Id}", enrolled);
            })
            .WithName("EnterPaperForm").WithSummary("Add a subscriber from a signed paper form (consent date as written on it)")
            .RequireAuthorization(SotongPolicies.CityWide).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staffApi.MapPost("/{id:guid}/withdraw", async (Guid id, StaffWithdrawRequest request, ClaimsPrincipal user, ManageSubscribersHandler handler, CancellationToken ct) =>
            {
                await handler.WithdrawAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawSubscriber").WithSummary("Withdraw a subscriber at their request, with the reason")
            .RequireAuthorization(SotongPolicies.CityWide).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }
}
