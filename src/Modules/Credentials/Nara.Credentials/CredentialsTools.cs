using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nara.Credentials.Contracts;
using Nara.Credentials.Features;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials;

/// <summary>What the host's CLI verbs need from the module: key rotation (<c>nara credentials rotate-key</c>) and the benchmark's issuing and presenting.</summary>
public static class CredentialsTools
{
    /// <summary>Rotates the issuer key as an operator at the console; audited like the API's rotation.</summary>
    public static async Task<(string Previous, string Current)> RotateIssuerKeyAsync(IServiceProvider services, string operatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RotateIssuerKey>().ExecuteAsync(new CredentialActor("system", operatorId), cancellationToken);
    }

    /// <summary>Issues a mobile ID in-process (registry reads, status entry, signature, record and outbox in one transaction); null when no such resident.</summary>
    public static async Task<string?> IssueMobileIdAsync(IServiceProvider services, long residentId, ECDsa holder, string issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var validity = scope.ServiceProvider.GetRequiredService<IOptions<CredentialsOptions>>().Value.Validity;
        var issued = await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
            .ExecuteAsync(residentId, Es256.PublicJwk(holder), issuer, validity, new CredentialActor("system", "bench"), cancellationToken);
        return issued?.Credential.Compact;
    }

    /// <summary>Times the signing alone (no database) of a mobile-ID-shaped SD-JWT VC, <paramref name="n"/> times on all cores: latencies in ms.</summary>
    public static double[] TimeSigningOnly(int n, ECDsa holder)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuer = new SdJwtIssuer();
        var jwk = Es256.PublicJwk(holder);
        var latencies = new double[n];
        Parallel.For(0, n, i =>
        {
            var start = Stopwatch.GetTimestamp();
            var visible = new JsonObject
            {
                ["iss"] = "https://nara.go.kr", ["iat"] = 1_780_000_000, ["exp"] = 1_811_536_000, ["vct"] = "urn:kr:go:nara:vct:resident-id:1",
                ["cnf"] = new JsonObject { ["jwk"] = jwk.DeepClone() },
                ["status"] = new JsonObject { ["status_list"] = new JsonObject { ["idx"] = i, ["uri"] = "https://nara.go.kr/api/credentials/status/1" } },
            };
            var disclosable = new JsonObject
            {
                ["name"] = "김서연", ["name_en"] = "Kim Seo-yeon", ["birthdate"] = "1993-05-14", ["nationality"] = "KR",
                ["age_over_14"] = true, ["age_over_19"] = true, ["age_over_65"] = false, ["resident_of"] = "11", ["photo_ref"] = "urn:kr:go:nara:photo:1",
                ["address"] = new JsonObject { ["formatted"] = "서울특별시 종로구 세종대로 209", ["postal_code"] = "03171" },
            };
            _ = issuer.Issue(new SdJwtIssueRequest("dc+sd-jwt", visible, disclosable, issuerKey, "k1")).Compact;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        return latencies;
    }

    /// <summary>
    /// Verifies as a verifier elsewhere embeds it, offline: the issuer's JWKS and one Status List Token, fetched once
    /// beforehand (given here as text), then <paramref name="n"/> verifications with key binding (issuer and holder
    /// signatures, aud, nonce, sd_hash, disclosures, status from the kept list) on all cores. Latencies in ms.
    /// </summary>
    public static (double[] Latencies, int Failures) TimeVerifyingOffline(
        string jwks, string statusListUri, string statusListToken, IReadOnlyList<string> presentations, string audience, string nonce, int n)
    {
        ArgumentNullException.ThrowIfNull(presentations);
        using var published = PublishedIssuer.FromJwks(JsonNode.Parse(jwks) as JsonObject ?? throw new ArgumentException("Not a JWKS.", nameof(jwks)));
        if (!published.AddStatusList(statusListUri, statusListToken))
        {
            throw new ArgumentException("The status list token is not signed by a key of the JWKS, or not for that URI.", nameof(statusListToken));
        }

        var latencies = new double[n];
        var failures = 0;
        Parallel.For(0, n, i =>
        {
            var start = Stopwatch.GetTimestamp();
            var options = new VerifyOptions(published.Find, DateTimeOffset.UtcNow, audience, nonce, Status: published.ResolveAsync);
            var pending = SdJwtVerifier.VerifyAsync(presentations[i % presentations.Count], options);
            var result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!result.Valid)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return (latencies, failures);
    }

    /// <summary>A presentation of <paramref name="claims"/> with a KB-JWT signed by the holder.</summary>
    public static string Present(string issued, IReadOnlyList<string> claims, ECDsa holder, string audience, string nonce, DateTimeOffset now) =>
        SdJwtPresenter.Present(issued, claims, holder, audience, nonce, now);
}
