using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Drops OpenIddict's built options so the next request rebuilds them with the key ring as it is now. The
/// server's options first: the validation options copy their keys from them (local server integration).
/// </summary>
internal sealed class OidcOptionsReset(
    IOptionsMonitorCache<OpenIddictServerOptions> server,
    IOptionsMonitorCache<OpenIddictValidationOptions> validation)
{
    public void Reset()
    {
        server.TryRemove(Options.DefaultName);
        validation.TryRemove(Options.DefaultName);
    }
}
