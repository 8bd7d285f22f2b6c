using Nara.Identity.Contracts;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>The contract's face over the three use cases.</summary>
internal sealed class AgencyClientAdministration(
    RegisterAgencyClient register,
    ListAgencyClients list,
    RevokeAgencyClient revoke) : IAgencyClientAdministration
{
    public Task<AgencyClientRegistration> RegisterAsync(NewAgencyClient client, CancellationToken cancellationToken) =>
        register.ExecuteAsync(client, cancellationToken);

    public Task<IReadOnlyList<AgencyClientInfo>> ListAsync(CancellationToken cancellationToken) => list.ExecuteAsync(cancellationToken);

    public Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken) => revoke.ExecuteAsync(clientId, cancellationToken);
}
