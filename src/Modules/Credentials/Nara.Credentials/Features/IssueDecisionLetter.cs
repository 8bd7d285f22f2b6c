using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Time;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Features;

/// <summary>
/// The applicant collects a decided case's letter as a credential bound to their wallet key, issued in the deciding
/// agency's name: service, agency, decision, decision time, case id and applicant name, each disclosable (a landlord
/// may need only "approved" and the service). Anyone but the applicant gets "not found".
/// </summary>
internal sealed class IssueDecisionLetter(CredentialsDbContext db, IResidentDirectory residents, CredentialMinter minter, TimeProvider clock)
{
    public async Task<(Guid Id, IssuedSdJwt Credential)?> ExecuteAsync(
        Guid caseId, Guid applicantAccountId, long residentId, string? fallbackName, JsonObject holderJwk, string issuer, TimeSpan validity,
        CredentialActor actor, CancellationToken cancellationToken)
    {
        var letter = await db.DecisionLetters.FirstOrDefaultAsync(l => l.CaseId == caseId && l.ApplicantAccountId == applicantAccountId, cancellationToken);
        if (letter is null)
        {
            return null;
        }

        var resident = await residents.FindByIdAsync(letter.ApplicantResidentId ?? residentId, cancellationToken);
        var disclosable = new JsonObject
        {
            ["service"] = letter.ServiceNameKo,
            ["service_en"] = letter.ServiceNameEn,
            ["service_id"] = letter.ServiceSlug,
            ["agency"] = letter.Agency,
            ["decision"] = letter.Decision,
            ["decided_at"] = KoreaTime.ToSeoul(letter.DecidedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["case_id"] = letter.CaseId.ToString("D"),
            ["applicant_name"] = resident?.NameKo ?? fallbackName ?? "",
        };
        letter.CollectedAt ??= clock.GetUtcNow(); // saved with the issuance below
        return await minter.IssueAsync(CredentialTypes.DecisionLetter, letter.Agency, residentId, holderJwk, issuer, validity, disclosable, actor, cancellationToken);
    }

    /// <summary>The applicant's letter for a case; null for anyone else's case or one not (yet) recorded.</summary>
    public Task<Domain.DecisionLetter?> FindAsync(Guid applicantAccountId, Guid caseId, CancellationToken cancellationToken) =>
        db.DecisionLetters.AsNoTracking().FirstOrDefaultAsync(l => l.CaseId == caseId && l.ApplicantAccountId == applicantAccountId, cancellationToken);

    /// <summary>The citizen's decided cases, newest first, for collecting.</summary>
    public async Task<IReadOnlyList<Domain.DecisionLetter>> ListAsync(Guid applicantAccountId, CancellationToken cancellationToken)
    {
        var letters = await db.DecisionLetters.AsNoTracking().Where(l => l.ApplicantAccountId == applicantAccountId).ToListAsync(cancellationToken);
        return [.. letters.OrderByDescending(l => l.DecidedAt)];
    }
}
