using System.Net;
using System.Net.Sockets;
using LlmSpell.TestUtilities;
using LlmSpell.Tools.Infrastructure;
using LlmSpell.Tools.Sys.Email;
using LlmSpell.Values;
using MimeKit;

namespace LlmSpell.Tools.Tests.Sys;

public sealed class EmailSenderToolTests
{
    private static string Config(int port, string extra = "") =>
        $"[tools.email]\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {port}\nsecurity = \"none\"\nfrom_address = \"bot@llmspell.test\"\ntimeout_seconds = 5\n{extra}";

    private static MimeMessage Parse(SmtpReceived received) =>
        MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));

    [Fact]
    public async Task Send_DeliversMessageWithRecipientsSubjectBodyAndAttachment()
    {
        await using var smtp = new SmtpTestServer("bot", "pw");
        using var dir = new TempDirectory();
        var file = dir.Write("report.txt", "attached content");
        var s = ToolTestServices.Create(Config(smtp.Port, "smtp_username = \"bot\"\nsmtp_password = \"pw\""));
        var env = SysTool.Run(new EmailSenderTool(s), s, $$"""
            {"to":"a@example.com, b@example.com","cc":["c@example.com"],"bcc":"d@example.com","subject":"Weekly","body":"<p>Hello <b>team</b></p>","html":true,"attachments":[{{SysTool.Json(file)}}]}
            """);
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
        Assert.Equal("send_email", JsonValues.AsString(env["operation"]));
        Assert.Equal("Email sent to 4 recipient(s)", JsonValues.AsString(env["message"]));
        Assert.Equal("smtp", JsonValues.AsString(SysTool.Result(env, "provider")));
        Assert.False(string.IsNullOrEmpty(JsonValues.AsString(SysTool.Result(env, "message_id"))));

        var received = Assert.Single(smtp.Messages);
        Assert.Equal("bot@llmspell.test", received.MailFrom);
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com", "d@example.com"], received.Recipients);
        var message = Parse(received);
        Assert.Equal("Weekly", message.Subject);
        Assert.Equal("<p>Hello <b>team</b></p>", message.HtmlBody!.Trim());
        Assert.Equal("Hello team", message.TextBody!.Trim());
        Assert.Empty(message.Bcc);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("report.txt", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content, TestContext.Current.CancellationToken);
        Assert.Equal("attached content", System.Text.Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task Send_PartlyRejectedRecipients_ReportsRejected()
    {
        await using var smtp = new SmtpTestServer(rejectRecipients: ["ghost@example.com"]);
        var s = ToolTestServices.Create(Config(smtp.Port));
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":["ok@example.com","ghost@example.com"],"subject":"s","body":"b"}""");
        Assert.Equal(true, JsonValues.AsBool(env["success"]));
        Assert.Equal("ghost@example.com", JsonValues.AsString(SysTool.Result(env, "rejected.0")));
        Assert.Equal("ok@example.com", JsonValues.AsString(SysTool.Result(env, "accepted.0")));
        Assert.Equal(["ok@example.com"], Assert.Single(smtp.Messages).Recipients);
    }

    [Fact]
    public async Task Send_AllRecipientsRejected_IsSendFailedWithServerReply()
    {
        await using var smtp = new SmtpTestServer(rejectRecipients: ["ghost@example.com"]);
        var s = ToolTestServices.Create(Config(smtp.Port));
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"ghost@example.com","subject":"s","body":"b"}""");
        Assert.Equal(false, JsonValues.AsBool(env["success"]));
        Assert.Equal("send_failed", JsonValues.AsString(env["error"]!["code"]));
        Assert.Contains("550", JsonValues.AsString(env["error"]!["message"]), StringComparison.Ordinal);
        Assert.Contains("Recipient address rejected", JsonValues.AsString(env["error"]!["message"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AuthenticationFailure_IsSendFailed()
    {
        await using var smtp = new SmtpTestServer("bot", "right");
        var s = ToolTestServices.Create(Config(smtp.Port, "smtp_username = \"bot\"\nsmtp_password = \"wrong\""));
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b"}""");
        Assert.Equal("send_failed", JsonValues.AsString(env["error"]!["code"]));
        Assert.Contains("Authentication", JsonValues.AsString(env["error"]!["message"]), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public void Send_ConnectionRefused_IsSendFailed()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        var s = ToolTestServices.Create(Config(port));
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b"}""");
        Assert.Equal("send_failed", JsonValues.AsString(env["error"]!["code"]));
    }

    [Fact]
    public void Send_NotConfigured_IsExactFailureEnvelope()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b"}""");
        Assert.Equal("""{"operation":"send_email","success":false,"error":{"message":"email_sender is not configured: set tools.email.smtp_host and tools.email.from_address (or EMAIL_SMTP_HOST and EMAIL_FROM)","code":"not_configured","details":null}}""", env.ToJsonString());
    }

    [Fact]
    public void Send_UnsupportedProvider_IsFailureEnvelope()
    {
        var s = ToolTestServices.Create();
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b","provider":"sendgrid"}""");
        Assert.Equal("unsupported", JsonValues.AsString(env["error"]!["code"]));
    }

    [Fact]
    public async Task Send_RateLimit_IsRateLimitedEnvelope()
    {
        await using var smtp = new SmtpTestServer();
        var s = ToolTestServices.Create(Config(smtp.Port, "rate_limit_per_minute = 1"));
        var tool = new EmailSenderTool(s);
        Assert.Equal(true, JsonValues.AsBool(SysTool.Run(tool, s, """{"to":"a@example.com","subject":"s","body":"b"}""")["success"]));
        var second = SysTool.Run(tool, s, """{"to":"a@example.com","subject":"s","body":"b"}""");
        Assert.Equal("rate_limited", JsonValues.AsString(second["error"]!["code"]));
    }

    [Theory]
    [InlineData("""{"to":"not-an-address","subject":"s","body":"b"}""")]
    [InlineData("""{"to":"a@example.com","cc":"bad@","subject":"s","body":"b"}""")]
    [InlineData("""{"to":"a@example.com","subject":"s"}""")]
    [InlineData("""{"subject":"s","body":"b"}""")]
    public void Send_InvalidParameters_Raise(string json)
    {
        var s = ToolTestServices.Create();
        Assert.Equal(ToolFailureKind.InvalidParameters, SysTool.Fails(new EmailSenderTool(s), s, json).Kind);
    }

    [Fact]
    public async Task Send_AttachmentOutsideSandboxOrMissing_Raises()
    {
        await using var smtp = new SmtpTestServer();
        var s = ToolTestServices.Create(Config(smtp.Port));
        Assert.Equal(ToolFailureKind.SecurityViolation, SysTool.Fails(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b","attachments":["/etc/passwd"]}""").Kind);
        Assert.Equal("not_found", SysTool.Fails(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b","attachments":["/tmp/no-such-llmspell-file.txt"]}""").Code);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Send_EnvironmentFallbacks_ConfigureTheServer()
    {
        await using var smtp = new SmtpTestServer();
        string[] names = ["EMAIL_SMTP_HOST", "EMAIL_SMTP_PORT", "EMAIL_FROM"];
        try
        {
            Environment.SetEnvironmentVariable("EMAIL_SMTP_HOST", "127.0.0.1");
            Environment.SetEnvironmentVariable("EMAIL_SMTP_PORT", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Environment.SetEnvironmentVariable("EMAIL_FROM", "env@llmspell.test");
            var s = ToolTestServices.Create("[tools.email]\nsecurity = \"none\"");
            var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b"}""");
            Assert.Equal(true, JsonValues.AsBool(env["success"]));
            Assert.Equal("env@llmspell.test", Assert.Single(smtp.Messages).MailFrom);
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public async Task Send_StartTlsNotOffered_IsSendFailed()
    {
        await using var smtp = new SmtpTestServer();
        var s = ToolTestServices.Create(Config(smtp.Port).Replace("security = \"none\"", "security = \"starttls\"", StringComparison.Ordinal));
        var env = SysTool.Run(new EmailSenderTool(s), s, """{"to":"a@example.com","subject":"s","body":"b"}""");
        Assert.Equal("send_failed", JsonValues.AsString(env["error"]!["code"]));
    }

    [Fact]
    public async Task Send_AttachmentsOver25MB_Raise()
    {
        await using var smtp = new SmtpTestServer();
        using var dir = new TempDirectory();
        var big = dir.File("big.bin");
        using (var f = File.Create(big))
        {
            f.SetLength((25L * 1024 * 1024) + 1);
        }

        var s = ToolTestServices.Create(Config(smtp.Port));
        var failure = SysTool.Fails(new EmailSenderTool(s), s, $$"""{"to":"a@example.com","subject":"s","body":"b","attachments":[{{SysTool.Json(big)}}]}""");
        Assert.Contains("exceeding the limit of 26214400", failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }
}
