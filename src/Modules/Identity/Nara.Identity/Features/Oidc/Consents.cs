using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Remembered consent is an OpenIddict permanent authorization: subject + client + scopes. Tokens issued under it
/// point to it, so withdrawing it (revoking the authorization) ends them too.
/// </summary>
internal sealed class Consents(IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications)
{
    /// <summary>The id of a valid consent covering all <paramref name="scopes"/>, or null.</summary>
    public async Task<string?> FindAsync(string subject, string clientId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var applicationId = await ApplicationIdAsync(clientId, cancellationToken);
        await foreach (var authorization in authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken))
        {
            return await authorizations.GetIdAsync(authorization, cancellationToken);
        }

        return null;
    }

    public async Task<string?> RememberAsync(ClaimsPrincipal principal, string subject, string clientId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.CreateAsync(principal, subject, await ApplicationIdAsync(clientId, cancellationToken), AuthorizationTypes.Permanent, scopes, cancellationToken);
        return await authorizations.GetIdAsync(authorization, cancellationToken);
    }

    private async Task<string> ApplicationIdAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"OpenIddict validated client {clientId}, which no longer exists.");
        return await applications.GetIdAsync(application, cancellationToken) ?? throw new InvalidOperationException("Client without id.");
    }
}
