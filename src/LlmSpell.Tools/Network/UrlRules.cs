using System.Globalization;
using System.Text.RegularExpressions;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Network;

/// <summary>URL syntax rules of the network policy (tools.md §2.2 rules 2 and 3).</summary>
internal static partial class UrlRules
{
    /// <summary>
    /// Parses an absolute http(s) URL. Rejects other schemes, encoded NUL/LF/CR, and IPv4
    /// literals not written in canonical dotted-decimal form (System.Uri silently canonicalises
    /// <c>http://2130706433/</c> to 127.0.0.1, so the raw spelling is checked).
    /// </summary>
    public static Uri ParseHttpUrl(string url)
    {
        var text = url.Trim();
        if (text.Length == 0)
        {
            throw ToolFailureException.InvalidParameters("URL is empty");
        }

        if (text.Contains("%00", StringComparison.Ordinal) || text.Contains("%0a", StringComparison.OrdinalIgnoreCase) || text.Contains("%0d", StringComparison.OrdinalIgnoreCase))
        {
            throw ToolFailureException.Security($"URL '{text}' contains an encoded control character (%00, %0a or %0d)");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || text.StartsWith('/'))
        {
            throw ToolFailureException.InvalidParameters($"invalid URL '{text}': expected an absolute http or https URL");
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            throw ToolFailureException.Security($"URL scheme '{uri.Scheme}' is not allowed (only http and https)");
        }

        if (uri.HostNameType == UriHostNameType.IPv4 && !string.Equals(RawHost(text), uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            throw ToolFailureException.Security($"URL '{text}' writes an IP address in integer, octal or hexadecimal form");
        }

        if (uri.Host.Length == 0)
        {
            throw ToolFailureException.InvalidParameters($"invalid URL '{text}': no host");
        }

        return uri;
    }

    /// <summary>Lower-cased, IDNA-encoded host without a trailing dot (brackets kept off IPv6).</summary>
    public static string NormalizedHost(Uri uri) => uri.IdnHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>The host exactly as written in the URL text.</summary>
    public static string RawHost(string text)
    {
        var match = AuthorityPattern().Match(text);
        if (!match.Success)
        {
            return "";
        }

        var authority = match.Groups[1].Value;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        if (authority.StartsWith('['))
        {
            return authority;
        }

        var colon = authority.LastIndexOf(':');
        return (colon >= 0 ? authority[..colon] : authority).TrimEnd('.');
    }

    /// <summary>The Retry-After header as a delay (seconds or an HTTP date), or null.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*://([^/?#]*)")]
    private static partial Regex AuthorityPattern();
}
