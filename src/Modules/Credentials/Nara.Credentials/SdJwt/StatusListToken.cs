using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>The signed Status List Token (<c>typ: statuslist+jwt</c>): sub is the list's URI, ttl the caching hint.</summary>
internal static class StatusListToken
{
    public const string Type = "statuslist+jwt";

    public static string Sign(string uri, StatusList list, DateTimeOffset issuedAt, TimeSpan lifetime, TimeSpan ttl, ECDsa key, string kid) =>
        Es256.Sign(
            new JsonObject { ["typ"] = Type, ["kid"] = kid },
            new JsonObject
            {
                ["sub"] = uri,
                ["iat"] = issuedAt.ToUnixTimeSeconds(),
                ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(),
                ["ttl"] = (long)ttl.TotalSeconds,
                ["status_list"] = list.ToJson(),
            },
            key);

    /// <summary>The list in a token signed by one of the issuer's keys, for <paramref name="uri"/>, not expired; else null.</summary>
    public static StatusList? Read(string token, string uri, Func<string, ECDsa?> issuerKeys, DateTimeOffset now)
    {
        if (Es256.Parse(token) is not { } jws || Es256.Text(jws.Header, "typ") != Type || Es256.Text(jws.Header, "alg") != Es256.Algorithm
            || Es256.Text(jws.Header, "kid") is not { } kid || issuerKeys(kid) is not { } key || !jws.VerifiedBy(key)
            || Es256.Text(jws.Payload, "sub") != uri
            || (Es256.Number(jws.Payload, "exp") is { } exp && now.ToUnixTimeSeconds() >= exp)
            || jws.Payload["status_list"] is not JsonObject list)
        {
            return null;
        }

        return StatusList.Decode(list);
    }
}
