using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Http;

namespace Nara.Credentials.Api;

/// <summary>
/// The published Token Status List (<c>application/statuslist+jwt</c>), signed by the issuer ring and cacheable for
/// its ttl: verifiers fetch it now and then, never per check, so the issuer cannot tell who is being checked. Each new
/// version is recorded for the audit log when first served (<see cref="RecordStatusPublication"/>); fetches are not.
/// </summary>
internal static class StatusEndpoints
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/credentials/status/{list:int}", async (int list, HttpContext http, StatusLists lists, IssuerKeyRing keys,
            RecordStatusPublication publication, IOptions<CredentialsOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            if (list != StatusLists.CurrentList)
            {
                return Problems.NotFound($"There is no status list {list}.");
            }

            var statusList = await lists.BuildAsync(list, ct);
            await publication.ExecuteAsync(list, statusList, ct);
            var uri = Issuer.Of(http, options.Value) + StatusLists.PathOf(list);
            var (key, kid) = keys.Signer;
            var token = StatusListToken.Sign(uri, statusList, clock.GetUtcNow(), TimeSpan.FromDays(1), Ttl, key, kid);
            http.Response.Headers.CacheControl = $"public, max-age={(int)Ttl.TotalSeconds}";
            return Results.Text(token, "application/statuslist+jwt");
        }).AllowAnonymous().WithTags("Credentials");
    }
}
