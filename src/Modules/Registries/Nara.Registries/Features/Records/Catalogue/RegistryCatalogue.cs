using System.Text.RegularExpressions;

namespace Nara.Registries.Features.Records.Catalogue;

/// <summary>The base registries the GovStack Digital Registries API serves, all at version 1.0.</summary>
internal sealed partial class RegistryCatalogue
{
    public const string Version = "1.0";

    public RegistryCatalogue()
    {
        All =
        [
            new ResidentsRegistry(), new HouseholdsRegistry(), new FamilyRelationsRegistry(), new AddressesRegistry(),
            new AdminDivisionsRegistry(), new IncomesRegistry(), new HealthInsuranceRegistry(), new DisabilitiesRegistry(),
            new JobseekersRegistry(), new TenanciesRegistry(), new DaycareEnrolmentsRegistry(), new VehiclesRegistry(),
            new DriverLicencesRegistry(), new PassportsRegistry(), new BusinessesRegistry(),
        ];
    }

    public IReadOnlyList<IRegistry> All { get; }

    public IRegistry? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The registry that holds <paramref name="name"/>, with every field that points at it.</summary>
    public IEnumerable<(IRegistry Registry, RegistryField Field)> ReferencesTo(string name) =>
        All.SelectMany(r => r.Fields.Where(f => f.References == name).Select(f => (r, f)));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    public static partial Regex WellFormedName();
}
