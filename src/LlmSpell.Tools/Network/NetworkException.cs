using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>What went wrong in transport (policy denials are <see cref="ToolFailureException"/> instead).</summary>
internal enum NetworkFailureKind
{
    /// <summary>The host name could not be resolved.</summary>
    Resolve,

    /// <summary>Connection refused/reset, TLS failure, protocol error.</summary>
    Connect,

    /// <summary>The per-request timeout elapsed.</summary>
    Timeout,

    /// <summary>The body exceeded tools.network.max_response_bytes.</summary>
    TooLarge,

    /// <summary>Too many redirects.</summary>
    Redirects,
}

/// <summary>
/// A transport failure of one request. Tools with the raise style convert it with
/// <see cref="ToToolFailure"/>; webhook_caller inspects <see cref="Kind"/> to decide on retries.
/// </summary>
internal sealed class NetworkException(NetworkFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public NetworkFailureKind Kind { get; } = kind;

    public string Code => Kind == NetworkFailureKind.Timeout ? "timeout" : "network_error";

    public ToolFailureException ToToolFailure() => ToolFailureException.Failed(Message, Code);
}
