using Microsoft.Extensions.Options;
using Nara.Credentials.Certificates;
using Nara.Kernel.Pdf;

namespace Nara.Credentials.Features;

/// <summary>
/// The printable certificate of a wallet credential: the holder's name and the claims the citizen chose (by default
/// name and date of birth), with a QR whose presentation discloses exactly those. The QR link is addressed to
/// /verify/print and stays verifiable for <c>PrintedPresentationValidity</c> (and never past the credential's expiry,
/// revocation or suspension, which /verify checks each time).
/// </summary>
internal sealed class PrintCertificate(PresentFromWallet present, WalletQueries queries, KoreanFonts fonts, IOptions<CredentialsOptions> options, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DefaultClaims = ["name", "birthdate"];

    public enum Outcome
    {
        Rendered,
        NoFont,
        NotFound,
        NotPresentable,
        UnknownClaim,
        TooBigForQr,
    }

    public async Task<(Outcome Outcome, byte[]? Pdf)> ExecuteAsync(long residentId, Guid id, IReadOnlyCollection<string> claims, string origin, CancellationToken cancellationToken)
    {
        var detail = await queries.FindAsync(residentId, id, cancellationToken);
        if (detail is null)
        {
            return (Outcome.NotFound, null);
        }

        if (!detail.Item.Presentable)
        {
            return (Outcome.NotPresentable, null);
        }

        // After the holder and state checks (someone else's credential is not found, whatever this host lacks), and
        // before a presentation is made for a PDF that could not be drawn.
        if (!fonts.Available)
        {
            return (Outcome.NoFont, null);
        }

        var chosen = claims.Count == 0 ? DefaultClaims.Where(detail.Claims.Disclosable.ContainsKey).ToList() : claims.Distinct(StringComparer.Ordinal).ToList();
        if (detail.Claims.Disclosable.ContainsKey("name") && !chosen.Contains("name"))
        {
            chosen.Insert(0, "name"); // a certificate names its holder
        }

        var (refusal, presentation) = await present.ExecuteAsync(residentId, id, chosen, origin, null, null, print: true, cancellationToken);
        switch (refusal)
        {
            case PresentFromWallet.Refusal.NotFound:
                return (Outcome.NotFound, null);
            case PresentFromWallet.Refusal.NotPresentable:
                return (Outcome.NotPresentable, null);
            case PresentFromWallet.Refusal.NoClaims or PresentFromWallet.Refusal.UnknownClaim:
                return (Outcome.UnknownClaim, null);
        }

        if (!QrCodes.Fits(presentation!.Link!))
        {
            return (Outcome.TooBigForQr, null);
        }

        var until = clock.GetUtcNow() + options.Value.PrintedPresentationValidity;
        var content = new CertificateContent(
            detail.Item.Type, detail.Issuer, detail.Item.IssuedAt, detail.Item.ExpiresAt,
            [.. presentation!.Disclosed.Select(n => (n, detail.Claims.Disclosable[n]))],
            presentation.Link!, presentation.Reference, until < detail.Item.ExpiresAt ? until : detail.Item.ExpiresAt);
        return (Outcome.Rendered, CertificatePdf.Render(content));
    }
}
