using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common;

namespace Sotong.Core.Inbox.Follow;

/// <summary>What the citizen sees on their follow page: their own message, its status and the answer.</summary>
public sealed record FollowView(string ReceiptNumber, string Text, MessageStatus Status, DateTime ReceivedAtUtc, string? DivisionNameKo,
    string? DivisionNameEn, string? AnswerText, DateTime? AnsweredAtUtc, Guid? PublishedAnswerId);

public sealed class FollowMessageHandler(IDbContextFactory<SotongDbContext> dbFactory)
{
    /// <summary>Both the receipt number and the key must match; a wrong key looks exactly like an unknown number.</summary>
    public async Task<FollowView> GetAsync(string receiptNumber, string key, CancellationToken ct)
    {
        var number = receiptNumber?.Trim().ToUpperInvariant() ?? string.Empty;
        if (number.Length == 0 || string.IsNullOrWhiteSpace(key))
        {
            throw new NotFoundException("The receipt");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.InboxMessages.AsNoTracking().Include(x => x.Division).FirstOrDefaultAsync(x => x.ReceiptNumber == number, ct);
        if (m is null || !ReceiptNumbers.Matches(m.FollowKeyHash, key))
        {
            throw new NotFoundException("The receipt");
        }
        var publishedId = m.Status == MessageStatus.Published
            ? await db.PublishedAnswers.Where(p => p.SourceMessageId == m.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            : null;
        return new FollowView(m.ReceiptNumber, m.Text, m.Status, m.ReceivedAtUtc, m.Division?.NameKo, m.Division?.NameEn,
            m.Status == MessageStatus.Received ? null : m.AnswerText, m.AnsweredAtUtc, publishedId);
    }
}

internal static class FollowMessageEndpoint
{
    public static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/messages/{receiptNumber}", async (string receiptNumber, string key, FollowMessageHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(receiptNumber, key, ct)))
            .WithName("FollowMessage")
            .WithSummary("Follow a message by its receipt number and key")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
