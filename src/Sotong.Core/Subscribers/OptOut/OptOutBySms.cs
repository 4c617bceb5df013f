using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Sotong.Core.Common;
using Sotong.Core.Common.Audit;
using Sotong.Core.Common.Localization;
using Sotong.Core.Common.Security;
using Sotong.Core.Messaging;

namespace Sotong.Core.Subscribers.OptOut;

/// <summary>The words that withdraw a subscription when they are the whole text.</summary>
public static class OptOutKeywords
{
    public static readonly IReadOnlyList<string> Words = ["수신거부", "거부", "STOP"];

    /// <summary>
    /// True when the text is one of the keywords and nothing else: case, width, surrounding and inner spaces ("수신 거부")
    /// and trailing punctuation ("stop.", "거부!") do not matter; any other word does ("거부합니다" is a message).
    /// </summary>
    public static bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var end = folded.Length;
        while (end > 0 && (char.IsPunctuation(folded[end - 1]) || char.IsWhiteSpace(folded[end - 1]) || char.IsSymbol(folded[end - 1])))
        {
            end--;
        }
        var sb = new StringBuilder(end);
        foreach (var c in folded.AsSpan(0, end))
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        var word = sb.ToString();
        return Words.Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// 수신거부 / 거부 / STOP texted to the short number: the subscriber with that number is withdrawn, the change audited,
/// and a short confirmation queued through the outbox. Runs before every other inbound step. A keyword from a number
/// that is not a subscriber is an ordinary message. Safe to run twice for one text (the SMSC redelivers): the second
/// run finds the subscriber withdrawn and the confirmation's idempotency key already written.
/// </summary>
internal sealed partial class OptOutBySms(
    IDbContextFactory<SotongDbContext> dbFactory,
    PersonalDataProtector protector,
    Outbox outbox,
    SubscribersSettings settings,
    TimeProvider time,
    IStringLocalizer<Text> text,
    ILogger<OptOutBySms> logger) : IInboundSmsStep
{
    public const string Via = "sms";

    public int Order => 0;

    public async Task<InboundSmsOutcome> InspectAsync(InboundSms sms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!OptOutKeywords.Matches(sms.Text))
        {
            return InboundSmsOutcome.Pass;
        }
        var normalized = SubscriberRules.NormalizePhone(sms.From);
        var hash = await protector.LookupHashAsync(normalized, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscriber = await db.Set<Subscriber>().FirstOrDefaultAsync(s => s.PhoneHash == hash, ct);
        if (subscriber is null)
        {
            return InboundSmsOutcome.Pass;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var from = subscriber.Status;
        if (subscriber.Withdraw(Via, sms.ReceivedAtUtc == default ? now : sms.ReceivedAtUtc))
        {
            db.Audit(now, AuditExtensions.Citizen, AuditExtensions.Citizen, nameof(Subscriber), subscriber.Id.ToString(), "Withdrawn", from.ToString(), nameof(SubscriberStatus.Withdrawn), Via);
            await db.SaveChangesAsync(ct);
            LogWithdrawn(logger, subscriber.Id);
        }
        else if (subscriber.WithdrawnVia != Via)
        {
            // Already withdrawn on the web or by staff: nothing to confirm again.
            return InboundSmsOutcome.Handled;
        }
        await ConfirmAsync(db, subscriber, normalized, sms.To, ct);
        return InboundSmsOutcome.Handled;
    }

    /// <summary>
    /// The confirmation's key comes from the subscriber and the moment they withdrew, so a redelivered keyword finds it
    /// written, while withdrawing again after signing up again is confirmed again.
    /// </summary>
    private async Task ConfirmAsync(SotongDbContext db, Subscriber subscriber, string phone, string to, CancellationToken ct)
    {
        // To the second: the stored instant loses sub-microsecond digits on PostgreSQL, the key must not.
        var key = $"subscribers-optout:{subscriber.Id:N}:{subscriber.WithdrawnAtUtc!.Value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        var sender = settings.Sender ?? (string.IsNullOrWhiteSpace(to) ? null : to);
        if (sender is null || await db.Set<OutboxMessage>().AnyAsync(m => m.IdempotencyKey == key, ct))
        {
            return;
        }
        try
        {
            await outbox.SendOneAsync(OutboxKind.Notice, subscriber.Id, sender, phone, text["Subscribers.OptOutConfirmation", text["App.Name"]], key, OutboxPriority.Interactive, ct);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.PostgresException { SqlState: "23505" })
        {
            // Two deliveries of the same text at once: the other one wrote it.
            LogDuplicateConfirmation(logger, subscriber.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId} withdrew by SMS keyword")]
    private static partial void LogWithdrawn(ILogger logger, Guid subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opt-out confirmation for subscriber {SubscriberId} was already queued")]
    private static partial void LogDuplicateConfirmation(ILogger logger, Guid subscriberId);
}
