using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nara.Credentials.SdJwt;

/// <summary>base64url without padding (RFC 7515 §2) and the SHA-256 digests SD-JWT uses.</summary>
internal static class B64
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static string Encode(string utf8) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(utf8));

    /// <summary>Decodes base64url; null when the text is not valid base64url (padding is refused too).</summary>
    public static byte[]? TryDecode(string text)
    {
        if (text.Length == 0 || text.Contains('=', StringComparison.Ordinal) || !Base64Url.IsValid(text))
        {
            return text.Length == 0 ? [] : null;
        }

        return Base64Url.DecodeFromChars(text);
    }

    /// <summary>base64url(SHA-256(ASCII(text))): the digest of a disclosure, and the KB-JWT's sd_hash.</summary>
    public static string Sha256(string ascii) => Sha256(ascii.AsSpan());

    /// <inheritdoc cref="Sha256(string)"/>
    public static string Sha256(ReadOnlySpan<char> ascii)
    {
        // Verifiers hash every disclosure and the presentation (sd_hash): no byte copy left behind per call.
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetMaxByteCount(ascii.Length));
        try
        {
            var length = Encoding.ASCII.GetBytes(ascii, rented);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, length), digest);
            return Base64Url.EncodeToString(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
