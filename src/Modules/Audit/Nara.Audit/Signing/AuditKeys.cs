using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nara.Audit.Signing;

/// <summary>Key ids, verification with a public key alone, and the bytes a retiring key signs to endorse its successor.</summary>
internal static class AuditKeys
{
    private static readonly byte[] EndorsementLabel = Encoding.ASCII.GetBytes("nara-audit-key-endorsement-v1\0");

    public static byte[] PublicKeyOf(ECDsa key) => key.ExportSubjectPublicKeyInfo();

    /// <summary>The first 16 characters of the base64url SHA-256 of the SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(byte[] publicKey) => Base64Url(SHA256.HashData(publicKey))[..16];

    public static bool Verify(byte[] publicKey, byte[] data, byte[] signature)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.KeySize == 256 && key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// What the retiring key signs: a label, the new key's SubjectPublicKeyInfo, the retiring key's id and the
    /// moment the new key takes over (ms), each length-prefixed, so no endorsement can be read as another.
    /// </summary>
    public static byte[] EndorsementInput(string previousKeyId, byte[] publicKey, long validFrom)
    {
        var previous = Encoding.ASCII.GetBytes(previousKeyId);
        var bytes = new byte[EndorsementLabel.Length + 4 + previous.Length + 4 + publicKey.Length + 8];
        var span = bytes.AsSpan();
        EndorsementLabel.CopyTo(span);
        span = span[EndorsementLabel.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, previous.Length);
        previous.CopyTo(span[4..]);
        span = span[(4 + previous.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, publicKey.Length);
        publicKey.CopyTo(span[4..]);
        span = span[(4 + publicKey.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, validFrom);
        return bytes;
    }

    public static (string X, string Y) Coordinates(byte[] publicKey)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKey, out _);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return (Base64Url(parameters.Q.X!), Base64Url(parameters.Q.Y!));
    }

    public static string Pem(byte[] publicKey) => PemEncoding.WriteString("PUBLIC KEY", publicKey);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
