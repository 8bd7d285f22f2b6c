using System.Security.Cryptography;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nara.Identity.Features.Oidc.Clients;

/// <summary>
/// Registers a relying party or agency system. Confidential clients get a random secret, shown once; OpenIddict
/// keeps only its hash. Permissions follow what the client is for: signing people in, client credentials, or both.
/// </summary>
internal sealed class RegisterOidcClient(
    IdentityDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    TimeProvider clock)
{
    public async Task<OidcClientRegistration> ExecuteAsync(NewOidcClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (OidcClientRules.Check(client) is { } error)
        {
            return new OidcClientRegistration(false, null, error);
        }

        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is not null)
        {
            return new OidcClientRegistration(false, null, $"A client with id '{client.ClientId}' already exists.");
        }

        var secret = client.ClientType == OidcClientTypes.Confidential
            ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : null;
        var descriptor = Describe(client, secret);
        foreach (var scope in client.Scopes.Where(s => s.StartsWith("registries:", StringComparison.Ordinal)))
        {
            // Fine-grained registry scopes are not in the server's fixed list; OpenIddict then looks them up here.
            if (await scopes.FindByNameAsync(scope, cancellationToken) is null)
            {
                await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = scope, DisplayName = scope }, cancellationToken);
            }
        }

        db.Publish(
            new OidcClientRegistered(client.ClientId, client.ClientType, client.Sector, client.AgencyCode, string.Join(' ', client.Scopes)),
            clock.GetUtcNow());
        await applications.CreateAsync(descriptor, cancellationToken); // saves the outbox message with the client
        return new OidcClientRegistration(true, secret, null);
    }

    private static OpenIddictApplicationDescriptor Describe(NewOidcClient client, string? secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = client.ClientType == OidcClientTypes.Public ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = client.DisplayName.Trim(),
        };
        OidcClientSettings.Write(descriptor, client);
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (client.ClientType == OidcClientTypes.Confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (client.RedirectUris.Count > 0)
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (client.ClientCredentials)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        return descriptor;
    }
}
