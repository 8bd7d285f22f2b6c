namespace Nara.Credentials.Issuing;

/// <summary>A kind of credential Nara issues: its <c>vct</c> and its names for people.</summary>
/// <param name="Id">The short id in URLs and in OpenID4VCI's credential configuration ids.</param>
internal sealed record CredentialType(string Id, string Vct, string NameKo, string NameEn);

/// <summary>The credential types. The vct values are URNs so that they do not depend on where a host runs.</summary>
internal static class CredentialTypes
{
    public static readonly CredentialType ResidentId = new("resident-id", "urn:kr:go:nara:vct:resident-id:1", "모바일 주민등록증", "Mobile resident ID");
    public static readonly CredentialType ResidentRegistrationAbstract = new("resident-registration-abstract", "urn:kr:go:nara:vct:resident-registration-abstract:1", "주민등록표 초본", "Resident registration abstract");
    public static readonly CredentialType ResidentRegistrationCopy = new("resident-registration-copy", "urn:kr:go:nara:vct:resident-registration-copy:1", "주민등록표 등본", "Resident registration copy");
    public static readonly CredentialType FamilyRelations = new("family-relations", "urn:kr:go:nara:vct:family-relations:1", "가족관계증명서", "Family relations certificate");
    public static readonly CredentialType Income = new("income", "urn:kr:go:nara:vct:income:1", "소득금액증명", "Income certificate");
    public static readonly CredentialType HealthInsurance = new("health-insurance", "urn:kr:go:nara:vct:health-insurance:1", "건강보험 자격득실 확인서", "Health insurance eligibility");
    public static readonly CredentialType Disability = new("disability", "urn:kr:go:nara:vct:disability:1", "장애인증명서", "Disability certificate");
    public static readonly CredentialType BusinessRegistration = new("business-registration", "urn:kr:go:nara:vct:business-registration:1", "사업자등록증명", "Business registration certificate");
    public static readonly CredentialType SchoolGraduation = new("school-graduation", "urn:kr:go:nara:vct:school-graduation:1", "졸업증명서", "School graduation certificate");

    /// <summary>An agency's decision on an application (Services' ApplicationDecided), collected by the applicant.</summary>
    public static readonly CredentialType DecisionLetter = new("decision-letter", "urn:kr:go:nara:vct:decision-letter:1", "처분 결정 통지서", "Decision letter");

    public static IReadOnlyList<CredentialType> All { get; } =
        [ResidentId, ResidentRegistrationAbstract, ResidentRegistrationCopy, FamilyRelations, Income, HealthInsurance, Disability, BusinessRegistration, SchoolGraduation, DecisionLetter];

    public static CredentialType? ById(string? id) => All.FirstOrDefault(t => t.Id == id);

    public static CredentialType? ByVct(string? vct) => All.FirstOrDefault(t => t.Vct == vct);
}
