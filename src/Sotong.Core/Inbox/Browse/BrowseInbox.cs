using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Paging;
using Sotong.Core.Common.Security;
using Sotong.Core.Common.Time;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Common;

namespace Sotong.Core.Inbox.Browse;

/// <summary>Inbox filters; they live in the query string so a filtered view can be bookmarked and shared.</summary>
public sealed record InboxQuery(MessageStatus? Status = null, Guid? DivisionId = null, InboxChannel? Channel = null, string? Search = null, bool? Unrouted = null, int? Page = null, int? PageSize = null)
{
    public Guid? AccountId { get; init; }

    /// <summary>Received on or after this Seoul date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Received on or before this Seoul date.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only messages assigned to the person asking.</summary>
    public bool? Mine { get; init; }

    public Guid? ContactId { get; init; }

    /// <summary>Triage's topic key.</summary>
    public string? Topic { get; init; }

    /// <summary>Triage's kind (praise, complaint …).</summary>
    public MessageIntent? Intent { get; init; }
}

public sealed record InboxListItem(Guid Id, string ReceiptNumber, InboxChannel Channel, string Excerpt, MessageStatus Status,
    Guid? DivisionId, string? DivisionNameKo, string? DivisionNameEn, DateTime ReceivedAtUtc, bool ConsentToPublish, string? AssignedToName, Guid? ContactId)
{
    public MessageIntent? Intent { get; init; }
    public string? Topic { get; init; }
}

/// <summary>An identity as staff see it: the kind and the masked value, never the value itself.</summary>
public sealed record ContactIdentityView(IdentityKind Kind, string MaskedValue);

public sealed record InboxMessageDetail(Guid Id, string ReceiptNumber, InboxChannel Channel, MessageKind Kind, string Text, string? CitizenName,
    Guid? ContactId, IReadOnlyList<ContactIdentityView> Identities, bool ConsentToPublish, MessageStatus Status, Guid? DivisionId, string? DivisionNameKo,
    string? DivisionNameEn, DateTime ReceivedAtUtc, string? AnswerText, DateTime? AnsweredAtUtc, string? AnsweredByName,
    DateTime? PublishedAtUtc, int Version, string? AssignedToName, Guid? ChannelAccountId);

public sealed class BrowseInboxHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    private const int ExcerptLength = 120;

    public async Task<Page<InboxListItem>> ListAsync(InboxQuery query, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(staff);
        var (page, size) = Page<InboxListItem>.Normalize(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = ScopedTo(db.InboxMessages.AsNoTracking(), staff);
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }
        if (query.DivisionId is { } division)
        {
            messages = messages.Where(m => m.DivisionId == division);
        }
        if (query.Unrouted == true)
        {
            messages = messages.Where(m => m.DivisionId == null);
        }
        if (query.Channel is { } channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }
        if (query.AccountId is { } account)
        {
            messages = messages.Where(m => m.ChannelAccountId == account);
        }
        if (query.ContactId is { } contact)
        {
            messages = messages.Where(m => m.ContactId == contact);
        }
        if (!string.IsNullOrEmpty(query.Topic))
        {
            messages = messages.Where(m => m.Topic == query.Topic);
        }
        if (query.Intent is { } intent)
        {
            messages = messages.Where(m => m.Intent == intent);
        }
        if (query.Mine == true)
        {
            messages = messages.Where(m => m.AssignedToId == staff.UserId);
        }
        if (query.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), SeoulTime.Zone);
            messages = messages.Where(m => m.ReceivedAtUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), SeoulTime.Zone);
            messages = messages.Where(m => m.ReceivedAtUtc < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            messages = messages.Where(m => m.Text.ToLower().Contains(term) || m.ReceiptNumber.ToLower().Contains(term));
        }
        var total = await messages.CountAsync(ct);
        var items = await messages
            .OrderByDescending(m => m.ReceivedAtUtc).ThenBy(m => m.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(m => new InboxListItem(m.Id, m.ReceiptNumber, m.Channel,
                m.Text.Length > ExcerptLength ? m.Text.Substring(0, ExcerptLength) + "…" : m.Text,
                m.Status, m.DivisionId, m.Division!.NameKo, m.Division!.NameEn, m.ReceivedAtUtc, m.ConsentToPublish, m.AssignedToName, m.ContactId)
            { Intent = m.Intent, Topic = m.Topic })
            .ToListAsync(ct);
        return new Page<InboxListItem>(items, page, size, total);
    }

    public async Task<InboxMessageDetail> GetAsync(Guid id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await ScopedTo(db.InboxMessages.AsNoTracking().Include(x => x.Division), staff).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("The message");
        var identities = m.ContactId is null ? [] : await db.ContactIdentities.AsNoTracking().Where(i => i.ContactId == m.ContactId)
            .OrderBy(i => i.CreatedAtUtc).Select(i => new ContactIdentityView(i.Kind, i.MaskedValue)).ToListAsync(ct);
        return new InboxMessageDetail(m.Id, m.ReceiptNumber, m.Channel, m.Kind, m.Text, m.CitizenName,
            m.ContactId, identities, m.ConsentToPublish, m.Status,
            m.DivisionId, m.Division?.NameKo, m.Division?.NameEn, m.ReceivedAtUtc, m.AnswerText, m.AnsweredAtUtc, m.AnsweredByName,
            m.PublishedAtUtc, m.Version, m.AssignedToName, m.ChannelAccountId);
    }

    /// <summary>A department officer sees only their own division's messages; everything else does not exist for them.</summary>
    internal static IQueryable<InboxMessage> ScopedTo(IQueryable<InboxMessage> messages, StaffContext staff)
    {
        if (staff.SeesAllDivisions)
        {
            return messages;
        }
        var division = staff.DivisionId;
        return division is null ? messages.Where(_ => false) : messages.Where(m => m.DivisionId == division);
    }
}

internal static class BrowseInboxEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapGet("/", async (MessageStatus? status, Guid? divisionId, InboxChannel? channel, string? q, bool? unrouted, Guid? accountId, DateOnly? from, DateOnly? to,
                bool? mine, Guid? contactId, string? topic, MessageIntent? kind, int? page, int? pageSize, ClaimsPrincipal user, BrowseInboxHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(new InboxQuery(status, divisionId, channel, q, unrouted, page, pageSize)
                {
                    AccountId = accountId, From = from, To = to, Mine = mine, ContactId = contactId, Topic = topic, Intent = kind,
                }, StaffContext.From(user), ct)))
            .WithName("ListInbox")
            .WithSummary("List inbox messages")
            .WithDescription("Filters by status, division, channel, account, triage topic and kind, dates and text; department officers see only their division.");

        inbox.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, BrowseInboxHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, StaffContext.From(user), ct)))
            .WithName("GetInboxMessage")
            .WithSummary("Read one inbox message")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
