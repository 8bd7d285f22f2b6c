using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Localization;
using Nara.Kernel.Pdf;
using Nara.Registries.Contracts;
using Nara.Services.Data;
using Nara.Services.Domain.Applications;
using Nara.Services.Domain.Catalogue;

namespace Nara.Services.Features.Letters;

/// <summary>A PDF letter, or why there is none: <c>NotFound</c> (no decided case the caller may see) or a missing font.</summary>
internal sealed record LetterPdf(byte[]? Content, string FileName, bool NotFound, string? Problem)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// Renders a decided case's letter as a PDF on request, for the applicant (own cases only) or an official of the
/// agency that owns the case. The PDF is built from the recorded decision each time, so it always says what the
/// stored HTML letter says; nothing is written, so there is no state change to audit (the decision itself is,
/// through <c>ApplicationDecided</c>). A case another person or agency owns is "not found", never "forbidden",
/// so its existence is not revealed.
/// </summary>
internal sealed class IssueLetterPdf(ServicesDbContext db, ServiceCatalogue catalogue, IResidentDirectory residents, KoreanFonts fonts)
{
    public async Task<LetterPdf> ForApplicantAsync(Guid account, Guid caseId, CancellationToken ct) =>
        await RenderAsync(await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.ApplicantAccountId == account, ct), ct);

    public async Task<LetterPdf> ForAgencyAsync(string agency, Guid caseId, CancellationToken ct) =>
        await RenderAsync(await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId && c.Agency == agency, ct), ct);

    private async Task<LetterPdf> RenderAsync(Case? c, CancellationToken ct)
    {
        if (c?.Decision is null)
        {
            return new LetterPdf(null, "", NotFound: true, null);
        }

        if (fonts.Path is null)
        {
            return new LetterPdf(null, "", NotFound: false, Bilingual.L(PdfServiceCollectionExtensions.MissingFont.Ko, PdfServiceCollectionExtensions.MissingFont.En));
        }

        // Name only: the letter does not need the resident number, address or the answers.
        var name = c.ApplicantResidentId is { } id && await residents.FindByIdAsync(id, ct) is { } r
            ? Bilingual.L(r.NameKo, $"{r.NameKo} ({r.NameEn})")
            : "";
        var agency = Agencies.Find(c.Agency) ?? new LocalText(c.Agency, c.Agency);
        var bytes = DecisionLetterPdf.Render(new LetterContent(c, catalogue.Get(c.ServiceSlug), agency, name));
        return new LetterPdf(bytes, $"decision-{c.ServiceSlug}-{c.Id.ToString("N")[..8]}.pdf", NotFound: false, null);
    }
}
