using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace LlmSpell.Tools.Utility.Validation;

/// <summary>The built-in format checks of data_validation (email, url, custom names).</summary>
internal static partial class FormatChecks
{
    public static readonly string[] CustomNames = ["phone", "uuid", "credit_card", "ipv4", "ipv6"];

    public static bool Email(string s) => EmailPattern().IsMatch(s);

    public static bool Url(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ftp" or "ftps" or "ws" or "wss" && u.Host.Length > 0;

    public static bool Custom(string name, string s) => name switch
    {
        "phone" => PhonePattern().IsMatch(s) && s.Count(char.IsAsciiDigit) is >= 7 and <= 15,
        "uuid" => Guid.TryParseExact(s, "D", out _),
        "credit_card" => Luhn(s),
        "ipv4" => IPAddress.TryParse(s, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && s.Count(c => c == '.') == 3,
        _ => s.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(s, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6,
    };

    /// <summary>Luhn checksum over 13–19 digits (spaces and dashes ignored).</summary>
    public static bool Luhn(string s)
    {
        var digits = s.Where(c => c is not (' ' or '-')).ToArray();
        if (digits.Length is < 13 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9\s\-().]{7,24}$")]
    private static partial Regex PhonePattern();
}
