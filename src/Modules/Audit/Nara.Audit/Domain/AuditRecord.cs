namespace Nara.Audit.Domain;

/// <summary>
/// A stored audit entry: a leaf of the Merkle log. Rows are only ever inserted; <see cref="Index"/> is
/// dense from 0. Time is kept as Unix microseconds so both databases give back exactly the value that
/// was hashed.
/// </summary>
internal sealed class AuditRecord
{
    public long Index { get; set; }

    public long TimeMicros { get; set; }

    public required string ActorKind { get; set; }

    public required string ActorId { get; set; }

    public string? ActorAgency { get; set; }

    public string? ActorRole { get; set; }

    public required string Action { get; set; }

    public required string SubjectType { get; set; }

    public required string SubjectId { get; set; }

    public string? Purpose { get; set; }

    public required string Outcome { get; set; }

    public string? CorrelationId { get; set; }

    public required string Module { get; set; }

    /// <summary>JSON object of string values, keys sorted; null when there is no detail.</summary>
    public string? Detail { get; set; }

    /// <summary>The integration event this entry records ("D" format); unique, so a redelivery adds nothing.</summary>
    public string? MessageId { get; set; }

    public required byte[] LeafHash { get; set; }

    public DateTimeOffset Time => DateTimeOffset.UnixEpoch.AddTicks(TimeMicros * 10);
}

/// <summary>The hash of a complete subtree of 2^level leaves (level ≥ 1); see Merkle.PerfectRange.</summary>
internal sealed class AuditNode
{
    public long Id { get; set; }

    public required byte[] Hash { get; set; }
}

/// <summary>A signed tree head (RFC 6962 §3.5): the root over the first TreeSize entries, signed ES256.</summary>
internal sealed class TreeHead
{
    public long TreeSize { get; set; }

    public required byte[] RootHash { get; set; }

    /// <summary>Milliseconds since the Unix epoch, as in RFC 6962.</summary>
    public long Timestamp { get; set; }

    /// <summary>IEEE P1363 (r‖s) ECDSA P-256 signature over <see cref="Signing.TreeHeadSignature.Input"/>.</summary>
    public required byte[] Signature { get; set; }

    public required string KeyId { get; set; }
}

/// <summary>
/// One key in the history of tree-head signing keys. The first has no predecessor; every later one is endorsed
/// by the key it replaced, so a verifier that trusts the first key can follow the chain to the current one.
/// </summary>
internal sealed class SigningKeyRecord
{
    public required string KeyId { get; set; }

    /// <summary>DER SubjectPublicKeyInfo of the P-256 key.</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>Milliseconds since the Unix epoch from which heads are signed with this key.</summary>
    public long ValidFrom { get; set; }

    public string? PreviousKeyId { get; set; }

    /// <summary>The previous key's ES256 signature over <see cref="Signing.AuditKeys.EndorsementInput"/>; null for the first key.</summary>
    public byte[]? Endorsement { get; set; }
}
