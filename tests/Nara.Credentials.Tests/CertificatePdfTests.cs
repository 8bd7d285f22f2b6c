using System.Net;
using Nara.Credentials.Certificates;
using Nara.Registries.Contracts;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Nara.Credentials.Tests;

/// <summary>
/// The printable certificate: read back with PdfPig (its text) and its QR decoded with ZXing from the embedded image;
/// the QR's link is accepted by /verify, days later too, and discloses what the paper shows and nothing else.
/// </summary>
public sealed class CertificatePdfTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>
{
    private static bool HasFont => CertificateFonts.Candidates.Any(File.Exists);

    [Fact]
    public async Task The_certificate_pdf_shows_the_chosen_claims_and_its_qr_is_accepted_by_verify()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var response = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=birthdate&claim=nationality", UriKind.Relative));
        if (!HasFont)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // says what to install instead of a broken PDF
            return;
        }

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("모바일 주민등록증", text, StringComparison.Ordinal);
        Assert.Contains("김서연", text, StringComparison.Ordinal);
        Assert.Contains("1993-05-14", text, StringComparison.Ordinal);
        Assert.Contains("2027-03-02", text, StringComparison.Ordinal);
        Assert.DoesNotContain("주소", text, StringComparison.Ordinal); // not chosen, not printed
        var reference = pdf.Information.Subject!;
        Assert.Contains(reference, text, StringComparison.Ordinal);

        var link = DecodeQr(pdf);
        Assert.StartsWith("http://localhost/verify?p=", link, StringComparison.Ordinal);

        // Ten days later (a paper certificate is read later), the QR still verifies and shows what the paper shows.
        factory.Clock.Advance(TimeSpan.FromDays(10));
        var verified = await factory.CreateClient().GetStringAsync(new Uri(new Uri(link).PathAndQuery + "&culture=ko", UriKind.Relative));
        Assert.Contains("확인되었습니다", verified, StringComparison.Ordinal);
        Assert.Contains("김서연", verified, StringComparison.Ordinal);
        Assert.Contains("1993-05-14", verified, StringComparison.Ordinal);
        Assert.Contains(reference, verified, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Seo-yeon", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("age_over_19", verified, StringComparison.Ordinal);

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
    public async Task A_claim_the_credential_lacks_is_a_validation_problem()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.FatherOfNewborn);
        var id = await citizen.GetMobileIdAsync();

        var response = await citizen.GetAsync(new Uri($"/my/wallet/{id:D}/pdf?claim=salary", UriKind.Relative));

        Assert.Equal(HasFont ? HttpStatusCode.BadRequest : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The QR is the certificate's only image: its decoded samples go to ZXing as grey levels.</summary>
    private static string DecodeQr(PdfDocument pdf)
    {
        var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
        Assert.True(image.TryGetBytesAsMemory(out var memory), "the image's samples could be decoded");
        var samples = memory.ToArray();
        int width = image.WidthInSamples, height = image.HeightInSamples;
        var luminance = new byte[width * height];
        var components = image.BitsPerComponent == 8 ? samples.Length / (width * height) : 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                luminance[(y * width) + x] = components > 0
                    ? samples[((y * width) + x) * components]
                    : (samples[(y * ((width + 7) / 8)) + (x / 8)] & (0x80 >> (x % 8))) != 0 ? (byte)255 : (byte)0;
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        Assert.NotNull(result);
        return result.Text;
    }
}
