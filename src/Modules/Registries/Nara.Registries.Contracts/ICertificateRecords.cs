namespace Nara.Registries.Contracts;

/// <summary>
/// The registry records an e-certificate about one resident states (주민등록표 초본과 등본, 가족관계증명서, 소득금액증명,
/// 건강보험 자격득실 확인서, 장애인증명서, 사업자등록증명, 졸업증명서). Read-only; the information mediator hands them
/// out, each kind as a service of the agency that owns the registry. Only the kinds asked for are read.
/// </summary>
public interface ICertificateRecords
{
    /// <returns>Null when the resident is not registered; otherwise the kinds asked for, each empty or null when the registries hold none.</returns>
    Task<CertificateRecords?> ForResidentAsync(long residentId, CertificateRecordKinds kinds, CancellationToken cancellationToken);
}

[Flags]
public enum CertificateRecordKinds
{
    None = 0,
    Registration = 1,
    Family = 2,
    Income = 4,
    HealthInsurance = 8,
    Disability = 16,
    Businesses = 32,
    Graduations = 64,
    Household = 128,
    All = Registration | Family | Income | HealthInsurance | Disability | Businesses | Graduations | Household,
}

/// <summary>The holder as registered, and the records of the kinds asked for (the others are null or empty).</summary>
public sealed record CertificateRecords(
    long ResidentId,
    string NameKo,
    string NameEn,
    DateOnly BirthDate,
    RegistrationRecord? Registration,
    IReadOnlyList<FamilyMemberRecord> Family,
    IncomeRecord? Income,
    HealthInsuranceRecord? HealthInsurance,
    DisabilityRecord? Disability,
    IReadOnlyList<BusinessRecord> Businesses,
    IReadOnlyList<GraduationRecord> Graduations,
    IReadOnlyList<HouseholdMemberRecord> Household);

/// <summary>The current registered address and since when the resident lives there (전입일).</summary>
/// <param name="RelationToHead">head, spouse, child, parent, grandchild, sibling or other.</param>
public sealed record RegistrationRecord(string AddressKo, string AddressEn, string PostalCode, string DivisionCode, DateOnly MovedInOn, string RelationToHead);

/// <summary>A member of the resident's registered household (세대원), the resident included: what 주민등록표 등본 lists.</summary>
/// <param name="RelationToHead">head, spouse, child, parent, grandchild, sibling or other.</param>
/// <param name="MovedInOn">When this member registered at the household's address (전입일).</param>
public sealed record HouseholdMemberRecord(string RelationToHead, string NameKo, string NameEn, DateOnly BirthDate, DateOnly MovedInOn);

/// <summary>A person the family-relation register links to the resident.</summary>
/// <param name="Relation">parent, spouse or child (as the register states it, seen from the resident).</param>
public sealed record FamilyMemberRecord(string Relation, string NameKo, string NameEn, DateOnly BirthDate);

/// <summary>The latest assessment of the resident's household: recognised monthly income (소득인정액, KRW).</summary>
public sealed record IncomeRecord(long MonthlyRecognisedIncome, DateOnly AssessedOn);

/// <param name="Status">employee-insured, regional-insured, dependent, medical-aid-1 or medical-aid-2.</param>
public sealed record HealthInsuranceRecord(string Status, DateOnly Since);

/// <param name="Degree">severe (심한 장애) or mild (심하지 않은 장애).</param>
public sealed record DisabilityRecord(string Degree, DateOnly RegisteredOn);

/// <summary>A business the resident owns (사업자등록), with its place of business.</summary>
public sealed record BusinessRecord(string RegistrationNumber, string NameKo, string Industry, DateOnly OpenedOn, string AddressKo, string AddressEn);

/// <param name="Level">elementary, middle, high, college, university or graduate.</param>
public sealed record GraduationRecord(string SchoolNameKo, string SchoolNameEn, string Level, DateOnly GraduatedOn);
