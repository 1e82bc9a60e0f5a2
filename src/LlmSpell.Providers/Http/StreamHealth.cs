namespace LlmSpell.Providers.Http;

/// <summary>
/// Records that a streamed response body broke (connection reset, premature end). Some SDK
/// adapters end the update stream quietly when the body breaks; the agent checks this after
/// streaming so a broken stream is reported instead of returning a partial reply as complete.
/// The holder flows from the caller into the HTTP handler through an <see cref="AsyncLocal{T}"/>.
/// </summary>
public sealed class StreamHealth
{
    private static readonly AsyncLocal<StreamHealth?> Ambient = new();

    /// <summary>The holder of the current call, if the caller installed one.</summary>
    public static StreamHealth? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>The read failure, or null while the body is healthy.</summary>
    public string? Failure { get; set; }
}
