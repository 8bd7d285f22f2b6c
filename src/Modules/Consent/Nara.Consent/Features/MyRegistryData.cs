using System.Globalization;
using Nara.Registries.Contracts;

namespace Nara.Consent.Features;

internal sealed record MyResident(string NameKo, string NameEn, string BirthDate, string Nationality);

internal sealed record MyHouseholdMember(string NameKo, string NameEn, string BirthDate, string Relation, bool Me);

internal sealed record MyHousehold(string AddressKo, string AddressEn, string PostalCode, IReadOnlyList<MyHouseholdMember> Members);

/// <summary>What the base registries hold about the citizen, in a machine-readable form (MyData download).</summary>
internal sealed record MyRegistryExport(string Format, string GeneratedAt, string Source, MyResident Resident, MyHousehold? Household);

/// <summary>
/// The citizen's own registry data through the Registries contracts (the same narrow read interfaces
/// prefill uses), for the MyData download: JSON to keep or hand on, and a readable page.
/// </summary>
internal sealed class MyRegistryData(IResidentDirectory residents, IHouseholdDirectory households, TimeProvider clock)
{
    public async Task<MyRegistryExport?> ExportAsync(string individualId, CancellationToken ct)
    {
        var id = long.Parse(individualId, CultureInfo.InvariantCulture);
        if (await residents.FindByIdAsync(id, ct) is not { } resident)
        {
            return null;
        }

        var household = await households.FindForResidentAsync(id, ct);
        return new MyRegistryExport(
            "nara-mydata-registry/1",
            Api.ConsentSnapshot.Time(clock.GetUtcNow())!,
            "Nara base registries (resident and household registers)",
            new MyResident(resident.NameKo, resident.NameEn, Date(resident.BirthDate), resident.Nationality),
            household is null ? null : new MyHousehold(household.AddressKo, household.AddressEn, household.PostalCode,
                [.. household.Members.Select(m => new MyHouseholdMember(m.NameKo, m.NameEn, Date(m.BirthDate), m.Relation, m.ResidentId == id))]));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
