namespace Nara.Consent.Domain;

/// <summary>
/// An individual's answer to one data agreement (GovStack <c>ConsentRecord</c>). The row holds the current
/// state; its history is the hash chain of <see cref="Revision"/>s, whose head hash is repeated here and
/// signed (<see cref="Signature"/>). A change to the row without a new revision is caught by verification.
/// </summary>
internal sealed class ConsentRecord
{
    public Guid Id { get; set; }

    public Guid DataAgreementId { get; set; }

    public Guid DataAgreementRevisionId { get; set; }

    public required string DataAgreementRevisionHash { get; set; }

    public int DataAgreementVersion { get; set; }

    /// <summary>The Registries resident id, as decimal digits.</summary>
    public required string IndividualId { get; set; }

    public bool OptIn { get; set; }

    /// <summary>unsigned | signed.</summary>
    public string State { get; set; } = ConsentStates.Unsigned;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ValidFrom { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public int RevisionCount { get; set; }

    public required string HeadHash { get; set; }

    public Guid? SignatureId { get; set; }
}

internal static class ConsentStates
{
    public const string Unsigned = "unsigned";
    public const string Signed = "signed";
}
