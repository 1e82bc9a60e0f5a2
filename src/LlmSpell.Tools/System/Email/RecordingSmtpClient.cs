using MailKit.Net.Smtp;
using MimeKit;

namespace LlmSpell.Tools.Sys.Email;

/// <summary>
/// An SMTP client that records refused recipients instead of aborting at the first one, so a
/// message still goes to the recipients the server accepted (result <c>rejected</c>).
/// </summary>
internal sealed class RecordingSmtpClient : SmtpClient
{
    public List<(string Address, string Reply)> Rejected { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Rejected.Add((mailbox.Address, $"{(int)response.StatusCode} {response.Response}"));
}
