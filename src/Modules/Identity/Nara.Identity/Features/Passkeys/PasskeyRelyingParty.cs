using Fido2NetLib;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Nara.Identity.Features.Passkeys;

/// <summary>
/// Nara as a WebAuthn relying party. In production the relying party id and origins come from
/// configuration: taking them from the request would let a phishing proxy that rewrites the Host header
/// pass its own origin. Development and tests (random ports) use the request's origin.
/// </summary>
internal sealed class PasskeyRelyingParty(IOptions<NaraIdentityOptions> options, IHostEnvironment environment, IHttpContextAccessor http)
{
    public const string Name = "나라 Nara";

    public Fido2 Create()
    {
        var configured = options.Value.Passkeys;
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Passkeys need an HTTP request.");
        string rpId;
        HashSet<string> origins;
        if (configured.RelyingPartyId is { Length: > 0 } id && configured.Origins.Length > 0)
        {
            rpId = id;
            origins = [.. configured.Origins];
        }
        else if (!environment.IsProduction())
        {
            rpId = request.Host.Host;
            origins = [$"{request.Scheme}://{request.Host.Value}"];
        }
        else
        {
            throw new InvalidOperationException("Set Nara:Identity:Passkeys:RelyingPartyId and Nara:Identity:Passkeys:Origins in production.");
        }

        return new Fido2(new Fido2Configuration
        {
            RPID = rpId,
            RPName = Name,
            Origins = origins,
            TimestampDriftTolerance = 300_000,
        }, metadataService: null);
    }
}
