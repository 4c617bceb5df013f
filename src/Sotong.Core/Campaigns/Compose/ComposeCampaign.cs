using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Subscribers;
using Sotong.Smpp;

namespace Sotong.Core.Campaigns.Compose;

/// <summary>Who a campaign goes to, as the form and the API say it: interest codes, genders, age bands, dong codes.</summary>
public sealed record SegmentRequest(
    IReadOnlyList<string>? Interests = null,
    InterestMatch InterestMatch = InterestMatch.Any,
    IReadOnlyList<SubscriberGender>? Genders = null,
    IReadOnlyList<AgeBand>? AgeBands = null,
    IReadOnlyList<string>? Dongs = null);

/// <summary>A campaign as the author writes it. <paramref name="Version"/> is the version they loaded (for edits).</summary>
public sealed record CampaignRequest(
    string? Title,
    string? Text,
    CampaignKind Kind = CampaignKind.Information,
    IReadOnlyList<string>? Options = null,
    int? CorrectOption = null,
    SegmentRequest? Segment = null,
    bool Urgent = false,
    int? ReplyWindowHours = null,
    DateTime? ScheduledForUtc = null,
    int Version = 0);

public sealed record CampaignSaved(Guid Id, int Version, string State);

public sealed record AudienceCount(int Count);

public sealed record ChoiceItem(string Code, string NameKo, string NameEn);

/// <summary>What the compose form offers: interests and dongs (from Subscribers), the usual age bands, the rules that apply.</summary>
public sealed record ComposeChoices(IReadOnlyList<ChoiceItem> Interests, IReadOnlyList<ChoiceItem> Dongs, IReadOnlyList<AgeBand> AgeBands,
    bool RequireApproval, string QuietStart, string QuietEnd, string ShortNumber);

public sealed class ComposeCampaignHandler(IDbContextFactory<SotongDbContext> dbFactory, CampaignPolicy policy, TimeProvider time, IStringLocalizer<Text> text)
{
    /// <summary>The age bands the form offers (years, inclusive; the last is open-ended).</summary>
    public static readonly IReadOnlyList<AgeBand> AgeBandChoices =
        [new(14, 19), new(20, 29), new(30, 39), new(40, 49), new(50, 59), new(60, 69), new(70, null)];

    public async Task<CampaignSaved> CreateAsync(CampaignRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var content = await ValidateAsync(db, request, now, ct);
        var c = Campaign.Create(content, policy.ShortNumber, staff.DivisionId, now, staff.UserId, staff.DisplayName);
        db.Add(c);
        CampaignAccess.Audit(db, now, staff.UserId, staff.DisplayName, c, "Created", null, c.Title);
        await db.SaveChangesAsync(ct);
        return new CampaignSaved(c.Id, c.Version, c.State.ToString());
    }

    public async Task<CampaignSaved> UpdateAsync(Guid id, CampaignRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        c.CheckVersion(request.Version);
        var now = time.GetUtcNow().UtcDateTime;
        var content = await ValidateAsync(db, request, now, ct);
        var from = c.State;
        c.Edit(content, now);
        CampaignAccess.Audit(db, now, staff.UserId, staff.DisplayName, c, "Edited", from, c.Title);
        await db.SaveChangesAsync(ct);
        return new CampaignSaved(c.Id, c.Version, c.State.ToString());
    }

    /// <summary>A draft as the form loads it again.</summary>
    public async Task<CampaignRequest> DraftAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CampaignAccess.LoadAsync(db, id, staff, ct);
        var segment = c.Segment;
        var interests = await db.Set<SubscriberInterest>().AsNoTracking().ToListAsync(ct);
        return new CampaignRequest(c.Title, c.Text, c.Kind, c.Options, c.CorrectOption,
            new SegmentRequest([.. interests.Where(i => (segment.InterestMask & i.Mask) != 0).OrderBy(i => i.Bit).Select(i => i.Code)], segment.InterestMatch,
                segment.Genders, segment.AgeBands, segment.DongCodes),
            c.Urgent, c.ReplyWindowHours, c.ScheduledForUtc, c.Version);
    }

    public async Task<ComposeChoices> ChoicesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interests = await db.Set<SubscriberInterest>().AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ThenBy(i => i.Bit)
            .Select(i => new ChoiceItem(i.Code, i.NameKo, i.NameEn)).ToListAsync(ct);
        var dongs = await db.Set<SubscriberDong>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new ChoiceItem(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
        var quiet = policy.QuietHours;
        return new ComposeChoices(interests, dongs, AgeBandChoices, policy.RequireApproval, quiet.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            quiet.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), policy.ShortNumber);
    }

    /// <summary>How many active subscribers the segment holds now (the form shows it as the officer chooses).</summary>
    public async Task<AudienceCount> AudienceAsync(SegmentRequest? request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = new ValidationBuilder();
        var segment = await SegmentAsync(db, request ?? new SegmentRequest(), v, ct);
        v.ThrowIfAny();
        var year = SubscriberRules.CurrentYear(time);
        return new AudienceCount(await segment.Apply(db.Set<Subscriber>().AsNoTracking(), year).CountAsync(ct));
    }

    /// <summary>When a campaign asked to go at <paramref name="atUtc"/> would actually start sending (after quiet hours unless urgent).</summary>
    public DateTime SendsFrom(DateTime? atUtc, bool urgent) => policy.QuietHours.EarliestSendUtc(atUtc ?? time.GetUtcNow().UtcDateTime, urgent);

    private async Task<CampaignContent> ValidateAsync(SotongDbContext db, CampaignRequest r, DateTime now, CancellationToken ct)
    {
        var v = new ValidationBuilder();
        var title = r.Title?.Trim() ?? "";
        var body = r.Text?.Trim() ?? "";
        v.When(title.Length == 0, "title", text["Campaigns.Validation.TitleRequired"]);
        v.When(title.Length > Campaign.MaxTitleLength, "title", text["Campaigns.Validation.TitleLength", Campaign.MaxTitleLength]);
        v.When(body.Length == 0, "text", text["Campaigns.Validation.TextRequired"]);
        v.When(body.Length > Campaign.MaxTextLength || KoreanSmsSize.Measure(body).Kind == KoreanSmsKind.TooLong, "text", text["Campaigns.Validation.TextTooLong"]);
        v.When(!Enum.IsDefined(r.Kind), "kind", text["Campaigns.Validation.Kind"]);
        var options = Campaign.HasOptions(r.Kind) ? (r.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList() : [];
        if (Campaign.HasOptions(r.Kind))
        {
            v.When(options.Count is < 2 or > Campaign.MaxOptions, "options", text["Campaigns.Validation.Options", Campaign.MaxOptions]);
            v.When(options.Any(o => o.Length > Campaign.MaxOptionLength), "options", text["Campaigns.Validation.OptionLength", Campaign.MaxOptionLength]);
            v.When(options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count, "options", text["Campaigns.Validation.OptionsDistinct"]);
            v.When(r.Kind == CampaignKind.Quiz && (r.CorrectOption is not { } correct || correct < 1 || correct > options.Count), "correctOption", text["Campaigns.Validation.CorrectOption"]);
        }
        var window = r.ReplyWindowHours ?? Campaign.DefaultReplyWindowHours;
        v.When(window is < 1 or > Campaign.MaxReplyWindowHours, "replyWindowHours", text["Campaigns.Validation.ReplyWindow", Campaign.MaxReplyWindowHours]);
        DateTime? scheduled = r.ScheduledForUtc is { } s ? DateTime.SpecifyKind(s.Kind == DateTimeKind.Local ? s.ToUniversalTime() : s, DateTimeKind.Utc) : null;
        v.When(scheduled is { } at && at <= now, "scheduledForUtc", text["Campaigns.Validation.ScheduleFuture"]);
        var segment = await SegmentAsync(db, r.Segment ?? new SegmentRequest(), v, ct);
        v.ThrowIfAny();
        return new CampaignContent(title, body, r.Kind, options, r.Kind == CampaignKind.Quiz ? r.CorrectOption : null, segment, r.Urgent, window, scheduled);
    }

    /// <summary>The request's codes as a segment; unknown codes and impossible age bands are field errors.</summary>
    private async Task<SubscriberSegment> SegmentAsync(SotongDbContext db, SegmentRequest r, ValidationBuilder v, CancellationToken ct)
    {
        var mask = 0;
        if (r.Interests is { Count: > 0 } codes)
        {
            var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
            var bits = await db.Set<SubscriberInterest>().AsNoTracking().Where(i => wanted.Contains(i.Code)).Select(i => new { i.Code, i.Bit }).ToListAsync(ct);
            v.When(bits.Count != wanted.Count, "segment.interests", text["Campaigns.Validation.UnknownInterest"]);
            mask = bits.Aggregate(0, (m, i) => m | (1 << i.Bit));
        }
        IReadOnlyList<string>? dongs = null;
        if (r.Dongs is { Count: > 0 } dongCodes)
        {
            var wanted = dongCodes.Distinct(StringComparer.Ordinal).ToList();
            var known = await db.Set<SubscriberDong>().AsNoTracking().CountAsync(d => wanted.Contains(d.Code), ct);
            v.When(known != wanted.Count, "segment.dongs", text["Campaigns.Validation.UnknownDong"]);
            dongs = wanted;
        }
        var bands = r.AgeBands is { Count: > 0 } list ? list.Distinct().ToList() : null;
        v.When(bands is not null && bands.Any(b => b.From is < 0 || b.To is < 0 || (b.From is { } f && b.To is { } t && f > t) || (b.From is null && b.To is null)),
            "segment.ageBands", text["Campaigns.Validation.AgeBand"]);
        var genders = r.Genders is { Count: > 0 } g ? g.Distinct().ToList() : null;
        v.When(!Enum.IsDefined(r.InterestMatch), "segment.interestMatch", text["Campaigns.Validation.Kind"]);
        return new SubscriberSegment(mask, r.InterestMatch, genders, bands, dongs);
    }
}

internal static class ComposeCampaignEndpoints
{
    public static void Map(RouteGroupBuilder campaigns)
    {
        campaigns.MapPost("/", async Task<Created<CampaignSaved>> (CampaignRequest request, ClaimsPrincipal user, ComposeCampaignHandler handler, CancellationToken ct) =>
            {
                var saved = await handler.CreateAsync(request, StaffContext.From(user), ct);
                return TypedResults.Created($"/api/v1/campaigns/{saved.Id}", saved);
            })
            .WithName("CreateCampaign")
            .WithSummary("Write a campaign (a draft): title, text, kind, options, segment, urgency, reply window, schedule")
            .ProducesValidationProblem();

        campaigns.MapPut("/{id:guid}", async (Guid id, CampaignRequest request, ClaimsPrincipal user, ComposeCampaignHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(id, request, StaffContext.From(user), ct)))
            .WithName("EditCampaign")
            .WithSummary("Edit a draft (the version loaded must still be the campaign's)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        campaigns.MapPost("/audience", async (SegmentRequest request, ComposeCampaignHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AudienceAsync(request, ct)))
            .WithName("CountCampaignAudience")
            .WithSummary("How many active subscribers a segment holds now")
            .ProducesValidationProblem();

        campaigns.MapGet("/choices", async (ComposeCampaignHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ChoicesAsync(ct)))
            .WithName("CampaignChoices")
            .WithSummary("Interests, dongs and age bands a segment is chosen from; whether approval is required; quiet hours");

        campaigns.MapPost("/measure", (MeasureRequest request) => TypedResults.Ok(MessageSizes.Measure(request.Text)))
            .WithName("MeasureCampaignText")
            .WithSummary("A text's size as the carrier counts it (CP949 bytes, SMS/LMS), its SMPP parts, and characters CP949 lacks");
    }
}

public sealed record MeasureRequest(string? Text);
