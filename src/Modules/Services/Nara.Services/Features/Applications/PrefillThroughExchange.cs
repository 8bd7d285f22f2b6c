using Nara.Consent.Contracts;
using Nara.Exchange.Contracts;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Applications;

/// <summary>What prefill found: values by field, and the exchange (access-log id) that produced each.</summary>
internal sealed record Prefill(Dictionary<string, string> Values, Dictionary<string, string> Exchanges)
{
    public static Prefill None => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
}

/// <summary>
/// Fills the form's prefill fields from the base registries through the Exchange mediator (once-only principle):
/// as the portal's client <c>KR/GOV/NARA/services</c>, on behalf of the agency the application goes to, under the
/// applicant's consent to the prefill agreements. Each call is checked, signed and logged like any agency's, so
/// the applicant sees it on "who used my data", and each prefilled field names its exchange. Without consent
/// (or when the registries have nothing) the field stays empty for the applicant to fill in.
/// </summary>
internal sealed class PrefillThroughExchange(IExchangeClient exchange)
{
    public async Task<Prefill> ReadAsync(FormDefinition form, long? residentId, string agency, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.Steps.SelectMany(s => s.Fields).Where(f => f.Prefill is not null).ToList();
        var result = Prefill.None;
        if (residentId is not { } id || fields.Count == 0)
        {
            return result;
        }

        foreach (var group in fields.GroupBy(f => Service(f.Prefill!)).Where(g => g.Key is not null))
        {
            var attributes = group.Select(f => Attribute(f.Prefill!)).Distinct().ToList();
            var answer = await exchange.RequestAsync(new ExchangeCall(
                RegistryExchangeServices.PortalClient, group.Key!, id, attributes, DemoDataAgreements.PrefillPurpose,
                $"application:{applicationId:D}", null, null, agency), ct);
            if (!answer.Allowed)
            {
                continue;
            }

            foreach (var field in group)
            {
                if (Value(field.Prefill!, answer.Data) is { Length: > 0 } value)
                {
                    result.Values[field.Id] = value;
                    result.Exchanges[field.Id] = answer.ExchangeId.ToString("D");
                }
            }
        }

        return result;
    }

    private static string? Service(string source) => source switch
    {
        PrefillSources.ResidentName or PrefillSources.ResidentBirthDate or PrefillSources.ResidentAddress or PrefillSources.ResidentRegion
            => RegistryExchangeServices.ResidentRegistration,
        PrefillSources.HouseholdSize or PrefillSources.HouseholdMembers => RegistryExchangeServices.Household,
        _ => null,
    };

    private static string Attribute(string source) => source switch
    {
        PrefillSources.ResidentName => "name",
        PrefillSources.ResidentBirthDate => "birth-date",
        PrefillSources.ResidentAddress or PrefillSources.ResidentRegion => "address",
        _ => "household-members",
    };

    private static string? Value(string source, IReadOnlyDictionary<string, string> data) => source switch
    {
        PrefillSources.ResidentName => data.GetValueOrDefault("name"),
        PrefillSources.ResidentBirthDate => data.GetValueOrDefault("birth-date"),
        PrefillSources.ResidentAddress => data.TryGetValue("address", out var a) ? $"{a} ({data.GetValueOrDefault("address.postal-code")})" : null,
        PrefillSources.ResidentRegion => data.GetValueOrDefault("address.division-code"),
        PrefillSources.HouseholdSize => data.GetValueOrDefault("household-members.count"),
        PrefillSources.HouseholdMembers => data.GetValueOrDefault("household-members"),
        _ => null,
    };
}
