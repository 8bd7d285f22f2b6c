using System.Globalization;
using Nara.Exchange.Domain;
using Nara.Registries.Contracts;

namespace Nara.Exchange.Providers;

/// <summary>
/// The resident register through Registries' narrow contracts: name, birth date and registered address. The
/// address carries its postal code and 읍면동 code as parts ("address.postal-code", "address.division-code"),
/// released only with "address".
/// </summary>
internal sealed class ResidentRegistrationProvider(IResidentDirectory residents, IHouseholdDirectory households) : IExchangeProvider
{
    public string Kind => ProviderKinds.ResidentRegistration;

    public IReadOnlyList<string>? KnownAttributes => ["name", "birth-date", "address"];

    public bool NeedsSubject => true;

    public async Task<ProviderAnswer> AnswerAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        if (call.SubjectResidentId is not { } id
            || (call.Subject is { } known && known.Id == id ? known : await residents.FindByIdAsync(id, cancellationToken)) is not { } resident)
        {
            return ProviderAnswer.NoSubject;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in call.Attributes)
        {
            switch (attribute)
            {
                case "name":
                    data["name"] = resident.NameKo;
                    data["name.en"] = resident.NameEn;
                    break;
                case "birth-date":
                    data["birth-date"] = resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case "address":
                    if (await households.FindForResidentAsync(id, cancellationToken) is { } household)
                    {
                        data["address"] = household.AddressKo;
                        data["address.en"] = household.AddressEn;
                        data["address.postal-code"] = household.PostalCode;
                    }

                    data["address.division-code"] = resident.DivisionCode;
                    break;
            }
        }

        return new ProviderAnswer(200, data);
    }
}
