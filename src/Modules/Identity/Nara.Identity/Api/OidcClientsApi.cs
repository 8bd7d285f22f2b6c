using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nara.Identity.Contracts;
using Nara.Kernel.Http;
using Nara.Kernel.Security;

namespace Nara.Identity.Api;

/// <summary>
/// /api/identity/oidc-clients: platform administrators (officials with the administrator role at the platform
/// agency, MOIS by default) register, list and remove relying parties and agency systems.
/// </summary>
internal static class OidcClientsApi
{
    public const string Prefix = "/api/identity/oidc-clients";
    public const string PlatformAdministrator = "nara:identity:platform-administrator";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireAuthorization(PlatformAdministrator).WithTags("Identity: OpenID Connect clients")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", (IOidcClientAdministration clients, CancellationToken ct) => clients.ListAsync(ct))
            .WithSummary("List the registered clients (never their secrets)");
        api.MapPost("/", RegisterAsync).WithSummary("Register a client; a confidential client's secret is in the answer, once")
            .Produces<OidcClientRegistration>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapDelete("/{**clientId}", async (string clientId, IOidcClientAdministration clients, CancellationToken ct) =>
                await clients.RemoveAsync(clientId, ct) ? Results.NoContent() : Problems.NotFound($"There is no client '{clientId}'."))
            .WithSummary("Remove a client and revoke its tokens").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RegisterAsync(NewOidcClient? client, IOidcClientAdministration clients, CancellationToken ct)
    {
        if (client is null)
        {
            return Problems.BadRequest("Send the client as JSON: clientId, displayName, clientType, sector, redirectUris, postLogoutRedirectUris, scopes.");
        }

        var registration = await clients.RegisterAsync(client with
        {
            RedirectUris = client.RedirectUris ?? [],
            PostLogoutRedirectUris = client.PostLogoutRedirectUris ?? [],
            Scopes = client.Scopes ?? [],
        }, ct);
        return registration.Succeeded
            ? Results.Created($"{Prefix}/{client.ClientId}", registration)
            : Problems.BadRequest(registration.Error!);
    }

    /// <summary>The platform agency runs Nara itself; its administrators manage who may sign in with it.</summary>
    public static void AddPolicy(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder, string platformAgency) =>
        builder.AddPolicy(PlatformAdministrator, p => p
            .AddAuthenticationSchemes(NaraSchemes.Cookie)
            .RequireClaim(NaraClaims.ActorKind, ActorKinds.Official)
            .RequireClaim(NaraClaims.Role, NaraRoles.Administrator)
            .RequireClaim(NaraClaims.Agency, platformAgency));
}
