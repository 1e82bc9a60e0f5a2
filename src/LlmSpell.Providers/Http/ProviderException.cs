namespace LlmSpell.Providers.Http;

/// <summary>
/// A provider call that failed, with a message fit for users that names the provider and the cause
/// (<c>provider 'openai' returned HTTP 401: Incorrect API key provided</c>, behaviours.md §2.5).
/// </summary>
public sealed class ProviderException : Exception
{
    public ProviderException(string provider, string message, int? status = null, bool unavailable = false, Exception? inner = null)
        : base(message, inner)
    {
        Provider = provider;
        Status = status;
        Unavailable = unavailable;
    }

    public ProviderException()
    {
        Provider = "";
    }

    public ProviderException(string message)
        : base(message)
    {
        Provider = "";
    }

    public ProviderException(string message, Exception inner)
        : base(message, inner)
    {
        Provider = "";
    }

    public string Provider { get; }

    /// <summary>HTTP status, when the provider answered.</summary>
    public int? Status { get; }

    /// <summary>
    /// True when the provider could not serve the call at all (breaker open, retries exhausted on a
    /// retryable error, unreachable): the fallback model chain applies.
    /// </summary>
    public bool Unavailable { get; }

    /// <summary>Finds a provider failure in an exception chain (SDKs wrap what the transport throws).</summary>
    public static ProviderException? Find(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is ProviderException p)
            {
                return p;
            }

            if (e is AggregateException { InnerExceptions.Count: > 0 } agg)
            {
                return Find(agg.InnerExceptions[0]);
            }
        }

        return null;
    }
}
