using Nara.Audit.Domain;
using Nara.Audit.Signing;

namespace Nara.Audit.Features;

/// <summary>A signing key as published (API and witness files): public key, validity start and endorsement.</summary>
public sealed record WitnessedKey(string KeyId, string PublicKey, long ValidFrom, string? PreviousKeyId, string? Endorsement, string Algorithm = "ES256")
{
    internal static WitnessedKey From(SigningKeyRecord record) => new(
        record.KeyId,
        Convert.ToBase64String(record.PublicKey),
        record.ValidFrom,
        record.PreviousKeyId,
        record.Endorsement is null ? null : Convert.ToBase64String(record.Endorsement));

    /// <summary>The key as a JWK, for verifiers that take keys in that form.</summary>
    public object Jwk()
    {
        var (x, y) = AuditKeys.Coordinates(Convert.FromBase64String(PublicKey));
        return new { kty = "EC", crv = "P-256", x, y, kid = KeyId, alg = Algorithm, use = "sig" };
    }
}
