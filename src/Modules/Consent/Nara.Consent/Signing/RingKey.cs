using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Nara.Consent.Signing;

/// <summary>One public key of the consent signing ring and when it was valid.</summary>
/// <param name="PublicKey">SubjectPublicKeyInfo, base64.</param>
/// <param name="RetiredAt">When a rotation replaced it; null for the current key. Nothing signed later verifies with it.</param>
internal sealed record RingKey(string KeyId, string PublicKey, DateTimeOffset ActivatedAt, DateTimeOffset? RetiredAt)
{
    public static string Thumbprint(byte[] publicKey) => Base64UrlEncoder.Encode(SHA256.HashData(publicKey))[..16];

    public ECDsaSecurityKey SecurityKey()
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(PublicKey), out _);
        return new ECDsaSecurityKey(key) { KeyId = KeyId };
    }

    public JsonWebKey Jwk() => ToJwk(Convert.FromBase64String(PublicKey), KeyId);

    public static JsonWebKey ToJwk(byte[] publicKey, string keyId)
    {
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(publicKey, out _);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(publicOnly.ExportParameters(false))) { KeyId = keyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        return jwk;
    }
}

/// <summary>The ring's public keys as a JSON file next to the private key (public data; replaced atomically).</summary>
internal sealed class KeyRingFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = path;

    public Dictionary<string, RingKey> Load() =>
        File.Exists(Path)
            ? (JsonSerializer.Deserialize<List<RingKey>>(File.ReadAllText(Path), Json) ?? []).ToDictionary(k => k.KeyId)
            : [];

    public void Save(IEnumerable<RingKey> keys)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var staged = Path + ".tmp";
        File.WriteAllText(staged, JsonSerializer.Serialize(keys.OrderBy(k => k.ActivatedAt).ToList(), Json));
        File.Move(staged, Path, overwrite: true);
    }
}
