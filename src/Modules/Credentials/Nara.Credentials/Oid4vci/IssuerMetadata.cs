using System.Text.Json.Nodes;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;

namespace Nara.Credentials.Oid4vci;

/// <summary>
/// The documents a wallet reads: Credential Issuer Metadata (OpenID4VCI §12.2), the metadata of the small
/// authorization server that serves the pre-authorized code grant (RFC 8414), and a credential offer (§4.1).
/// The authorization server has its own identifier under the issuer because <c>/.well-known/oauth-authorization-server</c>
/// at the root belongs to the Identity module's OpenID provider, which knows nothing of pre-authorized codes.
/// </summary>
internal static class IssuerMetadata
{
    public const string Base = "/api/credentials/oid4vci";
    public const string PreAuthorizedGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    public static string AuthorizationServer(string issuer) => issuer + Base;

    public static JsonObject Issuer(string issuer, IEnumerable<IOfferableCredential> credentials)
    {
        var configurations = new JsonObject();
        foreach (var c in credentials)
        {
            configurations[c.Type.Id] = new JsonObject
            {
                ["format"] = "dc+sd-jwt",
                ["vct"] = c.Type.Vct,
                ["cryptographic_binding_methods_supported"] = new JsonArray("jwk"),
                ["credential_signing_alg_values_supported"] = new JsonArray("ES256"),
                ["proof_types_supported"] = new JsonObject
                {
                    ["jwt"] = new JsonObject { ["proof_signing_alg_values_supported"] = new JsonArray("ES256") },
                },
                ["credential_metadata"] = new JsonObject
                {
                    ["display"] = Display(c.Type.NameKo, c.Type.NameEn),
                    ["claims"] = new JsonArray([.. c.Claims.Select(name =>
                    {
                        var label = RejectionTexts.Claim(name);
                        return (JsonNode)new JsonObject { ["path"] = new JsonArray(name), ["display"] = Display(label.Ko, label.En) };
                    })]),
                },
            };
        }

        return new JsonObject
        {
            ["credential_issuer"] = issuer,
            ["authorization_servers"] = new JsonArray(AuthorizationServer(issuer)),
            ["credential_endpoint"] = issuer + Base + "/credential",
            ["nonce_endpoint"] = issuer + Base + "/nonce",
            ["display"] = Display("대한민국 나라", "Nara, Republic of Korea"),
            ["credential_configurations_supported"] = configurations,
        };
    }

    public static JsonObject AuthorizationServerMetadata(string issuer) => new()
    {
        ["issuer"] = AuthorizationServer(issuer),
        ["token_endpoint"] = issuer + Base + "/token",
        ["grant_types_supported"] = new JsonArray(PreAuthorizedGrant),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
        ["pre-authorized_grant_anonymous_access_supported"] = true,
        ["response_types_supported"] = new JsonArray(),
    };

    public static JsonObject Offer(string issuer, string configurationId, string preAuthorizedCode, bool txCode)
    {
        var grant = new JsonObject { ["pre-authorized_code"] = preAuthorizedCode };
        if (txCode)
        {
            grant["tx_code"] = new JsonObject
            {
                ["input_mode"] = "numeric",
                ["length"] = CreateCredentialOffer.TxCodeLength,
                ["description"] = "나라 포털 화면에 표시된 6자리 번호 / the 6-digit number shown on the Nara portal",
            };
        }

        return new JsonObject
        {
            ["credential_issuer"] = issuer,
            ["credential_configuration_ids"] = new JsonArray(configurationId),
            ["grants"] = new JsonObject { [PreAuthorizedGrant] = grant },
        };
    }

    /// <summary>The offer by value, as the wallet's custom scheme link (§4.1.1).</summary>
    public static string OfferLink(JsonObject offer) =>
        "openid-credential-offer://?credential_offer=" + Uri.EscapeDataString(offer.ToJsonString());

    /// <summary>The offer by reference (§4.1.3): the URI carries the code itself, so nothing is stored in clear.</summary>
    public static string OfferUri(string issuer, string preAuthorizedCode) => issuer + Base + "/offers/" + preAuthorizedCode;

    public static string OfferByReferenceLink(string issuer, string preAuthorizedCode) =>
        "openid-credential-offer://?credential_offer_uri=" + Uri.EscapeDataString(OfferUri(issuer, preAuthorizedCode));

    private static JsonArray Display(string ko, string en) =>
        [new JsonObject { ["name"] = ko, ["locale"] = "ko-KR" }, new JsonObject { ["name"] = en, ["locale"] = "en-US" }];
}
