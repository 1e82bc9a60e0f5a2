using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LlmSpell.TestUtilities;

/// <summary>One message an <see cref="SmtpTestServer"/> accepted.</summary>
public sealed record SmtpReceived(string MailFrom, IReadOnlyList<string> Recipients, string Data);

/// <summary>
/// A small SMTP server on 127.0.0.1 speaking the real protocol (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT,
/// DATA with dot-unstuffing, RSET, NOOP, QUIT), for email tests. Hand-written so tests control the
/// replies (rejected recipients, failed authentication) exactly.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer(string? username = null, string? password = null, IEnumerable<string>? rejectRecipients = null)
    {
        Username = username;
        Password = password;
        RejectRecipients = new HashSet<string>(rejectRecipients ?? [], StringComparer.OrdinalIgnoreCase);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string? Username { get; }

    public string? Password { get; }

    public HashSet<string> RejectRecipients { get; }

    public ConcurrentQueue<SmtpReceived> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception)
        {
            // Stopping the listener ends the accept loop with an exception; that is expected.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP llmspell-test");
        var authenticated = Username is null;
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var arg = line.Length > verb.Length ? line[(verb.Length + 1)..] : string.Empty;
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost greets you");
                    await writer.WriteLineAsync("250-8BITMIME");
                    await writer.WriteLineAsync(Username is null ? "250 SIZE 52428800" : "250 AUTH PLAIN LOGIN");
                    break;
                case "HELO" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "AUTH":
                    authenticated = await AuthenticateAsync(arg, reader, writer);
                    break;
                case "MAIL" when !authenticated:
                    await writer.WriteLineAsync("530 5.7.0 Authentication required");
                    break;
                case "MAIL":
                    from = Address(arg);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    var rcpt = Address(arg);
                    if (RejectRecipients.Contains(rcpt))
                    {
                        await writer.WriteLineAsync($"550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown");
                    }
                    else
                    {
                        recipients.Add(rcpt);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                    }

                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(new SmtpReceived(from ?? string.Empty, [.. recipients], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 OK queued as TEST1");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task<bool> AuthenticateAsync(string arg, StreamReader reader, StreamWriter writer)
    {
        var parts = arg.Split(' ', 2);
        string? user;
        string? pass;
        if (parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var payload = parts.Length > 1 ? parts[1] : await Challenge(string.Empty);
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(payload ?? string.Empty)).Split('\0');
            (user, pass) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }
        else
        {
            user = Decode(parts.Length > 1 ? parts[1] : await Challenge("VXNlcm5hbWU6"));
            pass = Decode(await Challenge("UGFzc3dvcmQ6"));
        }

        var ok = user == Username && pass == Password;
        await writer.WriteLineAsync(ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return ok;

        async Task<string?> Challenge(string prompt)
        {
            await writer.WriteLineAsync("334 " + prompt);
            return await reader.ReadLineAsync();
        }

        static string? Decode(string? b64) => b64 is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(b64));
    }

    private static string Address(string arg)
    {
        var start = arg.IndexOf('<', StringComparison.Ordinal);
        var end = arg.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? arg[(start + 1)..end] : arg;
    }
}
