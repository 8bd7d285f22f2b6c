using System.Collections.Immutable;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc.Clients;

/// <summary>The contract's face: register (its own use case), list and remove, which are a few lines each.</summary>
internal sealed class OidcClientAdministration(
    RegisterOidcClient register,
    IOpenIddictApplicationManager applications,
    IdentityDbContext db,
    TimeProvider clock) : IOidcClientAdministration
{
    public Task<OidcClientRegistration> RegisterAsync(NewOidcClient client, CancellationToken cancellationToken) =>
        register.ExecuteAsync(client, cancellationToken);

    public async Task<IReadOnlyList<OidcClientInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<OidcClientInfo>();
        await foreach (var application in applications.ListAsync(null, null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "";
            var settings = await OidcClientSettings.FindAsync(applications, clientId, cancellationToken);
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            var redirects = await applications.GetRedirectUrisAsync(application, cancellationToken);
            list.Add(new OidcClientInfo(
                clientId,
                settings?.DisplayName ?? clientId,
                await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken) ? OidcClientTypes.Public : OidcClientTypes.Confidential,
                settings?.Sector ?? OidcSectors.Private,
                settings?.AgencyCode,
                [.. redirects],
                [.. ScopesOf(permissions)],
                permissions.Contains(Permissions.GrantTypes.ClientCredentials)));
        }

        return [.. list.OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public async Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }

        db.Publish(new OidcClientRemoved(clientId), clock.GetUtcNow());
        await applications.DeleteAsync(application, cancellationToken); // with its authorizations and tokens
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static IEnumerable<string> ScopesOf(ImmutableArray<string> permissions) =>
        permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .Distinct(StringComparer.Ordinal);
}
