using System.Globalization;
using LlmSpell.Tools.Infrastructure;

namespace LlmSpell.Tools.Sys;

/// <summary>A parsed service_checker target: host, port (0 for dns) and, for http(s), the URL.</summary>
internal sealed record ServiceTarget(string Host, int Port, Uri? Url)
{
    /// <summary>Parses <paramref name="target"/> for a check type; malformed targets raise invalid parameters.</summary>
    public static ServiceTarget Parse(string target, string checkType)
    {
        var t = target.Trim();
        switch (checkType)
        {
            case "tcp":
                {
                    var colon = t.LastIndexOf(':');
                    if (colon <= 0 || !int.TryParse(t[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                    {
                        throw Malformed(target, "tcp", "host:port");
                    }

                    var host = t[..colon].Trim('[', ']');
                    return host.Length == 0 || host.Contains(' ', StringComparison.Ordinal) ? throw Malformed(target, "tcp", "host:port") : new ServiceTarget(host.ToLowerInvariant(), port, null);
                }

            case "http" or "https":
                {
                    var text = t.Contains("://", StringComparison.Ordinal) ? t : $"{checkType}://{t}";
                    if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https") || url.Host.Length == 0)
                    {
                        throw Malformed(target, checkType, "an http(s) URL");
                    }

                    return new ServiceTarget(url.IdnHost.Trim('[', ']').ToLowerInvariant(), url.Port, url);
                }

            default:
                {
                    var host = t.TrimEnd('.');
                    return host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@')
                        ? throw Malformed(target, "dns", "a host name")
                        : new ServiceTarget(host.ToLowerInvariant(), 0, null);
                }
        }
    }

    private static ToolFailureException Malformed(string target, string type, string expected) =>
        ToolFailureException.InvalidParameters($"parameter 'target': '{target}' is not a valid {type} target (expected {expected})");
}
