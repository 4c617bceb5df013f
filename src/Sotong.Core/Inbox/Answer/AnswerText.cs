using Microsoft.Extensions.Localization;
using Sotong.Core.Common.Errors;
using Sotong.Core.Common.Localization;

namespace Sotong.Core.Inbox.Answer;

/// <summary>The one rule for an officer's answer text, whether it is saved as an answer or sent as a reply.</summary>
public static class AnswerText
{
    /// <summary>The trimmed text, or a 400 naming the field when it is empty or too long.</summary>
    public static string Validated(string? text, IStringLocalizer<Text> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var answer = text?.Trim() ?? string.Empty;
        new ValidationBuilder()
            .When(answer.Length == 0, "text", localizer["Validation.AnswerRequired"])
            .When(answer.Length > InboxMessage.MaxTextLength, "text", localizer["Validation.TextTooLong", InboxMessage.MaxTextLength, answer.Length])
            .ThrowIfAny();
        return answer;
    }
}
