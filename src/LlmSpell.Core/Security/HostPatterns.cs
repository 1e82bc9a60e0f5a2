namespace LlmSpell.Security;

/// <summary>Host patterns of the network policy: exact host, <c>*.example.com</c> (subdomains, not the apex) or <c>*</c>.</summary>
public static class HostPatterns
{
    public static bool Matches(string pattern, string host)
    {
        var p = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        if (p == "*")
        {
            return true;
        }

        if (p.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(p[1..], StringComparison.Ordinal) && host.Length > p.Length - 1;
        }

        return string.Equals(p, host, StringComparison.Ordinal);
    }
}
