using System.Security.Cryptography;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vci;

/// <summary>Random bearer secrets (256 bits, base64url) and the SHA-256 under which they are stored: a database leak yields no usable code.</summary>
internal static class Secrets
{
    public static string New() => B64.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => B64.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>A numeric transaction code of <paramref name="length"/> digits, uniformly drawn.</summary>
    public static string Digits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
