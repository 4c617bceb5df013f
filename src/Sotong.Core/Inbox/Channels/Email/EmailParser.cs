using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;
using Sotong.Core.Inbox.Contacts;
using Sotong.Core.Inbox.Intake;
using Sotong.Core.Organization;

namespace Sotong.Core.Inbox.Channels.Email;

/// <summary>What one posted e-mail became: a message for the inbox, a refusal (400) or a skip (acknowledged, not stored).</summary>
internal sealed record ParsedEmail(InboundMessage? Message, string? Refusal, string? Skipped)
{
    public static ParsedEmail Accepted(InboundMessage message) => new(message, null, null);

    public static ParsedEmail Refused(string reason) => new(null, reason, null);

    public static ParsedEmail Skip(string reason) => new(null, null, reason);
}

/// <summary>
/// What an answer needs to land in the citizen's mail thread, kept in <see cref="InboxMessage.ReplyContext"/>: the
/// subject they wrote, their Message-ID (also when it was too long to be the provider id) and their References.
/// </summary>
internal sealed record EmailReplyContext(string? Subject, string? MessageId, IReadOnlyList<string> References)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EmailReplyContext Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return new EmailReplyContext(null, null, []);
        }
        try
        {
            return JsonSerializer.Deserialize<EmailReplyContext>(stored, Json) ?? new EmailReplyContext(null, null, []);
        }
        catch (JsonException)
        {
            return new EmailReplyContext(null, null, []);
        }
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> characters: a long References chain loses its middle (the first id, the
    /// thread's root, and the latest ones are what mail clients thread on), as RFC 5322 allows.
    /// </summary>
    public string Write(int maxLength)
    {
        var references = References.ToList();
        var text = JsonSerializer.Serialize(this with { References = references }, Json);
        while (text.Length > maxLength && references.Count > 1)
        {
            references.RemoveAt(1);
            text = JsonSerializer.Serialize(this with { References = references }, Json);
        }
        if (text.Length > maxLength)
        {
            text = JsonSerializer.Serialize(new EmailReplyContext(Subject, MessageId is { Length: <= 500 } ? MessageId : null, []), Json);
        }
        return text;
    }
}

/// <summary>
/// Turns the raw RFC 5322 message a mail relay posted into an inbox message: the sender's address is the contact,
/// the Message-ID the provider id, the subject the first line, the text/plain part (or the HTML part reduced to text)
/// the rest. Automatic mail — bounces, out-of-office replies, our own answers coming back — is skipped.
/// </summary>
internal static partial class EmailParser
{
    public const int MaxSubjectLength = 250;
    private const int MaxProviderIdLength = 200;

    private static readonly ParserOptions Options = CreateOptions();

    private static ParserOptions CreateOptions()
    {
        // Old Korean mail programs put raw EUC-KR (code page 949) in headers; UTF-8 is tried first, then this.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new ParserOptions { CharsetEncoding = Encoding.GetEncoding(949), MaxMimeDepth = 16, AllowAddressesWithoutDomain = false };
    }

    public static ParsedEmail Parse(byte[] raw, IReadOnlyList<ChannelAccountSecrets> accounts, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(accounts);
        if (raw.Length == 0)
        {
            return ParsedEmail.Refused("The body is empty; expected one RFC 5322 message.");
        }
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(Options, stream);
        }
        catch (FormatException)
        {
            return ParsedEmail.Refused("The body is not an RFC 5322 message.");
        }
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null || !IsAddress(from))
        {
            return ParsedEmail.Refused("The message has no sender address (From).");
        }
        if (Automatic(message, from, accounts) is { } why)
        {
            return ParsedEmail.Skip(why);
        }
        var subject = Clean(message.Subject ?? "").Replace('\n', ' ').Trim();
        if (subject.Length > MaxSubjectLength)
        {
            subject = subject[..(char.IsHighSurrogate(subject[MaxSubjectLength - 1]) ? MaxSubjectLength - 1 : MaxSubjectLength)];
        }
        var body = BodyText(message);
        if (subject.Length == 0 && body.Length == 0)
        {
            return ParsedEmail.Refused("The message has neither a subject nor any text.");
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim();
        // The Message-ID is what a relay's redelivery repeats; a message without one (or with an absurd one) is known by its bytes.
        var providerId = messageId is { Length: <= MaxProviderIdLength } ? messageId : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));
        var account = AccountFor(message, accounts);
        var context = new EmailReplyContext(subject.Length == 0 ? null : subject, messageId, [.. message.References]);
        var text = subject.Length == 0 ? body : body.Length == 0 ? subject : subject + "\n\n" + body;
        var sentAt = message.Date == DateTimeOffset.MinValue ? nowUtc : message.Date.UtcDateTime;
        var name = string.IsNullOrWhiteSpace(from.Name) ? null : Clean(from.Name);
        return ParsedEmail.Accepted(new InboundMessage(InboxChannel.Email, providerId, new IdentityValue(IdentityKind.Email, from.Address), text,
            sentAt, MessageKind.DirectMessage, account.Id, name, context.Write(2000)));
    }

    private static bool IsAddress(MailboxAddress mailbox) =>
        mailbox.Address.Length <= 254 && mailbox.LocalPart.Length > 0 && mailbox.Domain.Contains('.', StringComparison.Ordinal) && !mailbox.Address.Any(char.IsWhiteSpace);

    /// <summary>The account the mail was addressed to (To, Cc, Delivered-To, X-Original-To), among those whose secret signed it.</summary>
    private static ChannelAccountSecrets AccountFor(MimeMessage message, IReadOnlyList<ChannelAccountSecrets> accounts)
    {
        if (accounts.Count == 1)
        {
            return accounts[0];
        }
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(message.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.Trim().Trim('<', '>')))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return accounts.FirstOrDefault(a => recipients.Contains(a.Handle)) ?? accounts[0];
    }

    /// <summary>Why a message is not a citizen writing (RFC 3834 Auto-Submitted, a delivery report, our own address), or null.</summary>
    private static string? Automatic(MimeMessage message, MailboxAddress from, IReadOnlyList<ChannelAccountSecrets> accounts)
    {
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "automatic (Auto-Submitted)";
        }
        if (message.Body is MultipartReport || from.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase))
        {
            return "delivery report";
        }
        return accounts.Any(a => a.Handle.Equals(from.Address, StringComparison.OrdinalIgnoreCase)) ? "sent by the city's own address" : null;
    }

    /// <summary>The text/plain part (flowed text unwrapped), else the HTML part as text; the quoted earlier mail left off; attachments named.</summary>
    internal static string BodyText(MimeMessage message)
    {
        var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
        var text = "";
        if (parts.FirstOrDefault(p => p.IsPlain) is { } plain)
        {
            text = plain.IsFlowed
                ? new FlowedToText { DeleteSpace = string.Equals(plain.ContentType.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase) }.Convert(plain.Text)
                : plain.Text;
        }
        else if (parts.FirstOrDefault(p => p.IsHtml) is { } html)
        {
            text = HtmlToText(html.Text);
        }
        text = WithoutQuotedMail(Clean(text));
        var attachments = message.Attachments.Select(a => $"[{a.ContentType.MimeType}] {(a is MimePart p ? Clean(p.FileName ?? "") : "")}".TrimEnd()).ToList();
        return attachments.Count == 0 ? text : (text + "\n\n" + string.Join("\n", attachments)).Trim();
    }

    /// <summary>Line ends as \n, no control or direction-override characters, no trailing spaces, at most one blank line in a row.</summary>
    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c is '\n' or '\t' || !(char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF'))
            {
                sb.Append(c);
            }
        }
        var lines = sb.ToString().Split('\n').Select(l => l.TrimEnd());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();

    // "-----Original Message-----" (Outlook), "-----원본 메시지-----" (Korean Outlook, Naver, Daum).
    [GeneratedRegex(@"^\s*-{2,}\s*(original message|원본 메시지|원문 메시지)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessageLine();

    /// <summary>
    /// A reply quotes the mail it answers — usually our own answer — below the citizen's words. The officer needs
    /// only the new words: the trailing "&gt;" block with its "… wrote:" line, or everything after an Outlook-style
    /// separator, is left off. Quotes in the middle of the text stay, and so does a mail that is nothing but a quote.
    /// </summary>
    internal static string WithoutQuotedMail(string text)
    {
        var lines = text.Split('\n');
        var separator = Array.FindIndex(lines, 1, l => OriginalMessageLine().IsMatch(l));
        var end = separator > 0 ? separator : lines.Length;
        var quoted = false;
        while (end > 0 && (lines[end - 1].StartsWith('>') || lines[end - 1].Trim().Length == 0))
        {
            quoted |= lines[end - 1].StartsWith('>');
            end--;
        }
        if (quoted && end > 0 && lines[end - 1].TrimEnd().EndsWith(':'))
        {
            end--;
        }
        var kept = string.Join('\n', lines[..end]).Trim();
        return kept.Length == 0 ? text : kept;
    }

    private static readonly HashSet<HtmlTagId> Hidden = [HtmlTagId.Head, HtmlTagId.Title, HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.NoScript, HtmlTagId.Object, HtmlTagId.IFrame, HtmlTagId.Applet, HtmlTagId.Select];

    // Blocks that stand apart from what follows (a blank line) and blocks that only start a new line.
    private static readonly HashSet<HtmlTagId> Paragraphs =
    [
        HtmlTagId.P, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre,
        HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.DL, HtmlTagId.HR,
    ];

    private static readonly HashSet<HtmlTagId> Lines =
    [
        HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.Address, HtmlTagId.Article, HtmlTagId.Section,
        HtmlTagId.Header, HtmlTagId.Footer, HtmlTagId.Main, HtmlTagId.Center,
    ];

    /// <summary>
    /// The words of an HTML mail and nothing else: tags, comments, scripts, styles and the document head are
    /// dropped, character references decoded, white space collapsed as a browser would, blocks on lines of their own.
    /// What comes out is plain text; the inbox escapes it like any other message.
    /// </summary>
    internal static string HtmlToText(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var hidden = 0;
        var pre = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                if (Hidden.Contains(tag.Id))
                {
                    hidden = tag.IsEmptyElement ? hidden : Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                }
                else if (tag.Id == HtmlTagId.Pre && !tag.IsEmptyElement)
                {
                    pre = Math.Max(0, pre + (tag.IsEndTag ? -1 : 1));
                }
                if (tag.Id == HtmlTagId.Br)
                {
                    sb.Append('\n');
                }
                else if (sb.Length > 0 && (Paragraphs.Contains(tag.Id) || Lines.Contains(tag.Id)))
                {
                    // However many blocks close and open here, one line break (or one blank line) separates them.
                    var breaks = 0;
                    while (sb.Length > 0 && sb[^1] is '\n' or ' ')
                    {
                        breaks += sb[^1] == '\n' ? 1 : 0;
                        sb.Length--;
                    }
                    sb.Append('\n', Math.Max(Paragraphs.Contains(tag.Id) ? 2 : 1, Math.Min(breaks, 2)));
                }
                else if (tag.Id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag)
                {
                    sb.Append(' ');
                }
            }
            else if (token.Kind == HtmlTokenKind.Data && hidden == 0 && token is HtmlDataToken data)
            {
                if (pre > 0)
                {
                    sb.Append(data.Data);
                    continue;
                }
                foreach (var c in data.Data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                        {
                            sb.Append(' ');
                        }
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
            }
        }
        return string.Join('\n', sb.ToString().Split('\n').Select(l => l.TrimEnd()));
    }
}
