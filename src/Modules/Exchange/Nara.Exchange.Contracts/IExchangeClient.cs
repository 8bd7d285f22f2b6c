namespace Nara.Exchange.Contracts;

/// <summary>
/// In-process calls through the mediator, for modules of the platform itself (Services' prefill): the same
/// checks, signing and access log as <c>/r1/…</c>, with the platform's own subsystem as the client.
/// </summary>
public interface IExchangeClient
{
    Task<ExchangeResult> RequestAsync(ExchangeCall request, CancellationToken cancellationToken);
}

/// <param name="Client">The platform subsystem calling, e.g. <c>KR/GOV/NARA/services</c>; must hold an access right.</param>
/// <param name="Service">The full service id, e.g. <c>KR/GOV/MOIS/registries/resident-registration</c>.</param>
/// <param name="SubjectResidentId">The data subject.</param>
/// <param name="Attributes">Attributes asked for; empty for all the service offers.</param>
/// <param name="Issue">The case or application that caused the request.</param>
/// <param name="ConsentRecordId">The consent relied on; null lets the mediator look up the subject's active consent.</param>
/// <param name="UserRole">The acting official's role when an official caused the request; null when the data subject did.</param>
/// <param name="OnBehalfOf">The agency that will receive the data (the one the application goes to): the consent's recipient and what the subject sees.</param>
public sealed record ExchangeCall(
    string Client,
    string Service,
    long SubjectResidentId,
    IReadOnlyList<string> Attributes,
    string Purpose,
    string? Issue,
    string? UserId,
    Guid? ConsentRecordId,
    string? OnBehalfOf = null,
    string? UserRole = null);

/// <param name="ExchangeId">The access-log id; shown next to each prefilled field.</param>
/// <param name="Data">Attribute name → value, only when allowed.</param>
public sealed record ExchangeResult(
    Guid ExchangeId,
    bool Allowed,
    string? Refusal,
    string? Detail,
    IReadOnlyDictionary<string, string> Data);

/// <summary>The services of the base registries the platform seeds; Services' prefill asks for them by these ids.</summary>
public static class RegistryExchangeServices
{
    public const string ResidentRegistration = "KR/GOV/MOIS/registries/resident-registration";
    public const string Household = "KR/GOV/MOIS/registries/household";

    /// <summary>The portal's own subsystem: the client of every prefill.</summary>
    public const string PortalClient = "KR/GOV/NARA/services";

    /// <summary>
    /// The platform's e-certificate issuer (Credentials): the client of every certificate read, always for the signed-in
    /// citizen about themselves, so the basis is their own request (본인 발급), not a separate consent.
    /// </summary>
    public const string CredentialsClient = "KR/GOV/NARA/credentials";

    /// <summary>The purpose of every read for an e-certificate.</summary>
    public const string CertificatePurpose = "certificate-issuance";

    // The registries e-certificates state, each a service of the agency that owns the registry.
    public const string ResidentRegistrationAbstract = "KR/GOV/MOIS/registries/resident-registration-abstract";
    public const string ResidentRegistrationCopy = "KR/GOV/MOIS/registries/resident-registration-copy";
    public const string FamilyRelations = "KR/GOV/MOIS/registries/family-relations";
    public const string Income = "KR/GOV/NTS/registries/income";
    public const string BusinessRegistration = "KR/GOV/NTS/registries/business-registration";
    public const string HealthInsurance = "KR/GOV/NHIS/registries/health-insurance";
    public const string Disability = "KR/GOV/MOHW/registries/disability";
    public const string SchoolGraduation = "KR/GOV/MOE/registries/school-graduation";
}
