using System.Security.Cryptography;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.Wallet;

namespace Nara.Credentials.Features;

/// <summary>
/// Puts a credential of any type into the citizen's web wallet with the holder key the portal made for it (see
/// <see cref="NewHolderKey"/>): sealed, and audited. Any issuing path fills the wallet the same way: make a key, issue
/// bound to its public JWK, add. The caller saves (so issuing and adding commit together).
/// </summary>
internal sealed class AddToWallet(CredentialsDbContext db, WalletVault vault, TimeProvider clock)
{
    /// <summary>A fresh P-256 key for one credential: a web-wallet key is never reused across credentials.</summary>
    public static ECDsa NewHolderKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public WalletCredential Add(Guid id, long residentId, string type, string credential, ECDsa holderKey, CredentialActor actor)
    {
        var claims = WalletClaims.Read(credential) ?? throw new ArgumentException("Not an SD-JWT.", nameof(credential));
        var now = clock.GetUtcNow();
        var entry = new WalletCredential
        {
            Id = id,
            ResidentId = residentId,
            Type = type,
            IssuedAt = claims.IssuedAt ?? now,
            ExpiresAt = claims.ExpiresAt ?? DateTimeOffset.MaxValue,
            AddedAt = now,
            Sealed = vault.Seal(residentId, credential, holderKey),
        };
        db.Wallet.Add(entry);
        db.Publish(new WalletCredentialAdded(id, residentId, type, actor, now), now);
        return entry;
    }
}
