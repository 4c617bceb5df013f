using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Common.Security;

namespace Sotong.Core.Qna.Publish;

/// <summary>What the owner of a question (an inbox message, or a case) hands the portal; the portal masks it.</summary>
public sealed record PublicationDraft(
    string ReceiptNumber, string Channel, string Title, string Question, string Answer,
    Guid? DivisionId, string DivisionNameKo, string DivisionNameEn, string? Topic, string Status,
    DateTime AskedAtUtc, DateTime AnsweredAtUtc);

/// <summary>
/// The only way text reaches the public portal: everything is masked here, on the way in, so nothing unmasked is
/// ever stored in a <c>qna_</c> table. Callers add to their own unit of work and save it.
/// </summary>
public static class Publication
{
    public const string Answered = "Answered";
    public const string Closed = "Closed";
    public const string Reopened = "Reopened";

    /// <summary>Exactly what the public would read, for the officer's preview.</summary>
    public static (string Question, string Answer) Preview(string question, string answer) =>
        (PersonalDataMasker.Mask(question), PersonalDataMasker.Mask(answer));

    public static PublishedAnswer ForMessage(Guid messageId, PublicationDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var answer = Blank(draft);
        answer.SourceMessageId = messageId;
        Fill(answer, draft, nowUtc);
        return answer;
    }

    /// <summary>Publishes a case, or publishes it again (with its latest answer) after it was unpublished.</summary>
    public static async Task<PublishedAnswer> PublishCaseAsync(SotongDbContext db, Guid caseId, PublicationDraft draft, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        var answer = await db.PublishedAnswers.FirstOrDefaultAsync(a => a.SourceCaseId == caseId, ct);
        if (answer is null)
        {
            answer = Blank(draft);
            answer.SourceCaseId = caseId;
            db.PublishedAnswers.Add(answer);
        }
        Fill(answer, draft, nowUtc);
        answer.IsPublished = true;
        answer.UnpublishedAtUtc = null;
        answer.UnpublishReason = null;
        return answer;
    }

    /// <summary>Takes a case off the portal; the row, its recommendations and comments stay for the record.</summary>
    public static async Task<bool> UnpublishCaseAsync(SotongDbContext db, Guid caseId, string reason, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answer = await db.PublishedAnswers.FirstOrDefaultAsync(a => a.SourceCaseId == caseId && a.IsPublished, ct);
        if (answer is null)
        {
            return false;
        }
        answer.IsPublished = false;
        answer.UnpublishedAtUtc = nowUtc;
        answer.UnpublishReason = reason;
        return true;
    }

    /// <summary>Keeps a published case's status (and latest answer) current as the case moves on.</summary>
    public static async Task FollowCaseAsync(SotongDbContext db, Guid caseId, string status, string? newAnswer, DateTime? answeredAtUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answer = await db.PublishedAnswers.FirstOrDefaultAsync(a => a.SourceCaseId == caseId, ct);
        if (answer is null)
        {
            return;
        }
        answer.Status = status;
        if (newAnswer is not null && answeredAtUtc is { } at)
        {
            SetAnswer(answer, newAnswer, at);
        }
    }

    private static PublishedAnswer Blank(PublicationDraft draft) => new()
    {
        ReceiptNumber = draft.ReceiptNumber, Channel = draft.Channel, MaskedQuestion = string.Empty, MaskedAnswer = string.Empty,
        DivisionNameKo = draft.DivisionNameKo, DivisionNameEn = draft.DivisionNameEn,
    };

    private static void Fill(PublishedAnswer answer, PublicationDraft draft, DateTime nowUtc)
    {
        answer.Title = PersonalDataMasker.Mask(draft.Title);
        answer.MaskedQuestion = PersonalDataMasker.Mask(draft.Question);
        answer.DivisionId = draft.DivisionId;
        answer.DivisionNameKo = draft.DivisionNameKo;
        answer.DivisionNameEn = draft.DivisionNameEn;
        answer.Topic = draft.Topic;
        answer.Status = draft.Status;
        answer.AskedAtUtc = draft.AskedAtUtc;
        answer.PublishedAtUtc = nowUtc;
        SetAnswer(answer, draft.Answer, draft.AnsweredAtUtc);
    }

    /// <summary>The answer masked, when it was given, how long it took, and the search text that includes it.</summary>
    private static void SetAnswer(PublishedAnswer answer, string text, DateTime answeredAtUtc)
    {
        answer.MaskedAnswer = PersonalDataMasker.Mask(text);
        answer.AnsweredAtUtc = answeredAtUtc;
        answer.MinutesToAnswer = (int)Math.Clamp((answeredAtUtc - answer.AskedAtUtc).TotalMinutes, 0, int.MaxValue);
        answer.RefreshSearchText();
    }
}
