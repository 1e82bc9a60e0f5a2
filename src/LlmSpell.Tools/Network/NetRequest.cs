namespace LlmSpell.Tools.Network;

/// <summary>One HTTP request a tool asks the gateway to send.</summary>
internal sealed record NetRequest
{
    public required string Url { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Request headers (names as given; Content-Type is taken from here when a body is sent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>Per-request time limit (tools.network.timeout_seconds when null).</summary>
    public TimeSpan? Timeout { get; init; }

    public bool FollowRedirects { get; init; } = true;

    /// <summary>Redirect limit (tools.network.max_redirects when null).</summary>
    public int? MaxRedirects { get; init; }

    /// <summary>Extra host rules of the calling tool.</summary>
    public HostRules? HostRules { get; init; }
}
