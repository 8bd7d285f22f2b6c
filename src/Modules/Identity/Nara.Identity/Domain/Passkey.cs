namespace Nara.Identity.Domain;

/// <summary>
/// A WebAuthn credential of an account. Only the public key is stored; the private key never leaves the
/// person's authenticator (phone, computer, security key), which is why a passkey cannot be phished.
/// </summary>
internal sealed class Passkey
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required byte[] CredentialId { get; set; }

    /// <summary>COSE-encoded public key.</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>The authenticator's signature counter; many passkey managers always send 0.</summary>
    public long SignCount { get; set; }

    /// <summary>A name the person chose, e.g. "내 휴대폰".</summary>
    public required string Nickname { get; set; }

    /// <summary>Authenticator model (AAGUID); all zeros when the authenticator keeps it private.</summary>
    public Guid AaGuid { get; set; }

    /// <summary>Space-separated transports the browser reported ("internal hybrid usb").</summary>
    public string Transports { get; set; } = "";

    /// <summary>True when the passkey is synced (e.g. by a platform passkey manager).</summary>
    public bool IsBackedUp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
