using System.Security.Cryptography;
using System.Text;

namespace LlmSpell.Tools.Web;

/// <summary>
/// Webhook signatures as tools.md §5.33 specifies them: the signature header carries
/// <c>sha256=&lt;lower-case hex of HMAC-SHA256(secret, body)&gt;</c>, so any receiver written for
/// LLMSpell verifies it. The delivery time travels separately in <see cref="TimestampHeader"/>
/// (Unix seconds) for receivers that want to reject stale deliveries.
/// </summary>
internal static class WebhookSigner
{
    public const string DefaultSignatureHeader = "X-Webhook-Signature";

    public const string TimestampHeader = "X-Webhook-Timestamp";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
