using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nara.Identity.Domain;
using OpenIddict.Server;

namespace Nara.Identity.Features.Oidc;

/// <summary>
/// Hands the key ring to OpenIddict when its options are built (at the first OIDC request, after migrations).
/// RotateOidcKeys clears the cached options so a rotation in this process takes effect at once; other hosts
/// pick the new keys up when <see cref="OidcKeyRefresh"/> notices them.
/// </summary>
internal sealed class ConfigureOidcKeys(OidcKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var key in ring.Load(OidcKey.Signing))
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in ring.Load(OidcKey.Encryption))
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
