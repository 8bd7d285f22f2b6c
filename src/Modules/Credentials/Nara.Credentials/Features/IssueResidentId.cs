using System.Globalization;
using System.Text.Json.Nodes;
using Nara.Credentials.Contracts;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Features;

/// <summary>
/// The mobile ID: a resident-ID SD-JWT VC bound to the holder's key, every personal claim selectively disclosable.
/// It states the resident registration number as the plastic card does, but unlike the card it reaches a verifier
/// only when the holder ticks it. It adds the derived claims a verifier usually needs instead of the birth date:
/// age_over_14/19/65 (full years, 만 나이, on the day of issuance) and resident_of (the 시·도 of the registered address).
/// Issued by MOIS (resident registration).
/// </summary>
internal sealed class IssueResidentId(IResidentDirectory residents, CredentialMinter minter, TimeProvider clock)
{
    /// <summary>The agency that issues the mobile ID; its credential officers manage its status.</summary>
    public const string Agency = "MOIS";

    /// <returns>The credential's id and the issued SD-JWT (compact, no key binding); null when the resident is not registered.</returns>
    public async Task<(Guid Id, IssuedSdJwt Credential)?> ExecuteAsync(
        long residentId, JsonObject holderJwk, string issuer, TimeSpan validity, CredentialActor actor, CancellationToken cancellationToken)
    {
        // One read: the resident and the registered address (the household's members are not on an ID card).
        var resident = await residents.FindCardAsync(residentId, cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), KoreaTime.Zone).DateTime);
        var age = AgeOn(resident.BirthDate, today);
        var disclosable = new JsonObject
        {
            ["name"] = resident.NameKo,
            ["name_en"] = resident.NameEn,
            ["birthdate"] = resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["nationality"] = resident.Nationality,
            ["resident_number"] = resident.ResidentNumber,
            ["age_over_14"] = age >= 14,
            ["age_over_19"] = age >= 19,
            ["age_over_65"] = age >= 65,
            ["resident_of"] = resident.DivisionCode[..Math.Min(2, resident.DivisionCode.Length)],
            ["photo_ref"] = $"urn:kr:go:nara:photo:{resident.Id.ToString(CultureInfo.InvariantCulture)}",
            ["address"] = new JsonObject
            {
                ["formatted"] = resident.AddressKo,
                ["formatted_en"] = resident.AddressEn,
                ["postal_code"] = resident.PostalCode,
            },
        };

        return await minter.IssueAsync(CredentialTypes.ResidentId, Agency, residentId, holderJwk, issuer, validity, disclosable, actor, cancellationToken);
    }

    /// <summary>Full years on <paramref name="day"/> (만 나이).</summary>
    public static int AgeOn(DateOnly birth, DateOnly day) =>
        day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}
