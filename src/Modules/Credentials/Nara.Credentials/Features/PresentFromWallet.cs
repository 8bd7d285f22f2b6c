using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;
using Nara.Credentials.Wallet;

namespace Nara.Credentials.Features;

/// <summary>A presentation made by the web wallet, and the /verify link that carries it when no verifier asked.</summary>
internal sealed record WalletPresentation(string Presentation, string? Link, string Reference, IReadOnlyList<string> Disclosed);

/// <summary>
/// The web wallet presents a credential: only the claims the citizen ticked, with a KB-JWT signed by the holder key the
/// portal keeps for that credential. So the key binding proves "presented through the citizen's signed-in session",
/// not possession of a device. With a verifier's audience and nonce the presentation answers that request; without,
/// it is addressed to the public /verify page (a link for a QR).
/// </summary>
internal sealed class PresentFromWallet(CredentialsDbContext db, WalletVault vault, WalletQueries queries, TimeProvider clock)
{
    public enum Refusal
    {
        None,
        NotFound,
        NotPresentable,
        NoClaims,
        UnknownClaim,
    }

    /// <param name="print">For a printed certificate: addressed to /verify/print (stays verifiable longer).</param>
    public async Task<(Refusal Refusal, WalletPresentation? Presentation)> ExecuteAsync(
        long residentId, Guid id, IReadOnlyCollection<string> claims, string origin, string? audience, string? nonce, bool print, CancellationToken cancellationToken)
    {
        var detail = await queries.FindAsync(residentId, id, cancellationToken);
        if (detail is null)
        {
            return (Refusal.NotFound, null);
        }

        if (!detail.Item.Presentable)
        {
            return (Refusal.NotPresentable, null);
        }

        if (claims.Count == 0)
        {
            return (Refusal.NoClaims, null);
        }

        if (claims.Any(c => !detail.Claims.Disclosable.ContainsKey(c)))
        {
            return (Refusal.UnknownClaim, null);
        }

        var entry = await db.Wallet.AsNoTracking().FirstAsync(w => w.Id == id && w.ResidentId == residentId, cancellationToken);
        using var contents = vault.Open(residentId, entry.Sealed)!;
        var forVerifier = audience is { Length: > 0 };
        var aud = forVerifier ? audience! : print ? VerifyLinks.PrintAudience(origin) : VerifyLinks.LiveAudience(origin);
        var challenge = nonce is { Length: > 0 } ? nonce : B64.Encode(RandomNumberGenerator.GetBytes(12));
        var presentation = SdJwtPresenter.Present(contents.Credential, claims, contents.HolderKey, aud, challenge, clock.GetUtcNow());
        var ordered = detail.Claims.Disclosable.Select(c => c.Key).Where(claims.Contains).ToList();
        return (Refusal.None, new WalletPresentation(presentation, forVerifier ? null : VerifyLinks.Link(origin, presentation), VerifyLinks.Reference(presentation), ordered));
    }
}
