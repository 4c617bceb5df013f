using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sotong.Core.Messaging;

/// <summary>What a batch is for; emergency traffic is claimed before everything else.</summary>
public enum OutboxKind
{
    Campaign,
    Verification,
    Alert,
    Notice,
}

/// <summary>Lower is sooner: dispatchers claim in priority order, then in the order rows were written.</summary>
public enum OutboxPriority
{
    Emergency = 0,
    Interactive = 1,
    Bulk = 2,
}

public enum OutboxState
{
    /// <summary>
    /// Waiting to be sent. A dispatcher takes rows with <c>FOR UPDATE SKIP LOCKED</c> inside a transaction that lasts
    /// until their results are written, so a dispatcher that dies simply lets them go back to the queue.
    /// </summary>
    Queued = 0,

    /// <summary>The SMSC accepted every part (submit_sm_resp OK).</summary>
    Submitted = 1,

    /// <summary>The carrier's delivery receipt said delivered.</summary>
    Delivered = 2,

    /// <summary>Refused for good at submission (a permanent command_status, an unregistered sender, too many attempts).</summary>
    Failed = 3,

    /// <summary>Withdrawn before it was sent (a campaign stopped midway).</summary>
    Cancelled = 4,

    /// <summary>Submitted, but the carrier's receipt said it never reached the phone (expired, rejected, undeliverable).</summary>
    Undelivered = 5,
}

/// <summary>
/// One text to many recipients: the text and sender are stored once here, the recipients as <see cref="OutboxMessage"/>
/// rows. The counters are kept by the dispatcher as it records results, so progress is one row to read.
/// </summary>
public sealed class OutboxBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public OutboxKind Kind { get; set; }

    /// <summary>The campaign, alert or subscriber the batch was written for.</summary>
    public Guid? SourceId { get; set; }

    /// <summary>A registered sender number (<see cref="SenderNumber"/>).</summary>
    public required string Sender { get; set; }
    public required string Text { get; set; }
    public OutboxPriority Priority { get; set; }
    public int Total { get; set; }
    public int Submitted { get; set; }
    public int Delivered { get; set; }
    public int Failed { get; set; }
    public int Cancelled { get; set; }

    /// <summary>Submitted, but the carrier's receipt said it did not reach the phone (expired, rejected, undeliverable).</summary>
    public int Undelivered { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the first and the last recipient's message was accepted by the SMSC.</summary>
    public DateTime? FirstSubmittedAtUtc { get; set; }
    public DateTime? LastSubmittedAtUtc { get; set; }
}

/// <summary>One recipient of a batch: written before anything is sent, claimed, submitted, receipted.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }

    /// <summary>Unique: the same key written twice is the same message, sent once.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The phone number, encrypted with the personal-data protector; decrypted only to submit.</summary>
    public required string ProtectedRecipient { get; set; }

    /// <summary>The subscriber it goes to, when it does (so opt-outs and reports can join).</summary>
    public Guid? SubscriberId { get; set; }
    public OutboxPriority Priority { get; set; }
    public OutboxState State { get; set; } = OutboxState.Queued;

    /// <summary>Not before this instant (quiet hours, schedules, back-off after a transient failure).</summary>
    public DateTime NotBeforeUtc { get; set; }
    public int Attempts { get; set; }

    /// <summary>The SMSC's message id of the first part; delivery receipts are matched on it.</summary>
    public string? SmscMessageId { get; set; }
    public int Parts { get; set; }

    /// <summary>The SMPP command_status or receipt error behind a failure.</summary>
    public int? ErrorCode { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}

internal sealed class OutboxBatchConfiguration : IEntityTypeConfiguration<OutboxBatch>
{
    public void Configure(EntityTypeBuilder<OutboxBatch> b)
    {
        b.ToTable("messaging_batch");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Sender).HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.Kind, x.SourceId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("messaging_outbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.IdempotencyKey).HasMaxLength(120);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.Property(x => x.ProtectedRecipient).HasMaxLength(400);
        // Priority and state are small integers here, not strings: the claim query sorts a million of them.
        b.Property(x => x.Priority).HasConversion<int>();
        b.Property(x => x.State).HasConversion<int>();
        b.Property(x => x.SmscMessageId).HasMaxLength(65);
        b.Property(x => x.Error).HasMaxLength(300);
        // Every index here is rewritten when a row's state changes: keep them few (the dispatcher writes tens of
        // thousands of rows a second). Progress comes from the batch's counters, not from counting rows.
        // By batch only the rows the campaign report lists: failed and undelivered. Queued and sent rows stay out of it,
        // so neither the million-row enqueue nor each submission writes it, and the dispatchers' claim query cannot
        // mistake it for a queue (with a filter that held queued rows, PostgreSQL took it for the claim and sorted every
        // queued row on each chunk). Withdrawing a batch's queued rows goes through the queue index instead.
        b.HasIndex(x => x.BatchId).HasDatabaseName("IX_messaging_outbox_batch_failed").HasFilter("\"State\" IN (3, 5)");
        b.HasIndex(x => x.SmscMessageId).HasFilter("\"SmscMessageId\" IS NOT NULL");
        // The dispatchers' queue: only rows still to send are in it, in the order they are claimed.
        b.HasIndex(x => new { x.Priority, x.NotBeforeUtc, x.Id }).HasDatabaseName("IX_messaging_outbox_queue").HasFilter("\"State\" = 0");
    }
}

/// <summary>
/// A sender number registered with the carriers (required in Korea since 2015). Nothing is enqueued or submitted from
/// a number that is not here and active.
/// </summary>
public sealed class SenderNumber
{
    public required string Number { get; set; }
    public required string Label { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime RegisteredAtUtc { get; set; }
}

internal sealed class SenderNumberConfiguration : IEntityTypeConfiguration<SenderNumber>
{
    public void Configure(EntityTypeBuilder<SenderNumber> b)
    {
        b.ToTable("messaging_sender_number");
        b.HasKey(x => x.Number);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Label).HasMaxLength(100);
    }
}
