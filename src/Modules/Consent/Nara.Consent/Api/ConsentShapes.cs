using System.Globalization;
using Nara.Consent.Domain;

namespace Nara.Consent.Api;

// GovStack Consent BB 1.1 wire shapes (camelCase through the host's JSON options). Snapshots in the revision
// chain are these same records serialized, so what is hashed is what a client reads.

internal sealed record PolicyShape(
    string Id, string Name, string Version, string Url, string Jurisdiction, string? IndustrySector,
    int DataRetentionPeriodDays, string? GeographicRestriction, string? StorageLocation, bool ThirdPartyDataSharing)
{
    public static PolicyShape Of(Policy p) => new(
        p.Id.ToString(), p.Name, p.Version.ToString(CultureInfo.InvariantCulture), p.Url, p.Jurisdiction, p.IndustrySector,
        p.DataRetentionPeriodDays, p.GeographicRestriction, p.StorageLocation, p.ThirdPartyDataSharing);
}

internal sealed record ControllerShape(string Id, string Name, string? Url);

internal sealed record AttributeShape(string Name, string Description, string? DescriptionKo, bool Sensitivity, string Category);

internal sealed record DataAgreementShape(
    string Id, string Version, ControllerShape Controller, PolicyShape? Policy, string Purpose, string PurposeKo,
    string PurposeCode, string LawfulBasis, string DataUse, string? Dpia, bool Active, bool Forgettable, string Lifecycle,
    IReadOnlyList<AttributeShape> DataAttributes, IReadOnlyList<string> Recipients, string Delivery,
    int? DeliveryIntervalDays, int? ValidityDays, int RetentionDays)
{
    public static DataAgreementShape Of(DataAgreement a, Policy? policy) => new(
        a.Id.ToString(), a.Version.ToString(CultureInfo.InvariantCulture), new ControllerShape(a.ControllerId, a.ControllerName, a.ControllerUrl),
        policy is null ? null : PolicyShape.Of(policy), a.Purpose, a.PurposeKo, a.PurposeCode, a.LawfulBasis, a.DataUse, a.Dpia,
        a.Active, a.Forgettable, a.Lifecycle,
        [.. a.Attributes.Select(x => new AttributeShape(x.Name, x.Description, x.DescriptionKo, x.Sensitivity, x.Category))],
        a.Recipients, a.Delivery, a.DeliveryIntervalDays, a.ValidityDays, a.RetentionDays);
}

/// <summary>What a consent record revision hashes: the record without its signature (which signs this).</summary>
internal sealed record ConsentSnapshot(
    string Id, string DataAgreement, string DataAgreementRevision, string DataAgreementRevisionHash, string Individual,
    bool OptIn, string State, string? ValidFrom, string? ValidUntil, string? WithdrawnAt)
{
    public static ConsentSnapshot Of(ConsentRecord r) => new(
        r.Id.ToString(), r.DataAgreementId.ToString(), r.DataAgreementRevisionId.ToString(), r.DataAgreementRevisionHash,
        r.IndividualId, r.OptIn, r.State, Time(r.ValidFrom), Time(r.ValidUntil), Time(r.WithdrawnAt));

    public static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

internal sealed record ConsentRecordShape(
    string? Id, string DataAgreement, string DataAgreementRevision, string DataAgreementRevisionHash, string Individual,
    bool OptIn, string State, string? Signature, string? ValidFrom, string? ValidUntil, string? WithdrawnAt)
{
    public static ConsentRecordShape Of(ConsentRecord r) => new(
        r.Id.ToString(), r.DataAgreementId.ToString(), r.DataAgreementRevisionId.ToString(), r.DataAgreementRevisionHash,
        r.IndividualId, r.OptIn, r.State, r.SignatureId?.ToString(), ConsentSnapshot.Time(r.ValidFrom),
        ConsentSnapshot.Time(r.ValidUntil), ConsentSnapshot.Time(r.WithdrawnAt));
}

/// <remarks>
/// <c>authorizedByIndividualId</c> and <c>objectData</c> (the object as it was, the same JSON the snapshot hashes) are
/// the specification's names; <c>authorizedByIndividual</c> stays for clients written against earlier Nara answers.
/// </remarks>
internal sealed record RevisionShape(
    string Id, string SchemaName, string ObjectId, bool SignedWithoutObjectId, string SerializedSnapshot, string SerializedHash,
    string Timestamp, string? AuthorizedByIndividualId, string? AuthorizedByIndividual, string? AuthorizedByOther, string PredecessorHash,
    string ObjectData)
{
    public static RevisionShape Of(Revision r) => new(
        r.Id.ToString(), r.SchemaName, r.ObjectId.ToString(), false, r.SerializedSnapshot, r.SerializedHash,
        ConsentSnapshot.Time(r.Timestamp)!, r.AuthorizedByIndividual, r.AuthorizedByIndividual, r.AuthorizedByOther, r.PredecessorHash,
        r.SerializedSnapshot);
}

internal sealed record SignatureShape(
    string Id, string Payload, string Signature, string VerificationMethod, string VerificationPayload,
    string VerificationPayloadHash, string VerificationSignedBy, string VerificationSignedAs, string VerificationJwsHeader,
    string Timestamp, bool SignedWithoutObjectReference, string ObjectType, string ObjectReference)
{
    public static SignatureShape Of(Signature s)
    {
        var parts = s.Jws.Split('.');
        return new(
            // verificationPayloadHash is the hash of verificationPayload (the compact JWS), as the specification defines it.
            s.Id.ToString(), s.Payload, parts.Length == 3 ? parts[2] : "", "ES256", s.Jws,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s.Jws))),
            s.KeyId, s.SignedAs, parts[0], ConsentSnapshot.Time(s.Timestamp)!, false, "revision", s.RevisionId.ToString());
    }
}

/// <summary>What verification found (a Nara addition to the verification and audit answers).</summary>
internal sealed record VerificationShape(bool ChainIntact, bool SignatureValid, string? Problem);
