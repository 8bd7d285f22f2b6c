using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Credentials.Wallet;

namespace Nara.Credentials.Features;

/// <summary>What a verifier sees: the outcome, and only the claims the holder disclosed.</summary>
internal sealed record VerificationOutcome(
    bool Valid,
    string? Code,
    string? Reason,
    string? Issuer = null,
    string? Vct = null,
    CredentialType? Type = null,
    DateTimeOffset? IssuedAt = null,
    DateTimeOffset? ExpiresAt = null,
    string? Status = null,
    bool KeyBound = false,
    JsonObject? Disclosed = null,
    string? Reference = null);

/// <summary>
/// Verifies a presentation against the issuer key ring (no network, no record of the check). In age mode only
/// <c>age_over_19</c> is asked for and only it is shown, whatever else the holder disclosed.
/// Status: credentials that reference a status list are checked against the lists this host publishes.
/// </summary>
internal sealed class VerifyPresentation(IssuerKeyRing keys, TimeProvider clock, IStatusLists statusLists, IOptions<CredentialsOptions> settings)
{
    /// <summary>
    /// What a /verify link carries (a wallet's QR, on screen or paper): key binding is required, addressed to this
    /// page. A printed certificate's presentation names <see cref="VerifyLinks.PrintAudience"/> and may be as old as
    /// <c>PrintedPresentationValidity</c>; any other must name <see cref="VerifyLinks.LiveAudience"/> and be fresh.
    /// There is no verifier nonce to check: the holder chose it.
    /// </summary>
    public Task<VerificationOutcome> ExecuteLinkAsync(string presentation, string origin, bool ageOnly, CancellationToken cancellationToken)
    {
        var keyBinding = presentation[(presentation.LastIndexOf('~') + 1)..];
        var printed = Es256.Parse(keyBinding) is { } kb && Es256.Text(kb.Payload, "aud") == VerifyLinks.PrintAudience(origin);
        return printed
            ? ExecuteAsync(presentation, VerifyLinks.PrintAudience(origin), null, ageOnly, cancellationToken, settings.Value.PrintedPresentationValidity)
            : ExecuteAsync(presentation, VerifyLinks.LiveAudience(origin), null, ageOnly, cancellationToken);
    }

    public async Task<VerificationOutcome> ExecuteAsync(
        string presentation, string? audience, string? nonce, bool ageOnly, CancellationToken cancellationToken, TimeSpan? keyBindingMaxAge = null)
    {
        var options = new VerifyOptions(keys.Find, clock.GetUtcNow(), audience is { Length: > 0 } ? audience : null, nonce is { Length: > 0 } ? nonce : null,
            KeyBindingMaxAge: keyBindingMaxAge, Status: statusLists.ResolveAsync);
        var result = await SdJwtVerifier.VerifyAsync(presentation, options, cancellationToken);
        if (!result.Valid)
        {
            return new VerificationOutcome(false, result.Rejection!.Value.Code(), result.Reason);
        }

        var claims = result.Claims!;
        var disclosed = new JsonObject();
        foreach (var name in result.DisclosedClaims!.Where(n => !ageOnly || n == "age_over_19").Distinct())
        {
            disclosed[name] = claims[name]?.DeepClone();
        }

        if (ageOnly && disclosed["age_over_19"] is null)
        {
            return new VerificationOutcome(false, "age-not-disclosed", "the presentation does not disclose age_over_19");
        }

        var vct = Es256.Text(claims, "vct");
        return new VerificationOutcome(
            true, null, null, Es256.Text(claims, "iss"), vct, CredentialTypes.ByVct(vct),
            Es256.Number(claims, "iat") is { } iat ? DateTimeOffset.FromUnixTimeSeconds(iat) : null,
            Es256.Number(claims, "exp") is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp) : null,
            result.Status is null ? "none" : "valid",
            options.RequireKeyBinding,
            disclosed,
            VerifyLinks.Reference(presentation));
    }
}
