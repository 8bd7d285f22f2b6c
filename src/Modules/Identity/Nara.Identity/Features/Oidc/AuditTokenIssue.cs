using Nara.Identity.Contracts;
using Nara.Identity.Data;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Runs after OpenIddict has produced (and stored) the tokens of a sign-in and writes an OidcTokenIssued event to
/// the outbox: which client, which subject (as the client sees it), which scopes and grant, which kinds of token.
/// The tokens themselves are never written.
/// </summary>
internal sealed class AuditTokenIssue(IdentityDbContext db, TimeProvider clock) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<AuditTokenIssue>()
            // After the tokens are generated and stored (AttachSignInParameters, 112 000) and before the
            // response is applied (500 000), after which OpenIddict runs no further sign-in handler.
            .SetOrder(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRejected)
        {
            return;
        }

        string[] kinds =
        [
            .. context.AuthorizationCode is null ? Array.Empty<string>() : ["authorization_code"],
            .. context.AccessToken is null ? Array.Empty<string>() : ["access_token"],
            .. context.IdentityToken is null ? Array.Empty<string>() : ["id_token"],
            .. context.RefreshToken is null ? Array.Empty<string>() : ["refresh_token"],
        ];
        var grant = context.EndpointType == OpenIddictServerEndpointType.Authorization
            ? "authorization_code"
            : context.Request?.GrantType ?? "unknown";
        var issued = new OidcTokenIssued(
            context.ClientId ?? context.Request?.ClientId ?? "unknown",
            context.Principal?.GetClaim(OpenIddictConstants.Claims.Subject) ?? "unknown",
            string.Join(' ', context.Principal?.GetScopes() ?? []),
            grant,
            string.Join(' ', kinds));
        db.Publish(issued, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
