namespace Nara.Exchange.Domain;

/// <summary>
/// A service a subsystem offers through the mediator (<c>KR/GOV/MOIS/registries/resident-registration</c>):
/// which provider answers it, which attributes it can release, for which purposes, and under which data
/// agreement. When <see cref="DataAgreementId"/> is set, every request needs a consent record the Consent
/// module verifies; otherwise the law is the basis and only the listed purposes are accepted.
/// </summary>
internal sealed class ExchangeService
{
    public required string Id { get; set; }

    public required string SubsystemId { get; set; }

    public required string Code { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    /// <summary>See <see cref="ProviderKinds"/>.</summary>
    public required string Provider { get; set; }

    /// <summary>For <see cref="ProviderKinds.Http"/>: the agency API the mediator forwards to.</summary>
    public string? ProviderUrl { get; set; }

    /// <summary>How long the provider may take before the caller gets <c>provider-timeout</c> (at most 2 s).</summary>
    public int TimeoutMs { get; set; } = 2000;

    /// <summary>Space-separated attribute names the service can release.</summary>
    public required string Attributes { get; set; }

    /// <summary>Space-separated purpose codes accepted.</summary>
    public required string Purposes { get; set; }

    public Guid? DataAgreementId { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> AttributeList => Attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> PurposeList => Purposes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

public static class ProviderKinds
{
    /// <summary>Name, birth date and registered address from the resident and household registers.</summary>
    public const string ResidentRegistration = "resident-registration";

    /// <summary>Household head and members from the household register.</summary>
    public const string Household = "household";

    /// <summary>An agency's own REST API, called over HTTP with the mediator's headers.</summary>
    public const string Http = "http";

    // The registries an e-certificate states (Registries' ICertificateRecords): each also answers name and birth-date.

    /// <summary>Registered address and moved-in date (주민등록표 초본).</summary>
    public const string RegistrationAbstract = "registration-abstract";

    /// <summary>Registered address and the household's members (주민등록표 등본).</summary>
    public const string RegistrationCopy = "registration-copy";

    /// <summary>Parents, spouse and children from the family-relation register.</summary>
    public const string FamilyRelations = "family-relations";

    /// <summary>The household's latest recognised-income assessment.</summary>
    public const string Income = "income";

    /// <summary>Health-insurance status and since when.</summary>
    public const string HealthInsurance = "health-insurance";

    /// <summary>Registered disability: degree and registration date.</summary>
    public const string Disability = "disability";

    /// <summary>Businesses the subject owns.</summary>
    public const string BusinessRegistration = "business-registration";

    /// <summary>School graduations.</summary>
    public const string SchoolGraduation = "school-graduation";

    public static IReadOnlyList<string> All { get; } =
        [ResidentRegistration, Household, Http, RegistrationAbstract, RegistrationCopy, FamilyRelations, Income, HealthInsurance, Disability, BusinessRegistration, SchoolGraduation];
}
