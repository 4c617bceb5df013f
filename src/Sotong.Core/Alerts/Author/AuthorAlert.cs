using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Alerts.Cap;
using Sotong.Core.Alerts.Templates;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Subscribers;

namespace Sotong.Core.Alerts.Author;

/// <summary>
/// An alert as its author writes it. Texts are final (a template's placeholders filled, see
/// <c>GET /api/v1/alerts/templates</c>); <paramref name="DongCodes"/> empty means the whole district. On an update or
/// cancellation the audience is the original's and cannot be changed.
/// </summary>
public sealed record AlertDraftRequest(
    string HazardKey,
    CapStatus Status,
    string SmsText,
    string HeadlineKo,
    string HeadlineEn,
    string DescriptionKo,
    string DescriptionEn,
    string InstructionKo,
    string InstructionEn,
    string AreaDescKo,
    string AreaDescEn,
    DateTime ExpiresAtUtc,
    IReadOnlyList<string>? DongCodes = null,
    bool AudienceAll = false,
    string? Polygon = null,
    DateTime? OnsetAtUtc = null,
    CapUrgency? Urgency = null,
    CapSeverity? Severity = null,
    CapCertainty? Certainty = null,
    CapResponseType? ResponseType = null,
    int? Version = null);

/// <summary>Makes a follow-up of an issued alert: <c>Update</c> or <c>Cancel</c>.</summary>
public sealed record AlertFollowUpRequest(CapMsgType MsgType);

/// <summary>The alert as staff see it.</summary>
public sealed record AlertView(
    Guid Id, string Identifier, string State, string Status, string MsgType, Guid? ReferencesId, string HazardKey, string Category,
    string EventKo, string EventEn, string Urgency, string Severity, string Certainty, string ResponseType,
    DateTime? OnsetAtUtc, DateTime ExpiresAtUtc, string SmsText, int SmsCharacters, int SmsBytes,
    string HeadlineKo, string HeadlineEn, string DescriptionKo, string DescriptionEn, string InstructionKo, string InstructionEn,
    string AreaDescKo, string AreaDescEn, IReadOnlyList<string> DongCodes, bool AudienceAll, string? Polygon,
    string AuthorId, string AuthorName, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, string? ApproverName, DateTime? IssuedAtUtc,
    string? RejectReason, Guid? SupersededById, int? SmsAudience, bool FanOutDone, int Version)
{
    public static AlertView Of(Alert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var sms = AlertSmsLimit.Check(AlertTexts.Sms(a));
        return new(a.Id, a.Identifier, a.State.ToString(), a.Status.ToString(), a.MsgType.ToString(), a.ReferencesId, a.HazardKey, a.Category.ToString(),
            a.EventKo, a.EventEn, a.Urgency.ToString(), a.Severity.ToString(), a.Certainty.ToString(), a.ResponseType.ToString(),
            a.OnsetAtUtc, a.ExpiresAtUtc, a.SmsText, sms.Characters, sms.Cp949Bytes,
            a.HeadlineKo, a.HeadlineEn, a.DescriptionKo, a.DescriptionEn, a.InstructionKo, a.InstructionEn,
            a.AreaDescKo, a.AreaDescEn, a.Dongs, a.AudienceAll, a.Polygon,
            a.AuthorId, a.AuthorName, a.CreatedAtUtc, a.SubmittedAtUtc, a.ApproverName, a.IssuedAtUtc,
            a.RejectReason, a.SupersededById, a.SmsAudience, a.FanOutDone, a.Version);
    }
}

/// <summary>A row of the staff list.</summary>
public sealed record AlertListItem(Guid Id, string Identifier, string State, string Status, string MsgType, string HazardKey, string HeadlineKo,
    string AuthorName, DateTime CreatedAtUtc, DateTime? IssuedAtUtc, DateTime ExpiresAtUtc, bool Superseded);

/// <summary>Writes, edits and submits alerts, and starts their updates and cancellations.</summary>
public sealed class AuthorAlertHandler(IDbContextFactory<SotongDbContext> dbFactory, AlertSettings settings, TimeProvider time)
{
    public async Task<AlertView> CreateAsync(AlertDraftRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var template = await ValidateAsync(db, request, now, ct);
        var id = Guid.CreateVersion7();
        var alert = new Alert
        {
            Id = id,
            Identifier = NewIdentifier(id, now),
            HazardKey = template.Key,
            EventKo = template.EventKo,
            EventEn = template.EventEn,
            SmsText = "",
            HeadlineKo = "", HeadlineEn = "", DescriptionKo = "", DescriptionEn = "", InstructionKo = "", InstructionEn = "",
            AreaDescKo = "", AreaDescEn = "",
            AuthorId = staff.UserId,
            AuthorName = staff.DisplayName,
            CreatedAtUtc = now,
        };
        Apply(alert, request, template, audience: true);
        db.Set<Alert>().Add(alert);
        Audit(db, now, staff, alert, "Drafted", null);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    public async Task<AlertView> EditAsync(Guid id, AlertDraftRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await LoadAsync(db, id, ct);
        alert.CheckVersion(request.Version ?? -1);
        alert.RequireDraft();
        if (!string.Equals(alert.AuthorId, staff.UserId, StringComparison.Ordinal))
        {
            // Otherwise an approver could rewrite someone else's alert and then approve their own words.
            throw new RuleViolationException("OnlyAuthorEdits", "Only the alert's author changes it; an approver rejects it with a reason instead.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var template = await ValidateAsync(db, request, now, ct);
        var followUp = alert.ReferencesId is not null;
        if (followUp && (request.AudienceAll != alert.AudienceAll || !Normalize(request.DongCodes).SequenceEqual(alert.Dongs)))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["dongCodes"] = ["An update or cancellation reaches the original alert's audience; its area cannot change. Issue a new alert for another area."],
            });
        }
        if (followUp && (request.Status != alert.Status || request.HazardKey != alert.HazardKey))
        {
            // An exercise chain stays an exercise (and an actual one actual), and a snow alert is not cancelled as a fire.
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["status"] = ["An update or cancellation keeps the original alert's status and hazard."],
            });
        }
        Apply(alert, request, template, audience: !followUp);
        alert.Version++;
        Audit(db, now, staff, alert, "Edited", null);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    public async Task<AlertView> SubmitAsync(Guid id, int version, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await LoadAsync(db, id, ct);
        alert.CheckVersion(version);
        if (!string.Equals(alert.AuthorId, staff.UserId, StringComparison.Ordinal))
        {
            // An approver who could send someone else's unsent draft for approval could then approve it alone.
            throw new RuleViolationException("OnlyAuthorSubmits", "Only the alert's author sends it for approval.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (alert.ExpiresAtUtc <= now)
        {
            throw new RuleViolationException("AlertExpired", "The alert's expiry has passed; set a later expiry before submitting it.");
        }
        var from = alert.State;
        alert.Submit(now);
        Audit(db, now, staff, alert, "Submitted", from);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    /// <summary>A draft update or cancellation of an issued alert, with its texts and audience; issued through the same approval.</summary>
    public async Task<AlertView> FollowUpAsync(Guid id, AlertFollowUpRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (request.MsgType is not (CapMsgType.Update or CapMsgType.Cancel))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["msgType"] = ["A follow-up is an Update or a Cancel."] });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var original = await LoadAsync(db, id, ct);
        if (original.State != AlertState.Issued || original.MsgType == CapMsgType.Cancel)
        {
            throw new RuleViolationException("FollowsIssuedAlert", "Only an issued alert or update can be updated or cancelled.");
        }
        if (original.SupersededById is not null)
        {
            throw new RuleViolationException("FollowsLatest", "This alert has already been updated or cancelled: follow up the latest message of the chain.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var newId = Guid.CreateVersion7();
        var cancel = request.MsgType == CapMsgType.Cancel;
        var alert = new Alert
        {
            Id = newId,
            Identifier = NewIdentifier(newId, now),
            Status = original.Status,
            MsgType = request.MsgType,
            ReferencesId = original.Id,
            HazardKey = original.HazardKey,
            Category = original.Category,
            EventKo = original.EventKo,
            EventEn = original.EventEn,
            Urgency = cancel ? CapUrgency.Past : original.Urgency,
            Severity = cancel ? CapSeverity.Minor : original.Severity,
            Certainty = original.Certainty,
            ResponseType = cancel ? CapResponseType.AllClear : original.ResponseType,
            OnsetAtUtc = original.OnsetAtUtc,
            ExpiresAtUtc = cancel ? (original.ExpiresAtUtc > now.AddHours(1) ? original.ExpiresAtUtc : now.AddHours(1)) : original.ExpiresAtUtc,
            SmsText = cancel ? Shorten($"[{settings.SenderNameKo.Split(' ')[^1]}] 앞서 안내한 {original.EventKo} 관련 알림을 해제합니다.", settings.SmsMaxCharacters) : original.SmsText,
            HeadlineKo = cancel ? $"[해제] {original.HeadlineKo}" : original.HeadlineKo,
            HeadlineEn = cancel ? $"[Cancelled] {original.HeadlineEn}" : original.HeadlineEn,
            DescriptionKo = cancel ? $"앞서 안내한 알림({original.Identifier})을 해제합니다." : original.DescriptionKo,
            DescriptionEn = cancel ? $"The earlier alert ({original.Identifier}) is cancelled." : original.DescriptionEn,
            InstructionKo = cancel ? "평소처럼 생활하셔도 됩니다." : original.InstructionKo,
            InstructionEn = cancel ? "You may go about your day as usual." : original.InstructionEn,
            AreaDescKo = original.AreaDescKo,
            AreaDescEn = original.AreaDescEn,
            DongCodes = original.DongCodes,
            AudienceAll = original.AudienceAll,
            Polygon = original.Polygon,
            AuthorId = staff.UserId,
            AuthorName = staff.DisplayName,
            CreatedAtUtc = now,
        };
        db.Set<Alert>().Add(alert);
        Audit(db, now, staff, alert, cancel ? "CancellationDrafted" : "UpdateDrafted", null);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    public async Task<AlertView> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return AlertView.Of(await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The alert"));
    }

    public async Task<Page<AlertListItem>> ListAsync(string? state, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Alert>().AsNoTracking();
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<AlertState>(state, ignoreCase: true, out var s))
            {
                throw new RequestValidationException(new Dictionary<string, string[]> { ["state"] = [$"Unknown state '{state}'."] });
            }
            query = query.Where(a => a.State == s);
        }
        var (number, size) = Page<AlertListItem>.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.CreatedAtUtc).Skip((number - 1) * size).Take(size)
            .Select(a => new AlertListItem(a.Id, a.Identifier, a.State.ToString(), a.Status.ToString(), a.MsgType.ToString(), a.HazardKey, a.HeadlineKo,
                a.AuthorName, a.CreatedAtUtc, a.IssuedAtUtc, a.ExpiresAtUtc, a.SupersededById != null))
            .ToListAsync(ct);
        return new Page<AlertListItem>(items, number, size, total);
    }

    internal static async Task<Alert> LoadAsync(SotongDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The alert");

    internal static void Audit(SotongDbContext db, DateTime now, StaffContext staff, Alert alert, string action, AlertState? from, string? detail = null) =>
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Alert), alert.Id.ToString(), action, from?.ToString(), alert.State.ToString(), detail);

    private string NewIdentifier(Guid id, DateTime now) =>
        $"{settings.IdentifierPrefix}.{SeoulTime.ToSeoul(now):yyyyMMdd}.{id.ToString("N")[^12..]}";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    private static List<string> Normalize(IReadOnlyList<string>? dongs) =>
        [.. (dongs ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static void Apply(Alert alert, AlertDraftRequest r, AlertTemplate template, bool audience)
    {
        alert.HazardKey = template.Key;
        alert.Status = r.Status;
        alert.Category = template.Category;
        alert.EventKo = template.EventKo;
        alert.EventEn = template.EventEn;
        alert.Urgency = r.Urgency ?? template.Urgency;
        alert.Severity = r.Severity ?? template.Severity;
        alert.Certainty = r.Certainty ?? template.Certainty;
        alert.ResponseType = r.ResponseType ?? template.ResponseTypes.FirstOrDefault(CapResponseType.Monitor);
        alert.OnsetAtUtc = r.OnsetAtUtc;
        alert.ExpiresAtUtc = r.ExpiresAtUtc;
        alert.SmsText = r.SmsText.Trim();
        alert.HeadlineKo = r.HeadlineKo.Trim();
        alert.HeadlineEn = r.HeadlineEn.Trim();
        alert.DescriptionKo = r.DescriptionKo.Trim();
        alert.DescriptionEn = r.DescriptionEn.Trim();
        alert.InstructionKo = r.InstructionKo.Trim();
        alert.InstructionEn = r.InstructionEn.Trim();
        alert.AreaDescKo = r.AreaDescKo.Trim();
        alert.AreaDescEn = r.AreaDescEn.Trim();
        alert.Polygon = string.IsNullOrWhiteSpace(r.Polygon) ? null : string.Join(' ', r.Polygon.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (audience)
        {
            alert.DongCodes = string.Join(',', Normalize(r.DongCodes));
            alert.AudienceAll = r.AudienceAll;
        }
    }

    /// <summary>Every field checked at once, so the author sees every problem in one answer.</summary>
    private async Task<AlertTemplate> ValidateAsync(SotongDbContext db, AlertDraftRequest r, DateTime now, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }
        var template = AlertTemplates.Find(r.HazardKey ?? "");
        if (template is null)
        {
            Add("hazardKey", $"Unknown hazard '{r.HazardKey}'. Choose one of: {string.Join(", ", AlertTemplates.All.Select(t => t.Key))}.");
        }
        if (!Enum.IsDefined(r.Status))
        {
            Add("status", "Status is Actual, Exercise, Test or Draft.");
        }
        var sms = AlertSmsLimit.Check(AlertTexts.Sms(r.Status, r.SmsText ?? ""), settings.SmsMaxCharacters);
        if (string.IsNullOrWhiteSpace(r.SmsText))
        {
            Add("smsText", "The SMS text is required.");
        }
        else
        {
            if (!sms.WithinLimit)
            {
                Add("smsText", $"The SMS text has {sms.Characters} characters (with the exercise or test marker, if any); the limit is {settings.SmsMaxCharacters} (code page 949: {sms.Cp949Bytes} bytes).");
            }
            if (sms.HasUnencodable)
            {
                Add("smsText", "The SMS text has characters code page 949 cannot carry (emoji and the like); phones would show '?'.");
            }
        }
        // Headlines: CAP wants them under 160 characters; 140 leaves room for a cancellation's "[Cancelled] " in front.
        foreach (var (field, value, max) in new[]
                 {
                     ("smsText", r.SmsText, 1000), ("headlineKo", r.HeadlineKo, 140), ("headlineEn", r.HeadlineEn, 140),
                     ("descriptionKo", r.DescriptionKo, 4000), ("descriptionEn", r.DescriptionEn, 4000),
                     ("instructionKo", r.InstructionKo, 4000), ("instructionEn", r.InstructionEn, 4000),
                     ("areaDescKo", r.AreaDescKo, 500), ("areaDescEn", r.AreaDescEn, 500),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "Required.");
            }
            else if (value.Length > max)
            {
                Add(field, $"At most {max} characters.");
            }
            else if (AlertTemplates.Fill(value, new Dictionary<string, string>()).Unfilled is { Count: > 0 } left)
            {
                Add(field, $"Fill in the placeholder(s): {string.Join(", ", left.Select(p => "{" + p + "}"))}.");
            }
        }
        if (r.ExpiresAtUtc <= now)
        {
            Add("expiresAtUtc", "The expiry must be in the future.");
        }
        else if (r.ExpiresAtUtc > now.AddDays(14))
        {
            Add("expiresAtUtc", "An alert lasts at most 14 days; issue an update to extend it.");
        }
        if (r.OnsetAtUtc is { } onset && onset >= r.ExpiresAtUtc)
        {
            Add("onsetAtUtc", "The onset must be before the expiry.");
        }
        var dongs = Normalize(r.DongCodes);
        if (dongs.Count > 0)
        {
            var known = await db.Set<SubscriberDong>().AsNoTracking().Where(d => dongs.Contains(d.Code) && d.IsActive).Select(d => d.Code).ToListAsync(ct);
            foreach (var unknown in dongs.Except(known))
            {
                Add("dongCodes", $"'{unknown}' is not one of the district's dongs.");
            }
        }
        if (!string.IsNullOrWhiteSpace(r.Polygon))
        {
            var points = CapText.ParsePolygon(r.Polygon);
            if (points is null || points.Count < 4 || points[0] != points[^1] || !points.All(CapText.InRange))
            {
                Add("polygon", "A polygon is at least four \"latitude,longitude\" points separated by spaces, the first repeated last, in range.");
            }
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
        return template!;
    }
}

internal static class AuthorAlertEndpoints
{
    public static void Map(RouteGroupBuilder alerts)
    {
        alerts.MapGet("/templates", () => TypedResults.Ok(new { templates = AlertTemplates.All, placeholders = AlertTemplates.Placeholders }))
            .WithName("AlertTemplates").WithSummary("The hazard templates (Korean and English texts with {placeholders}, CAP defaults).");
        alerts.MapGet("/", async (AuthorAlertHandler handler, CancellationToken ct, string? state = null, int page = 1, int pageSize = 20) =>
                TypedResults.Ok(await handler.ListAsync(state, page, pageSize, ct)))
            .WithName("ListAlerts").WithSummary("Alerts, newest first, optionally by state.");
        alerts.MapGet("/{id:guid}", async (Guid id, AuthorAlertHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetAlert").WithSummary("One alert as staff see it.");
        alerts.MapPost("/", async Task<Created<AlertView>> (AlertDraftRequest request, ClaimsPrincipal user, AuthorAlertHandler handler, CancellationToken ct) =>
            {
                var view = await handler.CreateAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/alerts/{view.Id}", view);
            })
            .WithName("DraftAlert").WithSummary("Writes a draft alert.");
        alerts.MapPut("/{id:guid}", async (Guid id, AlertDraftRequest request, ClaimsPrincipal user, AuthorAlertHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.EditAsync(id, request, StaffContext.From(user), ct)))
            .WithName("EditAlert").WithSummary("Changes a draft (or rejected) alert; carries the version loaded.");
        alerts.MapPost("/{id:guid}/submit", async (Guid id, AlertVersionRequest request, ClaimsPrincipal user, AuthorAlertHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SubmitAsync(id, request.Version, StaffContext.From(user), ct)))
            .WithName("SubmitAlert").WithSummary("Sends a draft to the alert approvers.");
        alerts.MapPost("/{id:guid}/follow-up", async Task<Created<AlertView>> (Guid id, AlertFollowUpRequest request, ClaimsPrincipal user, AuthorAlertHandler handler, CancellationToken ct) =>
            {
                var view = await handler.FollowUpAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/alerts/{view.Id}", view);
            })
            .WithName("FollowUpAlert").WithSummary("Drafts an update or cancellation of an issued alert (CAP references), to the same audience.");
    }
}

/// <summary>A step that only needs the version the officer loaded.</summary>
public sealed record AlertVersionRequest(int Version);
