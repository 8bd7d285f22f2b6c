using System.Net;
using System.Net.Http.Json;
using Nara.Registries.Contracts;
using Nara.Testing;
using Nara.Kernel.Pdf;
using Nara.Services.Features.Letters;
using PdfSharp.Pdf.IO;

namespace Nara.Services.Tests;

/// <summary>Decision letters as PDF: a real document for the applicant and the owning agency's officials, nobody else.</summary>
public sealed class DecisionLetterPdfTests(ServicesFactory factory) : IClassFixture<ServicesFactory>
{
    /// <summary>The mother applies for parental benefit; MOHW's case system approves it. Returns her client and the ids.</summary>
    private async Task<(HttpClient Mother, Guid ApplicationId, Guid CaseId)> DecidedAsync()
    {
        var (_, mother) = await factory.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await factory.CasesOfAsync(id)).Id;
        var system = await factory.AgencySystemAsync("MOHW");
        var done = await system.PostAsJsonAsync($"/govstack/registration/tasks/{caseId}/complete", new { data = new { decision = "APPROVED", reason = "요건 충족 (requirements met)" } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return (mother, id, caseId);
    }

    [LetterFontFact]
    public async Task The_applicant_downloads_the_decision_letter_as_a_pdf_that_opens_and_names_the_case()
    {
        var (mother, id, caseId) = await DecidedAsync();

        var page = await mother.GetStringAsync(new Uri($"/my/applications/{id}", UriKind.Relative));
        var response = await mother.GetAsync(new Uri($"/my/applications/{id}?handler=LetterPdf&caseId={caseId}", UriKind.Relative));

        Assert.Contains($"handler=LetterPdf&amp;caseId={caseId}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith("%PDF-"u8));
        using var stream = new MemoryStream(bytes);
        using var pdf = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount >= 1);
        Assert.Equal(caseId.ToString("D"), pdf.Info.Subject);
        Assert.Contains(caseId.ToString("D"), pdf.Info.Title, StringComparison.Ordinal);
        Assert.Contains("부모급여", pdf.Info.Title, StringComparison.Ordinal);
        // A letter embeds only the glyphs it uses when the font is TrueType (fonts-nanum): it stays small.
        if (File.Exists(KoreanFonts.Candidates[0]))
        {
            Assert.True(bytes.Length < 500_000, $"{bytes.Length} bytes");
        }
    }

    [LetterFontFact]
    public async Task Officials_of_the_owning_agency_get_the_pdf_and_officials_of_another_agency_do_not()
    {
        var (_, _, caseId) = await DecidedAsync();
        var (_, welfare) = await factory.OfficialAsync("MOHW", "caseworker");
        var (_, tax) = await factory.OfficialAsync("NTS", "caseworker");

        var own = await welfare.GetAsync(new Uri($"/officials/agencies/MOHW/cases/{caseId}?handler=LetterPdf", UriKind.Relative));
        var other = await tax.GetAsync(new Uri($"/officials/agencies/NTS/cases/{caseId}?handler=LetterPdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True((await own.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith("%PDF-"u8));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Another_citizen_gets_404_for_someone_elses_letter_and_an_undecided_case_has_none()
    {
        var (_, id, caseId) = await DecidedAsync();
        var other = await factory.SignedInAsAsync(await factory.CreateCitizenAsync("다른시민"));
        var (_, mother) = await factory.MotherAsync();
        var open = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var openCase = Assert.Single(await factory.CasesOfAsync(open)).Id;

        var theirs = await other.GetAsync(new Uri($"/my/applications/{id}?handler=LetterPdf&caseId={caseId}", UriKind.Relative));
        var undecided = await mother.GetAsync(new Uri($"/my/applications/{open}?handler=LetterPdf&caseId={openCase}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, undecided.StatusCode);
    }

    [Fact]
    public async Task Without_a_korean_font_the_download_says_what_to_install_instead_of_failing()
    {
        await using var noFont = new ServicesFactory();
        noFont.With(PdfServiceCollectionExtensions.FontPathKey, "/nonexistent/NaraNoSuchFont.ttf");
        var (_, mother) = await noFont.MotherAsync();
        var id = await ServicesFactory.ApplyAsync(mother, "parental-benefit", 3, ServicesFactory.ParentalBenefitAnswers);
        var caseId = Assert.Single(await noFont.CasesOfAsync(id)).Id;
        var system = await noFont.AgencySystemAsync("MOHW");
        Assert.Equal(HttpStatusCode.OK, (await system.PostAsJsonAsync($"/govstack/registration/tasks/{caseId}/complete", new { data = new { decision = "APPROVED" } })).StatusCode);

        var response = await mother.GetAsync(new Uri($"/my/applications/{id}?handler=LetterPdf&caseId={caseId}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("fonts-nanum", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [LetterFontFact]
    public void A_korean_face_taken_out_of_a_font_collection_is_a_standalone_font()
    {
        var collection = KoreanFonts.Candidates.FirstOrDefault(p => p.EndsWith(".ttc", StringComparison.Ordinal) && File.Exists(p));
        if (collection is null)
        {
            return; // only TrueType fonts here: nothing to take apart
        }

        var face = KoreanFonts.FaceFromCollection(File.ReadAllBytes(collection), 1);

        Assert.True(face.AsSpan().StartsWith("OTTO"u8) || face.AsSpan().StartsWith((ReadOnlySpan<byte>)[0, 1, 0, 0]));
    }
}
