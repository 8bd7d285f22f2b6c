using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Lets OpenIddict's server inspect only requests addressed to it. ASP.NET Core's authentication middleware
/// offers every request to every scheme that handles requests itself, and OpenIddict's server then runs its
/// request pipeline to find out that a notification send or a service page is none of its endpoints — about
/// 5 % of the CPU of a busy API host. Outside <see cref="Paths"/> the server's handler is handed out without its
/// request-handling face. The server is only ever authenticated, challenged or signed in with under /connect, where
/// it keeps it (its request handling creates the per-request state those need). OpenIddict's validation handler
/// is left alone: bearer-token APIs live everywhere and its authentication needs the state its request handling
/// sets up.
/// </summary>
internal sealed class OidcRequestGate(AuthenticationHandlerProvider inner) : IAuthenticationHandlerProvider
{
    /// <summary>Every OpenIddict server endpoint lives under one of these (checked by a test against the options).</summary>
    public static readonly string[] Paths = ["/connect/", "/.well-known/"];

    public async Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handler = await inner.GetHandlerAsync(context, authenticationScheme);
        return handler is IAuthenticationRequestHandler
            && authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
            && !IsServerPath(context.Request.Path)
                ? new NotRequestHandler(handler)
                : handler;
    }

    public static bool IsServerPath(PathString path)
    {
        foreach (var prefix in Paths)
        {
            if (path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class NotRequestHandler(IAuthenticationHandler handler) : IAuthenticationHandler
    {
        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context) => handler.InitializeAsync(scheme, context);

        public Task<AuthenticateResult> AuthenticateAsync() => handler.AuthenticateAsync();

        public Task ChallengeAsync(AuthenticationProperties? properties) => handler.ChallengeAsync(properties);

        public Task ForbidAsync(AuthenticationProperties? properties) => handler.ForbidAsync(properties);
    }
}
