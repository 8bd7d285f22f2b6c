using System.Globalization;
using System.Text.Json.Nodes;
using Nara.Exchange.Contracts;

namespace Nara.Credentials.Issuing;

/// <summary>
/// The e-certificates other than the mobile ID: for each type, the information-mediator service of the agency that
/// owns the registry, and how its answer becomes the credential's claims. Every claim about a person is disclosable;
/// lists (family members, businesses, graduations) are disclosed element by element, so a holder can show one
/// business or one school and hide the rest. A type whose record the registries do not hold gives no content.
/// </summary>
internal static class CertificateContents
{
    /// <summary>Type id → the exchange service that answers it.</summary>
    public static IReadOnlyDictionary<string, string> Services { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CredentialTypes.ResidentRegistrationAbstract.Id] = RegistryExchangeServices.ResidentRegistrationAbstract,
        [CredentialTypes.ResidentRegistrationCopy.Id] = RegistryExchangeServices.ResidentRegistrationCopy,
        [CredentialTypes.FamilyRelations.Id] = RegistryExchangeServices.FamilyRelations,
        [CredentialTypes.Income.Id] = RegistryExchangeServices.Income,
        [CredentialTypes.HealthInsurance.Id] = RegistryExchangeServices.HealthInsurance,
        [CredentialTypes.Disability.Id] = RegistryExchangeServices.Disability,
        [CredentialTypes.BusinessRegistration.Id] = RegistryExchangeServices.BusinessRegistration,
        [CredentialTypes.SchoolGraduation.Id] = RegistryExchangeServices.SchoolGraduation,
    };

    /// <returns>The content, or null when the answer holds no record of this kind (no disability, no business…).</returns>
    public static CredentialContent? From(CredentialType type, IReadOnlyDictionary<string, string> data)
    {
        if (!data.TryGetValue("name", out var name) || !data.TryGetValue("birth-date", out var birth))
        {
            return null;
        }

        var claims = new JsonObject { ["name"] = name, ["name_en"] = data.GetValueOrDefault("name.en"), ["birthdate"] = birth };
        return type.Id switch
        {
            "resident-registration-abstract" => Abstract(type, claims, data),
            "resident-registration-copy" => Copy(type, claims, data),
            "family-relations" => List(type, claims, data, "family", "family", p => new JsonObject
            {
                ["relation"] = p("relation"), ["name"] = p("name"), ["name_en"] = p("name-en"), ["birthdate"] = p("birth-date"),
            }, allowEmpty: true),
            "income" when data.TryGetValue("income", out var income) && long.TryParse(income, NumberStyles.None, CultureInfo.InvariantCulture, out var monthly) =>
                With(type, claims, ("recognised_income_monthly", monthly), ("currency", "KRW"), ("income_assessed_on", data.GetValueOrDefault("income.assessed-on"))),
            "health-insurance" when data.TryGetValue("health-insurance", out var status) =>
                With(type, claims, ("insurance_status", status), ("insured_since", data.GetValueOrDefault("health-insurance.since"))),
            "disability" when data.TryGetValue("disability", out var degree) =>
                With(type, claims, ("disability_degree", degree), ("disability_registered_on", data.GetValueOrDefault("disability.registered-on"))),
            "business-registration" => List(type, claims, data, "businesses", "businesses", p => new JsonObject
            {
                ["registration_number"] = p("registration-number"), ["name"] = p("name"), ["industry"] = p("industry"),
                ["opened_on"] = p("opened-on"), ["address"] = p("address"), ["address_en"] = p("address-en"),
            }, allowEmpty: false),
            "school-graduation" => List(type, claims, data, "graduations", "graduations", p => new JsonObject
            {
                ["school"] = p("school"), ["school_en"] = p("school-en"), ["level"] = p("level"), ["graduated_on"] = p("graduated-on"),
            }, allowEmpty: false),
            _ => null,
        };
    }

    private static CredentialContent? Abstract(CredentialType type, JsonObject claims, IReadOnlyDictionary<string, string> data)
    {
        if (!data.TryGetValue("address", out var address) || !data.TryGetValue("moved-in-on", out var movedIn))
        {
            return null;
        }

        claims["address"] = new JsonObject
        {
            ["formatted"] = address,
            ["formatted_en"] = data.GetValueOrDefault("address.en"),
            ["postal_code"] = data.GetValueOrDefault("address.postal-code"),
        };
        claims["moved_in_on"] = movedIn;
        claims["relation_to_head"] = data.GetValueOrDefault("address.relation-to-head");
        return new CredentialContent(type, claims);
    }

    /// <summary>등본: the address as on 초본, and the household's members, each disclosable on its own.</summary>
    private static CredentialContent? Copy(CredentialType type, JsonObject claims, IReadOnlyDictionary<string, string> data) =>
        Abstract(type, claims, data) is null ? null : List(type, claims, data, "household", "household", p => new JsonObject
        {
            ["relation_to_head"] = p("relation-to-head"), ["name"] = p("name"), ["name_en"] = p("name-en"), ["birthdate"] = p("birth-date"),
            ["moved_in_on"] = p("moved-in-on"),
        }, allowEmpty: false);

    private static CredentialContent With(CredentialType type, JsonObject claims, params (string Name, JsonNode? Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            claims[name] = value;
        }

        return new CredentialContent(type, claims);
    }

    /// <summary>An indexed list (<c>family.count</c>, <c>family.0.name</c>…) as an array claim disclosed element by element.</summary>
    private static CredentialContent? List(
        CredentialType type, JsonObject claims, IReadOnlyDictionary<string, string> data, string attribute, string claim, Func<Func<string, string?>, JsonObject> element, bool allowEmpty)
    {
        if (!data.TryGetValue(attribute + ".count", out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > 1000 || (count == 0 && !allowEmpty))
        {
            return null;
        }

        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{attribute}.{i}.");
            items.Add(element(part => data.GetValueOrDefault(prefix + part)));
        }

        claims[claim] = items;
        return new CredentialContent(type, claims, new HashSet<string>(StringComparer.Ordinal) { claim });
    }
}
