using System.Security.Cryptography;
using System.Text;

namespace LlmSpell.Tools.Web;

/// <summary>
/// Webhook signatures. Scheme: the timestamp header carries Unix seconds <c>t</c>; the signature
/// header carries <c>sha256=&lt;lower-case hex of HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// Signing the timestamp with the body lets receivers reject replays of old deliveries.
/// </summary>
internal static class WebhookSigner
{
    public const string DefaultSignatureHeader = "X-Webhook-Signature";

    public const string TimestampHeader = "X-Webhook-Timestamp";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), content));
    }
}
