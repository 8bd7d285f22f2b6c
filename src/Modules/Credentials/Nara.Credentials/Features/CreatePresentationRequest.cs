using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nara.Credentials.Data;
using Nara.Credentials.Domain;
using Nara.Credentials.Oid4vci;
using Nara.Credentials.Oid4vp;

namespace Nara.Credentials.Features;

/// <summary>
/// A verifier (a shop, a bank, the public /verify/request page) asks for chosen claims of one credential type through
/// OpenID4VP. The answer lands on Nara's response endpoint; the verifier reads it with the transaction id only it
/// holds. Expired requests are deleted here, so the table holds at most a few minutes of requests.
/// Not audited on purpose: like /verify, a check of a credential leaves no record tied to anyone.
/// </summary>
internal sealed class CreatePresentationRequest(CredentialsDbContext db, OfferableCredentials types, IOptions<CredentialsOptions> options, TimeProvider clock)
{
    public const int MaxClaims = 20;

    internal sealed record Created(Guid Id, string TransactionId, string Link, string RequestUri, string ClientId, DateTimeOffset ExpiresAt);

    /// <param name="id">The request's id when the caller needs it in advance (a redirect URI naming the request); random otherwise.</param>
    /// <returns>The request, or the name of the field that is wrong.</returns>
    public async Task<(Created? Request, string? BadField, string? Problem)> ExecuteAsync(
        string origin, string? type, IReadOnlyList<string>? claims, string? redirectUri, CancellationToken cancellationToken, Guid? id = null)
    {
        if (types.Find(type) is not { } credential)
        {
            return (null, "type", "A credential type Nara issues to wallets, e.g. resident-id.");
        }

        var wanted = (claims ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count is 0 or > MaxClaims || wanted.Any(c => !credential.Claims.Contains(c)))
        {
            return (null, "claims", $"One to {MaxClaims} of: {string.Join(", ", credential.Claims)}.");
        }

        if (redirectUri is not null && (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("https" or "http")
            || redirect.Fragment.Length > 0 || redirectUri.Length > 2000))
        {
            return (null, "redirectUri", "An absolute http(s) URL without a fragment; response_code is appended to its query.");
        }

        var now = clock.GetUtcNow();
        await db.Presentations.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var transaction = Secrets.New();
        var request = new PresentationRequest
        {
            Id = id ?? Guid.NewGuid(), // public (it is in the QR code); the transaction id, not this, guards the result
            TransactionHash = Secrets.Hash(transaction),
            Nonce = Secrets.New(),
            State = Secrets.New(),
            Type = credential.Type.Id,
            Claims = JsonSerializer.Serialize(wanted),
            RedirectUri = redirectUri,
            CreatedAt = now,
            ExpiresAt = now + options.Value.PresentationLifetime,
        };
        db.Presentations.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return (new Created(request.Id, transaction, AuthorizationRequest.Link(origin, request.Id), AuthorizationRequest.RequestUri(origin, request.Id),
            AuthorizationRequest.ClientId(origin, request.Id), request.ExpiresAt), null, null);
    }
}
