using Microsoft.EntityFrameworkCore;
using Nara.Consent.Api;
using Nara.Consent.Contracts;
using Nara.Consent.Data;
using Nara.Registries.Contracts;

namespace Nara.Consent.Features;

/// <summary>
/// The once-only prefill agreements (fixed ids, see <see cref="DemoDataAgreements"/>) and a few consents of
/// demo personas. Idempotent: what exists is left alone, so it runs at every start.
/// </summary>
internal sealed class SeedConsentDemo(ConsentDbContext db, SaveDataAgreement save, GiveConsent give, IResidentDirectory residents)
{
    private static readonly ConsentActor System = new("system", "consent-seed");

    private static readonly string[] ServiceAgencies = ["MOIS", "MOHW", "MOLIT", "MOEL", "MOGEF", "MOE", "NTS", "NHIS", "LOCAL"];

    public async Task ExecuteAsync(CancellationToken ct)
    {
        foreach (var (id, input) in Agreements())
        {
            if (!await db.DataAgreements.AnyAsync(a => a.Id == id, ct))
            {
                await save.ExecuteAsync(null, input, System, null, ct, newId: id);
            }
        }

        foreach (var (persona, agreements) in new[]
        {
            (DemoPersonas.MotherOfNewborn, new[] { DemoDataAgreements.ResidentRegistration, DemoDataAgreements.Household }),
            (DemoPersonas.SingleParent, new[] { DemoDataAgreements.ResidentRegistration, DemoDataAgreements.Household, DemoDataAgreements.Income }),
            (DemoPersonas.ElderlyAlone, new[] { DemoDataAgreements.ResidentRegistration, DemoDataAgreements.Income }),
        })
        {
            if (await residents.FindByResidentNumberAsync(persona.ResidentNumber, ct) is not { } resident)
            {
                continue;
            }

            var individual = ApiResults.Digits(resident.Id);
            foreach (var agreement in agreements)
            {
                if (!await db.ConsentRecords.AnyAsync(r => r.IndividualId == individual && r.DataAgreementId == agreement, ct))
                {
                    await give.ExecuteAsync(agreement, individual, System, ct);
                }
            }
        }
    }

    private static IEnumerable<(Guid, DataAgreementInput)> Agreements()
    {
        var mois = new ControllerShape("MOIS", "행정안전부 (Ministry of the Interior and Safety)", "https://www.mois.go.kr");
        yield return (DemoDataAgreements.ResidentRegistration, Input(mois,
            "Prefill applications with your resident registration so you need not submit a certificate",
            "주민등록표 등본을 따로 내지 않도록 신청서에 주민등록 정보를 미리 채웁니다",
            [
                new("name", "Name", "성명", false, "identity"),
                new("birth-date", "Date of birth", "생년월일", false, "identity"),
                new("address", "Registered address", "주민등록 주소", false, "address"),
            ], validityDays: 365, forgettable: true));
        yield return (DemoDataAgreements.Household, Input(mois,
            "Prefill applications with the members of your household",
            "신청서에 세대 구성원 정보를 미리 채웁니다",
            [
                new("household-members", "Household members (names, relationships, birth dates)", "세대원 (성명, 관계, 생년월일)", false, "family"),
                new("household-head", "Head of household", "세대주", false, "family"),
            ], validityDays: 365, forgettable: true));
        yield return (DemoDataAgreements.Income, Input(new ControllerShape("NTS", "국세청 (National Tax Service)", "https://www.nts.go.kr"),
            "Prefill means-tested applications with your income on record",
            "소득 기준이 있는 서비스 신청서에 신고된 소득 정보를 미리 채웁니다",
            [
                new("annual-income", "Annual income on record", "연간 소득 (신고 기준)", true, "income"),
                new("income-year", "Year of the income", "소득 귀속 연도", false, "income"),
            ], validityDays: 180, forgettable: false));
    }

    private static DataAgreementInput Input(ControllerShape controller, string purpose, string purposeKo, AttributeShape[] attributes, int validityDays, bool forgettable) => new(
        controller, null, purpose, purposeKo, DemoDataAgreements.PrefillPurpose, "consent", "data-source",
        "https://www.privacy.go.kr/dpia/nara-prefill", true, forgettable, "complete", attributes, ServiceAgencies,
        ConsentDelivery.OneTime, null, validityDays, 30);
}
