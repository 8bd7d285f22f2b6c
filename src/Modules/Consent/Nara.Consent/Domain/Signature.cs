namespace Nara.Consent.Domain;

/// <summary>
/// The platform's ES256 signature over a consent record revision (GovStack <c>Signature</c>): a compact JWS
/// whose payload names the record, the revision and its hash. It is what the citizen's receipt carries.
/// </summary>
internal sealed class Signature
{
    public Guid Id { get; set; }

    public Guid ConsentRecordId { get; set; }

    public Guid RevisionId { get; set; }

    /// <summary>The JWS payload (JSON), as signed.</summary>
    public required string Payload { get; set; }

    /// <summary>The compact JWS (header.payload.signature).</summary>
    public required string Jws { get; set; }

    /// <summary>Key id of the signing key (a thumbprint of its public key).</summary>
    public required string KeyId { get; set; }

    /// <summary>Who the signature stands for: the individual (signed in) or the agency client acting for them.</summary>
    public required string SignedAs { get; set; }

    public DateTimeOffset Timestamp { get; set; }
}
