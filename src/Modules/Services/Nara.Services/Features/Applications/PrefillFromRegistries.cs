using System.Globalization;
using Nara.Registries.Contracts;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Applications;

/// <summary>
/// Reads what the government already knows for the form's prefill fields, through the Registries
/// contracts (until the Exchange module mediates). The caller records the purpose with
/// <c>ApplicationPrefilled</c>; values are not logged.
/// </summary>
internal sealed class PrefillFromRegistries(IResidentDirectory residents, IHouseholdDirectory households)
{
    public async Task<Dictionary<string, string>> ReadAsync(FormDefinition form, long? residentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = form.Steps.SelectMany(s => s.Fields).Where(f => f.Prefill is not null).ToList();
        if (residentId is not { } id || fields.Count == 0)
        {
            return values;
        }

        var resident = await residents.FindByIdAsync(id, ct);
        if (resident is null)
        {
            return values;
        }

        HouseholdSummary? household = null;
        if (fields.Any(f => f.Prefill is PrefillSources.ResidentAddress or PrefillSources.HouseholdSize or PrefillSources.HouseholdMembers))
        {
            household = await households.FindForResidentAsync(id, ct);
        }

        foreach (var field in fields)
        {
            var value = field.Prefill switch
            {
                PrefillSources.ResidentName => resident.NameKo,
                PrefillSources.ResidentBirthDate => resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PrefillSources.ResidentAddress => household is null ? null : $"{household.AddressKo} ({household.PostalCode})",
                PrefillSources.ResidentRegion => resident.DivisionCode,
                PrefillSources.HouseholdSize => household?.Members.Count.ToString(CultureInfo.InvariantCulture),
                PrefillSources.HouseholdMembers => household is null ? null : string.Join(", ", household.Members.Select(Describe)),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value))
            {
                values[field.Id] = value;
            }
        }

        return values;
    }

    private static string Describe(HouseholdMemberSummary m) =>
        $"{m.NameKo} ({m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
}
