using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmSpell.Components;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Values;
using Envelope = LlmSpell.Tools.Infrastructure.Envelope;
using ServiceNotConnectedException = MailKit.ServiceNotConnectedException;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LlmSpell.Tools.Sys.Email;

/// <summary>email_sender (tools.md §5.36): sends real mail over SMTP with MailKit.</summary>
internal sealed partial class EmailSenderTool(ToolServices services) : ITool
{
    private const string Operation = "send_email";
    private const long MaxAttachmentBytes = 25L * 1024 * 1024;
    private const string NotConfigured = "email_sender is not configured: set tools.email.smtp_host and tools.email.from_address (or EMAIL_SMTP_HOST and EMAIL_FROM)";
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "email_sender",
        Description = "Send an email over SMTP",
        Category = "communication",
        SecurityLevel = "restricted",
        RequiresNetwork = true,
        Parameters =
        [
            Param.Any("to", "recipients (comma-separated string or array)", required: true),
            Param.Str("subject", "subject line", required: true),
            Param.Str("body", "message body", required: true),
            Param.Str("from", "sender (default tools.email.from_address)"),
            Param.Any("cc", "copy recipients"),
            Param.Any("bcc", "blind copy recipients"),
            Param.Str("reply_to", "reply address"),
            Param.Bool("html", "send body as HTML with a plain-text alternative", false),
            Param.Array("attachments", "file paths (sandboxed, total at most 25 MB)"),
            Param.Str("provider", "delivery provider", def: "smtp"),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var to = Addresses(request, "to", required: true);
        var cc = Addresses(request, "cc");
        var bcc = Addresses(request, "bcc");
        var subject = request.RequireString("subject");
        var body = request.RequireString("body");
        var replyTo = request.String("reply_to") is { } r ? Address(r, "reply_to") : null;
        var provider = (request.String("provider") ?? "smtp").Trim().ToLowerInvariant();
        if (provider != "smtp")
        {
            return Envelope.Failure(Operation, $"email provider '{provider}' is not supported (only smtp)", "unsupported");
        }

        var settings = EmailSettings.Load(services.Config);
        if (!settings.IsConfigured)
        {
            return Envelope.Failure(Operation, NotConfigured, "not_configured");
        }

        var from = Address(request.String("from") ?? settings.From!, "from");
        var attachments = Attachments(request);
        if (!TryTakeRateSlot(settings.RateLimitPerMinute))
        {
            return Envelope.Failure(Operation, $"rate limit exceeded ({settings.RateLimitPerMinute} emails per minute)", "rate_limited");
        }

        var message = Build(from, to, cc, bcc, replyTo, subject, body, request.Flag("html"), attachments);
        using var client = new RecordingSmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Security switch
            {
                "tls" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var replies = client.Rejected.Count > 0 ? string.Join("; ", client.Rejected.Select(x => $"{x.Address}: {x.Reply}")) : $"{(int)ex.StatusCode} {ex.Message}";
            return Envelope.Failure(Operation, $"SMTP server refused the message: {replies}", "send_failed");
        }
        catch (AuthenticationException ex)
        {
            return Envelope.Failure(Operation, $"SMTP authentication failed: {ex.Message}", "send_failed");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SocketException or IOException or SslHandshakeException or ServiceNotConnectedException or TimeoutException or NotSupportedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Envelope.Failure(Operation, $"SMTP delivery to {settings.Host}:{settings.Port} failed: {ex.Message}", "send_failed");
        }

        var rejected = client.Rejected.Select(x => x.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var accepted = to.Concat(cc).Concat(bcc).Select(a => a.Address).Where(a => !rejected.Contains(a)).ToList();
        var result = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["provider"] = "smtp",
            ["accepted"] = new JsonArray([.. accepted.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["rejected"] = new JsonArray([.. rejected.Select(a => (JsonNode?)JsonValue.Create(a))]),
        };
        return Envelope.Success(Operation, $"Email sent to {accepted.Count} recipient(s)", result);
    }

    private static MimeMessage Build(
        MailboxAddress from, List<MailboxAddress> to, List<MailboxAddress> cc, List<MailboxAddress> bcc, MailboxAddress? replyTo,
        string subject, string body, bool html, List<string> attachments)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        message.Bcc.AddRange(bcc);
        if (replyTo is not null)
        {
            message.ReplyTo.Add(replyTo);
        }

        var builder = new BodyBuilder();
        if (html)
        {
            builder.HtmlBody = body;
            builder.TextBody = PlainText(body);
        }
        else
        {
            builder.TextBody = body;
        }

        foreach (var path in attachments)
        {
            builder.Attachments.Add(path);
        }

        message.Body = builder.ToMessageBody();
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain.Length > 0 ? from.Domain : "llmspell.local");
        return message;
    }

    /// <summary>A readable plain-text alternative: tags removed, breaks kept, entities decoded.</summary>
    private static string PlainText(string html)
    {
        var text = BreakTags().Replace(html, "\n");
        text = AnyTag().Replace(text, string.Empty);
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    private List<string> Attachments(ToolRequest request)
    {
        var paths = SysText.Strings(request, "attachments");
        var admitted = new List<string>();
        long total = 0;
        foreach (var path in paths)
        {
            var canonical = services.AdmitPath(path);
            if (!File.Exists(canonical))
            {
                throw ToolFailureException.Failed($"attachment '{path}' does not exist", "not_found");
            }

            total += new FileInfo(canonical).Length;
            if (total > MaxAttachmentBytes)
            {
                throw ToolFailureException.Failed($"attachments total {total} bytes, exceeding the limit of {MaxAttachmentBytes}");
            }

            admitted.Add(canonical);
        }

        return admitted;
    }

    private bool TryTakeRateSlot(int perMinute)
    {
        if (perMinute <= 0)
        {
            return true;
        }

        var now = services.Time.GetUtcNow();
        lock (_gate)
        {
            while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromMinutes(1))
            {
                _sent.Dequeue();
            }

            if (_sent.Count >= perMinute)
            {
                return false;
            }

            _sent.Enqueue(now);
            return true;
        }
    }

    private static List<MailboxAddress> Addresses(ToolRequest request, string name, bool required = false)
    {
        var node = request[name];
        IEnumerable<string> items = node switch
        {
            null => [],
            JsonArray array => array.Select(i => JsonValues.AsString(i) ?? throw ToolFailureException.InvalidParameters($"parameter '{name}': expected email addresses")),
            JsonObject { Count: 0 } => [],
            _ => (request.String(name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        var list = items.Select(i => Address(i, name)).ToList();
        return required && list.Count == 0 ? throw ToolFailureException.InvalidParameters($"missing required parameter '{name}'") : list;
    }

    private static MailboxAddress Address(string text, string parameter)
    {
        if (MailboxAddress.TryParse(text.Trim(), out var address) && ValidAddress().IsMatch(address.Address))
        {
            return address;
        }

        throw ToolFailureException.InvalidParameters($"parameter '{parameter}': invalid email address '{text}'");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$|^[^@\s]+@localhost$")]
    private static partial Regex ValidAddress();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6])\s*/?\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();
}
