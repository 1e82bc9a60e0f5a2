using System.Text;
using System.Text.Json.Nodes;

namespace LlmSpell.Tools.Network;

/// <summary>A fully read HTTP response.</summary>
internal sealed record NetResponse
{
    public required int StatusCode { get; init; }

    public required string StatusText { get; init; }

    /// <summary>Lower-case header names; repeated values joined with ", " (tools.md §5.14).</summary>
    public required JsonObject Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>The URL of the last hop.</summary>
    public required string FinalUrl { get; init; }

    public required long ElapsedMs { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public string? ContentType => Headers["content-type"]?.GetValue<string>();

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers[name.ToLowerInvariant()]?.GetValue<string>();
}
