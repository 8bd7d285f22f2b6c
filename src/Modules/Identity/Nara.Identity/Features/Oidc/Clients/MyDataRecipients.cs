using Nara.Identity.Contracts;

namespace Nara.Identity.Features.Oidc.Clients;

/// <summary>The OpenID clients that may receive MyData, from the same list the administrators see.</summary>
internal sealed class MyDataRecipients(IOidcClientAdministration clients) : IMyDataRecipients
{
    public async Task<IReadOnlyList<MyDataRecipient>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await clients.ListAsync(cancellationToken))
            .Where(c => c.ClientCredentials && c.AgencyCode is not null && c.Scopes.Contains(MyDataScopes.Receive))
            .Select(c => new MyDataRecipient(c.ClientId, c.DisplayName, c.AgencyCode!))];
}
