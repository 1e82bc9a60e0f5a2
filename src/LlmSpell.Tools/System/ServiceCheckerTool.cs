using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LlmSpell.Components;
using LlmSpell.Security;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>
/// service_checker (tools.md §5.24): tcp/http/https/dns reachability under its own host/port
/// policy. Unreachable or disallowed targets are negative results, never errors.
/// </summary>
internal sealed class ServiceCheckerTool(ToolServices services) : ITool
{
    private static readonly string[] CheckTypes = ["tcp", "http", "https", "dns"];

    public ToolDescriptor Descriptor { get; } = new()
    {
        Name = "service_checker",
        Description = "Check whether a TCP port, HTTP(S) endpoint or DNS name is reachable",
        Category = "system",
        SecurityLevel = "restricted",
        Parameters =
        [
            Param.Str("target", "host:port for tcp; URL for http/https; host name for dns", required: true),
            Param.Enum("check_type", "kind of check", CheckTypes, required: true),
            Param.Int("timeout_seconds", "1..30", def: 5),
            Param.Int("timeout_ms", "timeout in milliseconds (instead of timeout_seconds)"),
            Param.Int("expected_status", "http(s): required status code (default any 2xx/3xx)"),
        ],
    };

    public async Task<ComponentOutput> ExecuteAsync(ToolRequest request, CancellationToken cancellationToken)
    {
        var target = request.RequireString("target");
        var type = request.String("check_type")?.Trim().ToLowerInvariant() ?? throw ToolFailureException.InvalidParameters("missing required parameter 'check_type'");
        if (!CheckTypes.Contains(type))
        {
            throw ToolFailureException.InvalidParameters($"parameter 'check_type': expected one of tcp, http, https, dns, got '{request.String("check_type")}'");
        }

        var parsed = ServiceTarget.Parse(target, type);
        var timeout = Timeout(request);
        var details = new JsonObject();
        var refusal = Refusal(parsed, type);
        var started = services.Time.GetTimestamp();
        bool available;
        string status;
        string? error = null;
        if (refusal is not null)
        {
            (available, status) = (false, $"not allowed: {refusal}");
        }
        else
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                (available, status) = type switch
                {
                    "tcp" => await CheckTcpAsync(parsed, details, cts.Token),
                    "dns" => await CheckDnsAsync(parsed, details, cts.Token),
                    _ => await CheckHttpAsync(parsed, SysText.OptInt(request, "expected_status"), details, cts.Token),
                };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                (available, status, error) = (false, "timeout", $"timed out after {(long)timeout.TotalMilliseconds} ms");
            }
            catch (Exception ex) when (ex is SocketException or HttpRequestException or IOException)
            {
                (available, status, error) = (false, "unreachable", ex.Message);
            }
        }

        var elapsed = (long)services.Time.GetElapsedTime(started).TotalMilliseconds;
        var result = new JsonObject
        {
            ["target"] = target,
            ["check_type"] = type,
            ["available"] = available,
            ["response_time_ms"] = elapsed,
            ["status"] = status,
        };
        if (error is not null)
        {
            result["error"] = error;
        }

        result["details"] = details;
        var message = available
            ? $"Service '{target}' is available ({elapsed}ms response time)"
            : $"Service '{target}' is not available: {error ?? status}";
        return Envelope.Success("check", message, result);
    }

    private static TimeSpan Timeout(ToolRequest request)
    {
        if (SysText.OptInt(request, "timeout_ms") is { } ms)
        {
            return ms is >= 1 and <= 30_000 ? TimeSpan.FromMilliseconds(ms) : throw ToolFailureException.InvalidParameters("parameter 'timeout_ms': must be between 1 and 30000");
        }

        var seconds = SysText.OptInt(request, "timeout_seconds") ?? 5;
        return seconds is >= 1 and <= 30 ? TimeSpan.FromSeconds(seconds) : throw ToolFailureException.InvalidParameters("parameter 'timeout_seconds': must be between 1 and 30");
    }

    /// <summary>The reason the policy refuses the target, or null (dns checks are not host-restricted).</summary>
    private string? Refusal(ServiceTarget target, string type)
    {
        if (type == "dns")
        {
            return null;
        }

        var config = services.Config;
        if (config.GetStrings("tools.network.blocked_hosts").Any(p => HostPatterns.Matches(p, target.Host)))
        {
            return $"host '{target.Host}' is blocked by tools.network.blocked_hosts";
        }

        if (!config.GetStrings("tools.service_checker.allowed_hosts").Any(p => HostPatterns.Matches(p, target.Host)))
        {
            return $"host '{target.Host}' is not in tools.service_checker.allowed_hosts";
        }

        if (config.GetInts("tools.service_checker.blocked_ports").Contains(target.Port))
        {
            return $"port {target.Port} is blocked by tools.service_checker.blocked_ports";
        }

        return config.GetInts("tools.service_checker.allowed_ports").Contains(target.Port)
            ? null
            : $"port {target.Port} is not in tools.service_checker.allowed_ports";
    }

    private static async Task<(bool, string)> CheckTcpAsync(ServiceTarget target, JsonObject details, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, ct);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(addresses, target.Port, ct);
        if (socket.RemoteEndPoint is IPEndPoint remote)
        {
            details["ip"] = remote.Address.ToString();
        }

        return (true, "open");
    }

    private static async Task<(bool, string)> CheckDnsAsync(ServiceTarget target, JsonObject details, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(target.Host, ct);
        details["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode?)JsonValue.Create(a.ToString()))]);
        if (addresses.Length > 0)
        {
            details["ip"] = addresses[0].ToString();
        }

        return addresses.Length > 0 ? (true, "resolved") : (false, "no addresses");
    }

    private async Task<(bool, string)> CheckHttpAsync(ServiceTarget target, long? expected, JsonObject details, CancellationToken ct)
    {
        var verify = services.Config.GetBool("tools.network.verify_ssl", true);
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        if (!verify)
        {
            // The operator turned verification off (tools.network.verify_ssl = false) on purpose.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        using var client = new HttpClient(handler) { Timeout = global::System.Threading.Timeout.InfiniteTimeSpan };
        using var head = new HttpRequestMessage(HttpMethod.Head, target.Url);
        using var response = await client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, ct);
        var code = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, target.Url);
            using var retry = await client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, ct);
            code = (int)retry.StatusCode;
        }

        details["status_code"] = code;
        var ok = expected is { } e ? code == e : code is >= 200 and < 400;
        return (ok, $"HTTP {code}");
    }
}
