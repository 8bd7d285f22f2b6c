namespace Nara.Consent.Contracts;

/// <summary>
/// The seam the information mediator (Exchange) uses before it releases a resident's data: is there a
/// consent record that lets <c>recipient</c> receive these attributes for this purpose, now? The answer is
/// computed from the stored, hash-chained record; a record whose chain or signature does not verify is
/// refused as <see cref="ConsentRefusals.Tampered"/>. Withdrawal takes effect for the very next call: the
/// record row is read every time, and a chain already verified is reused only while the row is unchanged.
/// </summary>
public interface IConsentVerifier
{
    /// <param name="consentRecordId">The consent record the request names.</param>
    /// <param name="individualId">The data subject: the Registries resident id, as decimal digits.</param>
    /// <param name="dataAgreementId">The data agreement the request claims to act under.</param>
    /// <param name="purpose">The purpose code of the request; must equal the agreement's <c>purposeCode</c>.</param>
    /// <param name="attributes">The attribute names to be released; each must be in the agreement.</param>
    /// <param name="recipient">Who receives the data: an agency code (e.g. <c>MOHW</c>) or an OAuth client id.</param>
    Task<ConsentVerdict> VerifyAsync(
        Guid consentRecordId,
        string individualId,
        Guid dataAgreementId,
        string purpose,
        IReadOnlyCollection<string> attributes,
        string recipient,
        CancellationToken cancellationToken);

    /// <summary>The individual's current opted-in record under the agreement, for callers that do not carry a record id.</summary>
    Task<Guid?> FindActiveConsentAsync(string individualId, Guid dataAgreementId, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="IConsentVerifier.VerifyAsync"/>.</summary>
/// <param name="Allowed">True only when every check passed.</param>
/// <param name="Refusal">One of <see cref="ConsentRefusals"/> when refused; null when allowed.</param>
/// <param name="Detail">A plain English sentence for logs and problem details (no personal data).</param>
/// <param name="RevisionHash">The hash of the record's head revision that was checked (evidence for the access log).</param>
/// <param name="DataAgreementVersion">The agreement version the consent was given to.</param>
/// <param name="ValidUntil">When the consent stops being valid; null when it has no end.</param>
/// <param name="Delivery">The agreement's delivery mode: <see cref="ConsentDelivery.OneTime"/> or <see cref="ConsentDelivery.Periodic"/>.</param>
public sealed record ConsentVerdict(
    bool Allowed,
    string? Refusal,
    string Detail,
    string? RevisionHash = null,
    int? DataAgreementVersion = null,
    DateTimeOffset? ValidUntil = null,
    string? Delivery = null)
{
    public static ConsentVerdict Refused(string refusal, string detail) => new(false, refusal, detail);
}

/// <summary>Stable refusal reasons. Clients and the access log switch on these strings; they never change.</summary>
public static class ConsentRefusals
{
    /// <summary>No such consent record, or it belongs to another individual or another agreement.</summary>
    public const string Unknown = "unknown";

    /// <summary>The individual withdrew (opted out); takes effect immediately.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The validity period has ended (or not begun).</summary>
    public const string Expired = "expired";

    /// <summary>The request's purpose is not the agreement's purpose.</summary>
    public const string PurposeOutOfScope = "purpose-out-of-scope";

    /// <summary>At least one requested attribute is not in the agreement.</summary>
    public const string AttributeOutOfScope = "attribute-out-of-scope";

    /// <summary>The caller is not a recipient named by the agreement.</summary>
    public const string RecipientMismatch = "recipient-mismatch";

    /// <summary>The agreement was deactivated or deleted by its controller.</summary>
    public const string AgreementInactive = "agreement-inactive";

    /// <summary>The record's revision chain or signature does not verify: someone changed stored data.</summary>
    public const string Tampered = "tampered";

    public static IReadOnlyList<string> All { get; } =
        [Unknown, Withdrawn, Expired, PurposeOutOfScope, AttributeOutOfScope, RecipientMismatch, AgreementInactive, Tampered];
}

public static class ConsentDelivery
{
    public const string OneTime = "one-time";
    public const string Periodic = "periodic";
}
