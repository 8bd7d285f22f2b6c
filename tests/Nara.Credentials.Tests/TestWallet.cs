using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nara.Credentials.SdJwt;

namespace Nara.Credentials.Tests;

/// <summary>
/// A third-party wallet as the tests play it: its own P-256 key, and the wire steps of OpenID4VCI (offer → token →
/// nonce → credential) and OpenID4VP (request_uri → KB-JWT → direct_post), written against the specifications
/// rather than against Nara's classes (only the SD-JWT presenter is shared).
/// </summary>
internal sealed class TestWallet(HttpClient http) : IDisposable
{
    public const string PreAuthorizedGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public HttpClient Http => http;

    public void Dispose() => Key.Dispose();

    /// <summary>Reads an openid-credential-offer:// link, by value or by reference.</summary>
    public async Task<JsonObject> OfferAsync(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link[link.IndexOf('?', StringComparison.Ordinal)..]);
        if (query["credential_offer"] is { } inline)
        {
            return (JsonObject)JsonNode.Parse(inline)!;
        }

        return (JsonObject)JsonNode.Parse(await http.GetStringAsync(new Uri(query["credential_offer_uri"]!)))!;
    }

    public static string Code(JsonObject offer) => offer["grants"]![PreAuthorizedGrant]!["pre-authorized_code"]!.GetValue<string>();

    public async Task<(HttpResponseMessage Response, JsonObject Body)> TokenAsync(string code, string? txCode, string grant = PreAuthorizedGrant)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grant, ["pre-authorized_code"] = code };
        if (txCode is not null)
        {
            form["tx_code"] = txCode;
        }

        using var content = new FormUrlEncodedContent(form);
        var response = await http.PostAsync(new Uri("/api/credentials/oid4vci/token", UriKind.Relative), content);
        return (response, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async Task<string> NonceAsync()
    {
        var response = await http.PostAsync(new Uri("/api/credentials/oid4vci/nonce", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("c_nonce").GetString()!;
    }

    /// <summary>An openid4vci-proof+jwt; every part can be spoiled by a test.</summary>
    public string Proof(string aud, string? nonce, DateTimeOffset iat, string typ = "openid4vci-proof+jwt", ECDsa? signer = null)
    {
        var payload = new JsonObject { ["aud"] = aud, ["iat"] = iat.ToUnixTimeSeconds() };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        return Es256.Sign(new JsonObject { ["typ"] = typ, ["jwk"] = Es256.PublicJwk(Key) }, payload, signer ?? Key);
    }

    public async Task<(HttpResponseMessage Response, JsonObject? Body)> CredentialAsync(string? accessToken, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/credentials/oid4vci/credential", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    public static JsonObject CredentialRequest(string configurationId, params string[] proofs) => new()
    {
        ["credential_configuration_id"] = configurationId,
        ["proofs"] = new JsonObject { ["jwt"] = new JsonArray([.. proofs.Select(p => (JsonNode)JsonValue.Create(p))]) },
    };

    /// <summary>Fetches the request object an openid4vp:// link points at (unsigned, alg none) and returns its claims.</summary>
    public async Task<JsonObject> RequestObjectAsync(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link[link.IndexOf('?', StringComparison.Ordinal)..]);
        var response = await http.GetAsync(new Uri(query["request_uri"]!));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/oauth-authz-req+jwt", response.Content.Headers.ContentType?.MediaType);
        var parts = (await response.Content.ReadAsStringAsync()).Split('.');
        Assert.Equal(3, parts.Length);
        var header = Es256.DecodeObject(parts[0])!;
        Assert.Equal("none", header["alg"]!.GetValue<string>());
        Assert.Equal("oauth-authz-req+jwt", header["typ"]!.GetValue<string>());
        var payload = Es256.DecodeObject(parts[1])!;
        Assert.Equal(query["client_id"], payload["client_id"]!.GetValue<string>());
        return payload;
    }

    /// <summary>Posts a direct_post response: vp_token keyed by the DCQL query id, and state.</summary>
    public async Task<(HttpResponseMessage Response, JsonObject Body)> RespondAsync(JsonObject request, string presentation, string? queryId = null, string? state = null)
    {
        var id = queryId ?? request["dcql_query"]!["credentials"]![0]!["id"]!.GetValue<string>();
        var vpToken = new JsonObject { [id] = new JsonArray(presentation) };
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["vp_token"] = vpToken.ToJsonString(),
            ["state"] = state ?? request["state"]!.GetValue<string>(),
        });
        var response = await http.PostAsync(new Uri(request["response_uri"]!.GetValue<string>()), content);
        return (response, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The claims the request's DCQL query asks for.</summary>
    public static string[] Requested(JsonObject request) =>
        [.. request["dcql_query"]!["credentials"]![0]!["claims"]!.AsArray().Select(c => c!["path"]![0]!.GetValue<string>())];
}
