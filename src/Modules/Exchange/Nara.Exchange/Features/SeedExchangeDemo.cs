using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Consent.Contracts;
using Nara.Exchange.Contracts;
using Nara.Exchange.Data;
using Nara.Exchange.Domain;

namespace Nara.Exchange.Features;

/// <summary>
/// The demo exchange: agencies as members, their systems as subsystems (the ids the demo agency clients
/// already use), the registry services (two under consent, one under law) and the access rights between them.
/// Idempotent: what exists is left alone, so administrators' changes survive a restart.
/// </summary>
internal sealed class SeedExchangeDemo(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    /// <summary>Law-based (no consent): is this person registered, and under which name and birth date.</summary>
    public const string ResidentStatus = "KR/GOV/MOIS/registries/resident-status";

    public const string EligibilityCheck = "benefit-eligibility-check";

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var i = options.Value.Instance;
        foreach (var (code, agency, ko, en) in new[]
        {
            ("MOIS", "MOIS", "행정안전부", "Ministry of the Interior and Safety"),
            ("NHIS", "NHIS", "국민건강보험공단", "National Health Insurance Service"),
            ("MOHW", "MOHW", "보건복지부", "Ministry of Health and Welfare"),
            ("MOLIT", "MOLIT", "국토교통부", "Ministry of Land, Infrastructure and Transport"),
            ("NTS", "NTS", "국세청", "National Tax Service"),
            ("MOE", "MOE", "교육부", "Ministry of Education"),
            ("NARA", "MOIS", "나라 포털 (행정안전부 운영)", "Nara portal (run by MOIS)"),
        })
        {
            await AddAsync(db.Members, $"{i}/GOV/{code}", id => new Member
            {
                Id = id, Instance = i, MemberClass = MemberClasses.Government, Code = code, NameKo = ko, NameEn = en, AgencyCode = agency, CreatedAt = now,
            }, ct);
        }

        foreach (var (member, code, ko, en) in new[]
        {
            ("MOIS", "registries", "기본 등록부", "Base registries"),
            ("MOIS", "registries-oauth", "기본 등록부 관리 (OAuth)", "Base registries administration (OAuth)"),
            ("NHIS", "benefits", "급여 시스템", "Benefits back office"),
            ("MOLIT", "vehicles", "자동차 관리 시스템", "Vehicle register"),
            ("NARA", "services", "정부 서비스 신청", "Government service applications"),
            ("NARA", "credentials", "전자증명서 발급", "E-certificate issuance"),
            ("NTS", "registries", "국세 등록부 (소득·사업자등록)", "Tax registries (income, business registration)"),
            ("NHIS", "registries", "건강보험 자격 관리", "Health insurance eligibility register"),
            ("MOHW", "registries", "장애인 등록", "Disability register"),
            ("MOE", "registries", "학적 관리", "School records"),
        })
        {
            await AddAsync(db.Subsystems, $"{i}/GOV/{member}/{code}", id => new Subsystem
            {
                Id = id, MemberId = $"{i}/GOV/{member}", Code = code, NameKo = ko, NameEn = en, CreatedAt = now,
            }, ct);
        }

        var registries = $"{i}/GOV/MOIS/registries";
        await AddServiceAsync(registries, "resident-registration", "주민등록 정보 (성명·생년월일·주소)", "Resident registration (name, date of birth, address)",
            ProviderKinds.ResidentRegistration, "name birth-date address", DemoDataAgreements.PrefillPurpose, DemoDataAgreements.ResidentRegistration, now, ct);
        await AddServiceAsync(registries, "household", "세대 구성 정보", "Household composition",
            ProviderKinds.Household, "household-head household-members", DemoDataAgreements.PrefillPurpose, DemoDataAgreements.Household, now, ct);
        await AddServiceAsync(registries, "resident-status", "주민등록 사실 확인 (법령에 따른 조회)", "Resident registration check (by law)",
            ProviderKinds.ResidentRegistration, "name birth-date", EligibilityCheck + " case-processing", null, now, ct);
        await AddCertificateServicesAsync(i, now, ct);
        await db.SaveChangesAsync(ct);

        foreach (var (service, client) in new[]
        {
            (RegistryExchangeServices.ResidentRegistration, RegistryExchangeServices.PortalClient),
            (RegistryExchangeServices.Household, RegistryExchangeServices.PortalClient),
            (RegistryExchangeServices.ResidentRegistration, $"{i}/GOV/NHIS/benefits"),
            (ResidentStatus, $"{i}/GOV/NHIS/benefits"),
            (ResidentStatus, $"{i}/GOV/MOIS/registries-oauth"),
            (RegistryExchangeServices.ResidentRegistrationAbstract, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.ResidentRegistrationCopy, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.FamilyRelations, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.Income, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.BusinessRegistration, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.HealthInsurance, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.Disability, RegistryExchangeServices.CredentialsClient),
            (RegistryExchangeServices.SchoolGraduation, RegistryExchangeServices.CredentialsClient),
        })
        {
            if (!await db.AccessRights.AnyAsync(r => r.ServiceId == service && r.ClientId == client, ct))
            {
                db.AccessRights.Add(new AccessRight { Id = Guid.CreateVersion7(now), ServiceId = service, ClientId = client, GrantedAt = now, GrantedBy = "seed" });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The registries e-certificates state, under the agencies that own them. No data agreement: the law and the
    /// citizen's own request for a certificate about themselves are the basis, so only the purpose
    /// <see cref="RegistryExchangeServices.CertificatePurpose"/> passes, and only the platform's issuer holds access rights.
    /// </summary>
    private async Task AddCertificateServicesAsync(string i, DateTimeOffset now, CancellationToken ct)
    {
        const string purpose = RegistryExchangeServices.CertificatePurpose;
        foreach (var (subsystem, code, ko, en, provider, attributes) in new[]
        {
            ("MOIS/registries", "resident-registration-abstract", "주민등록표 초본 (주소·전입일)", "Resident registration abstract (address, moved-in date)",
                ProviderKinds.RegistrationAbstract, "name birth-date address moved-in-on"),
            ("MOIS/registries", "resident-registration-copy", "주민등록표 등본 (주소·세대원)", "Resident registration copy (address, household members)",
                ProviderKinds.RegistrationCopy, "name birth-date address moved-in-on household"),
            ("MOIS/registries", "family-relations", "가족관계 (부모·배우자·자녀)", "Family relations (parents, spouse, children)", ProviderKinds.FamilyRelations, "name birth-date family"),
            ("NTS/registries", "income", "소득 (가구 소득인정액)", "Income (household recognised income)", ProviderKinds.Income, "name birth-date income"),
            ("NTS/registries", "business-registration", "사업자등록", "Business registration", ProviderKinds.BusinessRegistration, "name birth-date businesses"),
            ("NHIS/registries", "health-insurance", "건강보험 자격", "Health insurance eligibility", ProviderKinds.HealthInsurance, "name birth-date health-insurance"),
            ("MOHW/registries", "disability", "장애인 등록", "Disability registration", ProviderKinds.Disability, "name birth-date disability"),
            ("MOE/registries", "school-graduation", "졸업 (학력)", "School graduation", ProviderKinds.SchoolGraduation, "name birth-date graduations"),
        })
        {
            await AddServiceAsync($"{i}/GOV/{subsystem}", code, ko, en, provider, attributes, purpose, null, now, ct);
        }
    }

    private async Task AddServiceAsync(string subsystem, string code, string ko, string en, string provider, string attributes, string purposes, Guid? agreement, DateTimeOffset now, CancellationToken ct) =>
        await AddAsync(db.Services, $"{subsystem}/{code}", id => new ExchangeService
        {
            Id = id, SubsystemId = subsystem, Code = code, NameKo = ko, NameEn = en, Provider = provider, Attributes = attributes,
            Purposes = purposes, DataAgreementId = agreement, TimeoutMs = options.Value.MaxProviderTimeoutMs, UpdatedAt = now,
        }, ct);

    private async Task AddAsync<T>(DbSet<T> set, string id, Func<string, T> create, CancellationToken ct)
        where T : class
    {
        if (await set.FindAsync([id], ct) is null)
        {
            set.Add(create(id));
            await db.SaveChangesAsync(ct);
        }
    }
}
