namespace Nara.Credentials.Domain;

/// <summary>
/// A credential in a citizen's web wallet: the holder's store, kept by the portal for the citizen. The credential
/// (with all its claims) and the holder's private key are one Data Protection blob, <see cref="Sealed"/>, bound to the
/// resident; only what the list page needs is in clear. Deleting the row deletes the key.
/// </summary>
internal sealed class WalletCredential
{
    /// <summary>The wallet entry; for a credential this host issued, the issued credential's id.</summary>
    public Guid Id { get; set; }

    public long ResidentId { get; set; }

    /// <summary>The credential type's short id (<c>CredentialTypes</c>).</summary>
    public string Type { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>IDataProtector output over {credential, holder key}; the purpose names the resident.</summary>
    public byte[] Sealed { get; set; } = [];
}
