using Microsoft.EntityFrameworkCore;
using Sotong.Core.Common;
using Sotong.Core.Inbox;
using Sotong.Core.Inbox.Answer;

namespace Sotong.Core.Triage.Training;

/// <summary>
/// What a person said about one message. A triage review gives kind, topic and division; a move (from the inbox, or
/// with a transferred case) gives the division only (<paramref name="DivisionOnly"/>).
/// </summary>
public sealed record CorrectionLabel(Guid MessageId, string Text, MessageIntent? Intent, string? Topic, Guid? DivisionId, bool DivisionOnly);

/// <summary>
/// Officers' corrections as training examples: one example per message, the latest person's judgement updating an
/// earlier one (no contradicting examples of one text). A move says nothing about kind and topic, so it keeps what a
/// person gave earlier and otherwise leaves them unlabelled: the model's own guesses are never stored as labels (the
/// review path stores only what the officer chose or confirmed, too).
/// </summary>
public sealed class CorrectionExamples : IRoutingCorrections
{
    public Task RecordAsync(SotongDbContext db, IReadOnlyList<HandRouted> messages, string staffName, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return StoreAsync(db, [.. messages.Select(m => new CorrectionLabel(m.MessageId, m.Text, null, null, m.DivisionId, DivisionOnly: true))], staffName, nowUtc, ct);
    }

    /// <summary>Adds or updates (without saving) the correction example of each message.</summary>
    public static async Task StoreAsync(SotongDbContext db, IReadOnlyList<CorrectionLabel> labels, string staffName, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return;
        }
        var ids = labels.Select(l => (Guid?)l.MessageId).Distinct().ToList();
        var existing = (await db.Set<TrainingExample>().Where(e => e.Source == ExampleSource.Correction && ids.Contains(e.MessageId)).ToListAsync(ct))
            .GroupBy(e => e.MessageId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.CreatedAtUtc).ToList());
        foreach (var label in labels)
        {
            TrainingExample example;
            if (existing.TryGetValue(label.MessageId, out var earlier))
            {
                example = earlier[0];
                // Stored twice before corrections were kept to one per message: the newest stays.
                db.RemoveRange(earlier.Skip(1));
            }
            else
            {
                example = new TrainingExample { Text = label.Text, Source = ExampleSource.Correction, MessageId = label.MessageId };
                db.Add(example);
                existing[label.MessageId] = [example];
            }
            if (!label.DivisionOnly)
            {
                example.Intent = label.Intent;
                example.Topic = label.Topic;
            }
            example.DivisionId = label.DivisionId;
            example.Text = label.Text;
            example.IsTest = TrainingExample.HeldOut(label.Text);
            example.TextHash = TrainingExample.HashOf(label.Text);
            example.CreatedAtUtc = nowUtc;
            example.CreatedByName = staffName;
        }
    }
}
