using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Inbox.Browse;

namespace Sotong.Core.Inbox.Contacts;

public sealed record ThreadMessage(Guid Id, string ReceiptNumber, InboxChannel Channel, string Text, MessageStatus Status, DateTime ReceivedAtUtc, string? AnswerText);

public sealed record ContactLinkView(Guid MergedContactId, string Reason, string LinkedByName, DateTime AtUtc);

public sealed record ContactThreadView(Guid ContactId, string? DisplayName, IReadOnlyList<ContactIdentityView> Identities, IReadOnlyList<ThreadMessage> Messages, IReadOnlyList<ContactLinkView> Links);

/// <summary>An identity in full, for the officer who must call or write back; every reveal is audited.</summary>
public sealed record RevealedIdentity(IdentityKind Kind, string Value);

/// <summary>Link another contact into this one: the other's receipt number names it, the reason is kept.</summary>
public sealed record LinkContactRequest(string? ReceiptNumber, string? Reason);

/// <summary>A citizen's thread across channels, and the officer's linking of two identities of one person.</summary>
public sealed class ContactThreadHandler(IDbContextFactory<SotongDbContext> dbFactory, PersonalDataProtector protector, TimeProvider time, IStringLocalizer<Text> text)
{
    /// <summary>
    /// The full phone number, e-mail or platform id behind a message, for staff who may act on it (division scope);
    /// masked everywhere else. The reveal itself is an audited act, so who looked at whose number can be answered.
    /// </summary>
    public async Task<IReadOnlyList<RevealedIdentity>> RevealAsync(Guid messageId, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).FirstOrDefaultAsync(m => m.Id == messageId, ct)
            ?? throw new NotFoundException("The message");
        if (message.ContactId is null)
        {
            return [];
        }
        var identities = await db.ContactIdentities.AsNoTracking().Where(i => i.ContactId == message.ContactId).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct);
        db.Audit(time.GetUtcNow().UtcDateTime, staff.UserId, staff.DisplayName, nameof(Contact), message.ContactId.Value.ToString(), "Revealed",
            detail: $"{message.ReceiptNumber}: {string.Join(",", identities.Select(i => i.Kind))}");
        await db.SaveChangesAsync(ct);
        return [.. identities.Select(i => new RevealedIdentity(i.Kind, protector.Unprotect(i.ProtectedValue)))];
    }

    public async Task<ContactThreadView> GetAsync(Guid contactId, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct) ?? throw new NotFoundException("The contact");
        var messages = await BrowseInboxHandler.ScopedTo(db.InboxMessages.AsNoTracking(), staff).Where(m => m.ContactId == contactId)
            .OrderBy(m => m.ReceivedAtUtc)
            .Select(m => new ThreadMessage(m.Id, m.ReceiptNumber, m.Channel, m.Text, m.Status, m.ReceivedAtUtc, m.AnswerText))
            .ToListAsync(ct);
        if (messages.Count == 0 && !staff.SeesAllDivisions)
        {
            // A department officer reaches a thread only through a message of their own division.
            throw new NotFoundException("The contact");
        }
        var identities = await db.ContactIdentities.AsNoTracking().Where(i => i.ContactId == contactId).OrderBy(i => i.CreatedAtUtc)
            .Select(i => new ContactIdentityView(i.Kind, i.MaskedValue)).ToListAsync(ct);
        var links = await db.ContactLinks.AsNoTracking().Where(l => l.SurvivingContactId == contactId).OrderBy(l => l.AtUtc)
            .Select(l => new ContactLinkView(l.MergedContactId, l.Reason, l.LinkedByName, l.AtUtc)).ToListAsync(ct);
        return new ContactThreadView(contact.Id, contact.DisplayName, identities, messages, links);
    }

    /// <summary>Moves the other contact's identities and messages into this one, in one transaction, audited.</summary>
    public async Task LinkAsync(Guid contactId, LinkContactRequest request, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        var reason = request.Reason?.Trim() ?? "";
        var receipt = request.ReceiptNumber?.Trim().ToUpperInvariant() ?? "";
        new ValidationBuilder()
            .When(reason.Length < 5, "reason", text["Validation.LinkReason"])
            .When(reason.Length > 500, "reason", text["Validation.TextTooLong", 500, reason.Length])
            .When(receipt.Length == 0, "receiptNumber", text["Validation.ReceiptRequired"])
            .ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var survivor = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct) ?? throw new NotFoundException("The contact");
        var otherId = await BrowseInboxHandler.ScopedTo(db.InboxMessages, staff).Where(m => m.ReceiptNumber == receipt).Select(m => m.ContactId).FirstOrDefaultAsync(ct);
        new ValidationBuilder().When(otherId is null, "receiptNumber", text["Validation.ReceiptUnknown"]).ThrowIfAny();
        if (otherId == contactId)
        {
            throw new RuleViolationException("AlreadyOneContact", "Those messages already belong to this contact.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ContactIdentities.Where(i => i.ContactId == otherId).ExecuteUpdateAsync(u => u.SetProperty(i => i.ContactId, contactId), ct);
        await db.InboxMessages.Where(m => m.ContactId == otherId).ExecuteUpdateAsync(u => u.SetProperty(m => m.ContactId, contactId), ct);
        db.ContactLinks.Add(new ContactLink { SurvivingContactId = contactId, MergedContactId = otherId!.Value, Reason = reason, LinkedById = staff.UserId, LinkedByName = staff.DisplayName, AtUtc = now });
        db.Audit(now, staff.UserId, staff.DisplayName, nameof(Contact), contactId.ToString(), "Linked", otherId.ToString(), contactId.ToString(), reason);
        await db.SaveChangesAsync(ct);
        await db.Contacts.Where(c => c.Id == otherId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }
}

internal static class ContactThreadEndpoints
{
    public static void Map(RouteGroupBuilder inbox)
    {
        inbox.MapGet("/contacts/{id:guid}", async (Guid id, ClaimsPrincipal user, ContactThreadHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, StaffContext.From(user), ct)))
            .WithName("GetContactThread")
            .WithSummary("A citizen's identities (masked) and messages across channels");
        inbox.MapPost("/{id:guid}/contact/reveal", async (Guid id, ClaimsPrincipal user, ContactThreadHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RevealAsync(id, StaffContext.From(user), ct)))
            .WithName("RevealContact")
            .WithSummary("The citizen's full contact details for calling or writing back (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        inbox.MapPost("/contacts/{id:guid}/links", async (Guid id, LinkContactRequest request, ClaimsPrincipal user, ContactThreadHandler handler, CancellationToken ct) =>
            {
                await handler.LinkAsync(id, request, StaffContext.From(user), ct);
                return TypedResults.NoContent();
            })
            .WithName("LinkContacts")
            .WithSummary("Record that another contact is the same person (with the reason) and merge the threads")
            .RequireAuthorization(SotongPolicies.CityWide)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
