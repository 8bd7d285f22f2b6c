using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nara.Credentials.Certificates;
using Nara.Kernel.Pdf;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Registries.Contracts;
using Nara.Testing;
using UglyToad.PdfPig;

namespace Nara.Credentials.Tests;

/// <summary>
/// The printable certificate: read back with PdfPig (its text) and its QR decoded with ZXing from the embedded image;
/// the QR's link is accepted by /verify, days later too, and discloses what the paper shows and nothing else.
/// </summary>
public sealed class CertificatePdfTests(CredentialsFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CredentialsFactory>
{
    private static bool HasFont => KoreanFonts.SystemHasFont;

    [Fact]
    public async Task The_certificate_pdf_shows_the_chosen_claims_and_its_qr_is_accepted_by_verify()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var response = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=birthdate&claim=nationality", UriKind.Relative));
        if (await ReadPdfAsync(response) is not { } read)
        {
            return;
        }

        using var pdf = read.Pdf;
        var text = read.Text;
        Assert.Contains("모바일 주민등록증", text, StringComparison.Ordinal);
        Assert.Contains("김서연", text, StringComparison.Ordinal);
        Assert.Contains("1993-05-14", text, StringComparison.Ordinal);
        Assert.Contains("2027-03-02", text, StringComparison.Ordinal);
        Assert.DoesNotContain("주소", text, StringComparison.Ordinal); // not chosen, not printed
        var reference = pdf.Information.Subject!;
        Assert.Contains(reference, text, StringComparison.Ordinal);

        var (link, version) = CertificateQr.Decode(pdf);
        Assert.StartsWith("http://localhost/verify?p=", link, StringComparison.Ordinal);
        output.WriteLine($"QR version {version} for a {link.Length}-character link; PDF {read.Size} bytes");
        Assert.InRange(version, 1, 33); // name, birth date and nationality: scannable at about 70 mm

        // Paper is read later than a screen: past the screen QR's five minutes, the printed QR still verifies and shows
        // what the paper shows. (Moving the shared clock by days would fire every periodic job thousands of times; the
        // 30-day limit is checked below with a verifier on its own clock.)
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var verified = await factory.CreateClient().GetStringAsync(new Uri(new Uri(link).PathAndQuery + "&culture=ko", UriKind.Relative));
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("김서연", verified, StringComparison.Ordinal);
        Assert.Contains("1993-05-14", verified, StringComparison.Ordinal);
        Assert.Contains(reference, verified, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Seo-yeon", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("age_over_19", verified, StringComparison.Ordinal);

        var presentation = link[(link.IndexOf("p=", StringComparison.Ordinal) + 2)..];
        Assert.True((await VerifyAtAsync(presentation, TimeSpan.FromDays(29))).Valid);
        Assert.Equal("key-binding-stale", (await VerifyAtAsync(presentation, TimeSpan.FromDays(31))).Code);

        // Pasted into the form instead of opened, the same link is accepted.
        var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/verify", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Presentation"] = link,
            ["__RequestVerificationToken"] = Nara.Testing.OfficialAccounts.AntiforgeryToken(page),
        });
        var pasted = await (await client.PostAsync(new Uri("/verify", UriKind.Relative), content)).Content.ReadAsStringAsync();
        Assert.Contains("확인되었습니다", pasted, StringComparison.Ordinal);
        Assert.Contains(reference, pasted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_relations_pdf_with_every_item_ticked_shows_the_family_and_its_qr_is_accepted_by_verify()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var id = await citizen.GetCertificateAsync("family-relations");

        var response = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=name_en&claim=birthdate&claim=family", UriKind.Relative));
        if (await ReadPdfAsync(response) is not { } read)
        {
            return;
        }

        using var pdf = read.Pdf;
        var text = read.Text;
        Assert.Contains("가족관계증명서", text, StringComparison.Ordinal);
        Assert.Contains("Kim Seo-yeon", text, StringComparison.Ordinal);
        Assert.Contains("이준호", text, StringComparison.Ordinal); // the spouse
        Assert.Contains("이하린", text, StringComparison.Ordinal); // the child
        Assert.Contains("2025-12-20", text, StringComparison.Ordinal);

        var (link, version) = CertificateQr.Decode(pdf);
        output.WriteLine($"QR version {version} for a {link.Length}-character link; PDF {read.Size} bytes");
        Assert.StartsWith("http://localhost/verify?p=", link, StringComparison.Ordinal);
        var verified = await factory.CreateClient().GetStringAsync(new Uri(new Uri(link).PathAndQuery + "&culture=ko", UriKind.Relative));
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("가족관계증명서", verified, StringComparison.Ordinal);
        Assert.Contains("Kim Seo-yeon", verified, StringComparison.Ordinal);
        Assert.Contains("이준호", verified, StringComparison.Ordinal);
        Assert.Contains("이하린", verified, StringComparison.Ordinal);
        Assert.Contains(pdf.Information.Subject!, verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_the_credential_lacks_is_a_validation_problem()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var response = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=salary", UriKind.Relative));

        Assert.Equal(HasFont ? HttpStatusCode.BadRequest : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>
    /// The PDF and its text; null when this host has no Korean font, after checking the endpoint said so (503, what to
    /// install) instead of sending a broken PDF.
    /// </summary>
    private static async Task<(PdfDocument Pdf, string Text, int Size)?> ReadPdfAsync(HttpResponseMessage response)
    {
        if (!HasFont)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            return null;
        }

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var pdf = PdfDocument.Open(bytes);
        return (pdf, string.Concat(pdf.GetPages().Select(p => p.Text)), bytes.Length);
    }

    /// <summary>Verifies a /verify link's presentation as /verify would, on a clock moved on by <paramref name="later"/>.</summary>
    private async Task<VerificationOutcome> VerifyAtAsync(string presentation, TimeSpan later)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = new FakeTimeProvider(factory.Clock.GetUtcNow() + later);
        var verify = new VerifyPresentation(services.GetRequiredService<IssuerKeyRing>(), clock, services.GetRequiredService<IStatusLists>(),
            services.GetRequiredService<IOptions<CredentialsOptions>>());
        return await verify.ExecuteLinkAsync(presentation, "http://localhost", false, CancellationToken.None);
    }
}
