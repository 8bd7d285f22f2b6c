using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;

namespace Nara.Registries.Features;

/// <param name="Href">The browser page for the registry, when there is one.</param>
internal sealed record RegistrySummary(string NameKo, string NameEn, string OwnerKo, string OwnerEn, long Records, string? Href);

/// <summary>The base registries Nara holds, who owns each, and how many records each has.</summary>
internal sealed class ListRegistries(RegistriesDbContext db)
{
    public async Task<IReadOnlyList<RegistrySummary>> RunAsync(CancellationToken ct) =>
    [
        new("주민등록", "Resident registration", "행정안전부", "Ministry of the Interior and Safety", await db.Residents.LongCountAsync(ct), "/officials/registries/residents"),
        new("세대", "Households", "행정안전부", "Ministry of the Interior and Safety", await db.Households.LongCountAsync(ct), "/officials/registries/divisions"),
        new("행정구역", "Administrative divisions", "행정안전부", "Ministry of the Interior and Safety", await db.Divisions.LongCountAsync(ct), "/officials/registries/divisions"),
        new("도로명주소", "Road-name addresses", "행정안전부", "Ministry of the Interior and Safety", await db.Addresses.LongCountAsync(ct), null),
        new("가족관계등록", "Family relations", "법원행정처", "National Court Administration", await db.FamilyRelations.LongCountAsync(ct), null),
        new("소득인정액", "Recognised income", "보건복지부", "Ministry of Health and Welfare", await db.Incomes.LongCountAsync(ct), null),
        new("건강보험 자격", "Health insurance eligibility", "국민건강보험공단", "National Health Insurance Service", await db.HealthInsurance.LongCountAsync(ct), null),
        new("장애인 등록", "Registered disability", "보건복지부", "Ministry of Health and Welfare", await db.Disabilities.LongCountAsync(ct), null),
        new("구직 등록", "Jobseeker registration", "고용노동부", "Ministry of Employment and Labor", await db.Jobseekers.LongCountAsync(ct), null),
        new("전월세 신고", "Reported leases", "국토교통부", "Ministry of Land, Infrastructure and Transport", await db.Tenancies.LongCountAsync(ct), null),
        new("어린이집 재원", "Daycare enrolment", "보건복지부", "Ministry of Health and Welfare", await db.DaycareEnrolments.LongCountAsync(ct), null),
        new("자동차 등록", "Motor vehicles", "국토교통부", "Ministry of Land, Infrastructure and Transport", await db.Vehicles.LongCountAsync(ct), null),
        new("운전면허", "Driver licences", "도로교통공단", "Korea Road Traffic Authority", await db.DriverLicences.LongCountAsync(ct), null),
        new("여권", "Passports", "외교부", "Ministry of Foreign Affairs", await db.Passports.LongCountAsync(ct), null),
        new("사업자등록", "Business registration", "국세청", "National Tax Service", await db.Businesses.LongCountAsync(ct), null),
    ];
}
