namespace Nara.Consent.Domain;

/// <summary>
/// One version of a policy, data agreement or consent record (GovStack <c>Revision</c>). Append-only.
/// <see cref="SerializedHash"/> is SHA-256 over the predecessor's hash and this snapshot, so each hash
/// commits to the whole history before it: changing, removing or reordering any revision breaks every
/// hash after it (<see cref="Features.RevisionChain"/>).
/// </summary>
internal sealed class Revision
{
    public Guid Id { get; set; }

    /// <summary>policy | dataAgreement | consentRecord.</summary>
    public required string SchemaName { get; set; }

    public Guid ObjectId { get; set; }

    /// <summary>1, 2, 3… per object.</summary>
    public int Sequence { get; set; }

    /// <summary>The object as JSON, exactly as hashed.</summary>
    public required string SerializedSnapshot { get; set; }

    /// <summary>Lower-case hex.</summary>
    public required string SerializedHash { get; set; }

    /// <summary>The previous revision's hash; empty for the first.</summary>
    public required string PredecessorHash { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? AuthorizedByIndividual { get; set; }

    public string? AuthorizedByOther { get; set; }
}

internal static class SchemaNames
{
    public const string Policy = "policy";
    public const string DataAgreement = "dataAgreement";
    public const string ConsentRecord = "consentRecord";
}
