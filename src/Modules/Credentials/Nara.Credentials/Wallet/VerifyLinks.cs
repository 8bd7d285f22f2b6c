using System.Security.Cryptography;
using System.Text;

namespace Nara.Credentials.Wallet;

/// <summary>
/// How a wallet presentation reaches the public /verify page without a verifier's own request: as a link
/// <c>{origin}/verify?p={presentation}</c> (a QR on the screen or on paper). The KB-JWT names this page as its
/// audience: <see cref="LiveAudience"/> for a screen QR (the usual five minutes), <see cref="PrintAudience"/> for a
/// printed certificate, which stays verifiable for <c>PrintedPresentationValidity</c>. Presentation characters
/// (base64url, '.', '~') are all unreserved in URLs, so the link needs no escaping.
/// </summary>
internal static class VerifyLinks
{
    public static string LiveAudience(string origin) => origin + "/verify";

    public static string PrintAudience(string origin) => origin + "/verify/print";

    public static string Link(string origin, string presentation) => origin + "/verify?p=" + presentation;

    /// <summary>
    /// The presentation in a pasted link (what the QR carries), or the text itself when it is not a link.
    /// </summary>
    public static string Unwrap(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        var query = trimmed.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return trimmed;
        }

        foreach (var pair in trimmed[(query + 1)..].Split('&'))
        {
            if (pair.StartsWith("p=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[2..]);
            }
        }

        return trimmed;
    }

    /// <summary>
    /// A short reference printed on the certificate and shown by /verify, so a reader can match the paper to the
    /// QR: the first 50 bits of SHA-256 over the presentation, as ten base32 characters in two groups.
    /// </summary>
    public static string Reference(string presentation)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(presentation));
        var bits = ((ulong)hash[0] << 42) | ((ulong)hash[1] << 34) | ((ulong)hash[2] << 26) | ((ulong)hash[3] << 18) | ((ulong)hash[4] << 10) | ((ulong)hash[5] << 2) | ((ulong)hash[6] >> 6);
        var text = new StringBuilder(11);
        for (var i = 9; i >= 0; i--)
        {
            text.Append(alphabet[(int)((bits >> (5 * i)) & 31)]);
            if (i == 5)
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }
}
