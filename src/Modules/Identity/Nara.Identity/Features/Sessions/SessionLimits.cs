using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nara.Identity.Data;
using Nara.Kernel.Security;

namespace Nara.Identity.Features.Sessions;

/// <summary>
/// Session limits on the host's sign-in cookie (NIST SP 800-63B): officials 12 h overall and 15 min idle
/// (AAL3-style), citizens 24 h and 1 h. Idle: each ticket expires its idle limit after it was issued and the
/// cookie handler slides it forward while the person is active. Overall: the auth-time claim is checked on
/// every request. A disabled official is signed out at their next request.
/// </summary>
internal sealed class SessionLimits(IOptions<NaraIdentityOptions> options, IHostEnvironment environment) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions cookie)
    {
        if (name != NaraSchemes.Cookie)
        {
            return;
        }

        // Behind TLS in production the cookie is never sent in clear; development and tests run on plain http.
        if (environment.IsProduction())
        {
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        }

        cookie.SlidingExpiration = true;
        cookie.Events.OnSigningIn = context =>
        {
            var issued = context.Properties.IssuedUtc ?? context.Options.TimeProvider!.GetUtcNow();
            context.Properties.ExpiresUtc = issued + IdleLimit(context.Principal?.HasClaim(NaraClaims.ActorKind, ActorKinds.Official) == true);
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = ValidateAsync;
    }

    private TimeSpan IdleLimit(bool official) => official ? options.Value.OfficialIdleLimit : options.Value.CitizenIdleLimit;

    private async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var official = principal?.HasClaim(NaraClaims.ActorKind, ActorKinds.Official) == true;
        var limit = official ? options.Value.OfficialSessionLimit : options.Value.CitizenSessionLimit;
        var now = context.Options.TimeProvider!.GetUtcNow();
        var authTime = long.TryParse(principal?.FindFirst(NaraClaims.AuthTime)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var expired = authTime is null || now - authTime.Value >= limit;
        if (!expired && official && SessionPrincipal.AccountId(principal) is { } accountId)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<IdentityDbContext>();
            expired = !await db.Accounts.AnyAsync(a => a.Id == accountId && a.DisabledAt == null, context.HttpContext.RequestAborted);
        }

        if (expired)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(NaraSchemes.Cookie);
        }
    }
}
