using System.Text.Json.Nodes;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Oid4vp;

/// <summary>
/// An OpenID4VP 1.0 authorization request for one dc+sd-jwt credential, passed by reference (<c>request_uri</c>).
/// Client identifier prefix <c>redirect_uri:</c> (§5.9.3) with the response URI as its value: the verifier is this
/// host, the wallet sends the response to exactly that URI, and such a request must not be signed — so the request
/// object is an unsigned JWT (<c>alg: none</c>, RFC 9101 allows it) and all verifier metadata travels in
/// <c>client_metadata</c>. A verifier with its own X.509 certificate would use <c>x509_hash:</c> and sign instead.
/// </summary>
internal static class AuthorizationRequest
{
    public const string Base = "/api/credentials/presentations";
    public const string Prefix = "redirect_uri:";

    public static string ResponseUri(string origin, Guid id) => $"{origin}{Base}/{id:D}/response";

    public static string RequestUri(string origin, Guid id) => $"{origin}{Base}/{id:D}/request";

    /// <summary>The client_id, and so the <c>aud</c> the KB-JWT must carry (§14.1.2 / §B.3.6).</summary>
    public static string ClientId(string origin, Guid id) => Prefix + ResponseUri(origin, id);

    /// <summary>The DCQL credential query id the vp_token is keyed by.</summary>
    public static string QueryId(CredentialType type) => type.Id.Replace('-', '_');

    public static string Link(string origin, Guid id) =>
        $"openid4vp://?client_id={Uri.EscapeDataString(ClientId(origin, id))}&request_uri={Uri.EscapeDataString(RequestUri(origin, id))}";

    public static JsonObject Dcql(CredentialType type, IEnumerable<string> claims) => new()
    {
        ["credentials"] = new JsonArray(new JsonObject
        {
            ["id"] = QueryId(type),
            ["format"] = "dc+sd-jwt",
            ["meta"] = new JsonObject { ["vct_values"] = new JsonArray(type.Vct) },
            ["claims"] = new JsonArray([.. claims.Select(c => (JsonNode)new JsonObject { ["path"] = new JsonArray(c) })]),
        }),
    };

    /// <summary>The request object served at request_uri: <c>typ oauth-authz-req+jwt</c>, unsigned (see the class comment).</summary>
    public static string RequestObject(string origin, Guid id, CredentialType type, IEnumerable<string> claims, string nonce, string state, DateTimeOffset now, DateTimeOffset expires)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "oauth-authz-req+jwt" };
        var payload = new JsonObject
        {
            ["iss"] = ClientId(origin, id),
            ["aud"] = "https://self-issued.me/v2",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["client_id"] = ClientId(origin, id),
            ["response_type"] = "vp_token",
            ["response_mode"] = "direct_post",
            ["response_uri"] = ResponseUri(origin, id),
            ["nonce"] = nonce,
            ["state"] = state,
            ["dcql_query"] = Dcql(type, claims),
            ["client_metadata"] = new JsonObject
            {
                ["client_name"] = "나라 전자증명서 확인 / Nara credential check",
                ["vp_formats_supported"] = new JsonObject
                {
                    ["dc+sd-jwt"] = new JsonObject
                    {
                        ["sd-jwt_alg_values"] = new JsonArray("ES256"),
                        ["kb-jwt_alg_values"] = new JsonArray("ES256"),
                    },
                },
            },
        };
        return B64.Encode(header.ToJsonString()) + "." + B64.Encode(payload.ToJsonString()) + ".";
    }
}
