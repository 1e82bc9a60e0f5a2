using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LlmSpell.Configuration;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>
/// The one HTTP client of a run: every web tool sends through it, so every request and every
/// redirect hop passes <see cref="NetworkPolicy"/>. Redirects are followed by hand (the handler's
/// own redirect support would skip the policy), and the socket connects only to the addresses the
/// policy checked (ConnectCallback), which closes the DNS-rebinding window.
/// </summary>
/// <remarks>Thread-safe; shared by concurrent tool calls.</remarks>
internal sealed class HttpGateway : IDisposable
{
    private static readonly HttpRequestOptionsKey<IReadOnlyList<IPAddress>> AddressesKey = new("llmspell.checked-addresses");

    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly int _maxRedirects;
    private readonly long _maxBytes;
    private readonly string _userAgent;

    public HttpGateway(LlmSpellConfig config, TimeProvider time, NetworkPolicy? policy = null)
    {
        Policy = policy ?? new NetworkPolicy(config);
        _time = time;
        _timeout = TimeSpan.FromSeconds(Math.Max(1, config.GetInt("tools.network.timeout_seconds", 30)));
        _maxRedirects = (int)Math.Max(0, config.GetInt("tools.network.max_redirects", 5));
        _maxBytes = config.GetInt("tools.network.max_response_bytes", 10_000_000);
        _userAgent = config.GetString("tools.network.user_agent") is { Length: > 0 } ua ? ua : $"{ProductInfo.Name}/{ProductInfo.Version}";
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        if (!config.GetBool("tools.network.verify_ssl", true))
        {
            // tools.network.verify_ssl = false is an explicit operator opt-out (self-signed test servers).
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public NetworkPolicy Policy { get; }

    public long MaxResponseBytes => _maxBytes;

    /// <summary>Sends a request; transport failures throw <see cref="NetworkException"/>, denials <see cref="ToolFailureException"/>.</summary>
    public async Task<NetResponse> SendAsync(NetRequest request, CancellationToken cancellationToken)
    {
        var timeout = request.Timeout ?? _timeout;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _time.GetTimestamp();
        var url = request.Url;
        var method = request.Method.ToUpperInvariant();
        var body = request.Body;
        var headers = request.Headers;
        var maxRedirects = request.MaxRedirects ?? _maxRedirects;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var admitted = await Policy.AdmitAsync(url, request.HostRules, linked.Token);
                using var message = BuildMessage(admitted, method, headers, body);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var status = (int)response.StatusCode;
                if (request.FollowRedirects && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= maxRedirects)
                    {
                        throw new NetworkException(NetworkFailureKind.Redirects, $"too many redirects (more than {maxRedirects}) starting at {request.Url}");
                    }

                    var next = new Uri(admitted.Uri, location);
                    if (!string.Equals(next.Authority, admitted.Uri.Authority, StringComparison.OrdinalIgnoreCase))
                    {
                        // Credentials are for the host they were given to, never for wherever it redirects.
                        headers = [.. headers.Where(h => !IsCredential(h.Key))];
                    }

                    url = next.AbsoluteUri;
                    if (status is 301 or 302 or 303 && method != "HEAD")
                    {
                        method = status == 303 || method == "POST" ? "GET" : method;
                        body = method == "GET" ? null : body;
                    }

                    continue;
                }

                var bytes = await ReadBodyAsync(response, linked.Token);
                return new NetResponse
                {
                    StatusCode = status,
                    StatusText = response.ReasonPhrase ?? response.StatusCode.ToString(),
                    Headers = HeaderMap(response),
                    Body = bytes,
                    FinalUrl = admitted.Uri.AbsoluteUri,
                    ElapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds,
                    RetryAfter = RetryAfter(response),
                };
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new NetworkException(NetworkFailureKind.Timeout, $"request to {url} timed out after {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            throw new NetworkException(NetworkFailureKind.Connect, $"request to {url} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Like <see cref="SendAsync"/>, with transport failures raised as tool failures.</summary>
    public async Task<NetResponse> SendOrRaiseAsync(NetRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(request, cancellationToken);
        }
        catch (NetworkException ex)
        {
            throw ex.ToToolFailure();
        }
    }

    private HttpRequestMessage BuildMessage(AdmittedUrl admitted, string method, IReadOnlyList<KeyValuePair<string, string>> headers, byte[]? body)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), admitted.Uri);
        message.Options.Set(AddressesKey, admitted.Addresses);
        string? contentType = null;
        var hasAgent = false;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
                continue;
            }

            hasAgent |= name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (!hasAgent)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return message;
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > _maxBytes)
        {
            throw TooLarge();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsCredential(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

    private NetworkException TooLarge() =>
        new(NetworkFailureKind.TooLarge, $"response body exceeds tools.network.max_response_bytes ({_maxBytes} bytes)");

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var values = response.Headers.TryGetValues("Retry-After", out var v) ? string.Join(",", v) : null;
        return UrlRules.ParseRetryAfter(values, _time.GetUtcNow());
    }

    private static JsonObject HeaderMap(HttpResponseMessage response)
    {
        var map = new JsonObject();
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = response.Headers;
        all = all.Concat(response.Content.Headers);
        foreach (var (name, values) in all.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            var key = name.ToLowerInvariant();
            var joined = string.Join(", ", values);
            map[key] = map[key] is { } existing ? existing.GetValue<string>() + ", " + joined : joined;
        }

        return map;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (!context.InitialRequestMessage.Options.TryGetValue(AddressesKey, out var addresses) || addresses.Count == 0)
        {
            // Every request is built by BuildMessage; a missing list means a bug, never a reason to resolve again.
            throw new HttpRequestException("no policy-checked address for " + context.DnsEndPoint.Host);
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException(last?.Message ?? "connection failed", last);
    }

    public void Dispose() => _client.Dispose();
}
