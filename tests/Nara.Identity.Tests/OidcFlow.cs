using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>Drives the provider as a relying party would, with Duende.IdentityModel for the protocol messages.</summary>
internal static partial class OidcFlow
{
    public const string Authority = "http://localhost";
    public const string RedirectUri = "https://rp.example/callback";

    public static async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient http)
    {
        var disco = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = Authority, Policy = { RequireHttps = false } });
        Assert.False(disco.IsError, disco.Error);
        return disco;
    }

    public static async Task<string?> RegisterAsync(NaraFactory factory, NewOidcClient client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<IOidcClientAdministration>().RegisterAsync(client, CancellationToken.None);
        Assert.True(registration.Succeeded, registration.Error);
        return registration.Secret;
    }

    public static NewOidcClient WebClient(string id, string sector = OidcSectors.Private, string type = OidcClientTypes.Confidential) =>
        new(id, $"Test RP {id}", type, sector, null, [RedirectUri], ["https://rp.example/signed-out"],
            ["openid", "profile", "birthdate", "age", "official", "offline_access"]);

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    public static string AuthorizeUrl(DiscoveryDocumentResponse disco, string clientId, string? challenge, string scope = "openid profile birthdate age official offline_access", string redirectUri = RedirectUri) =>
        new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, scope, redirectUri, state: "st-" + clientId, nonce: "n-0S6_WzA2Mj",
            codeChallenge: challenge, codeChallengeMethod: challenge is null ? null : OidcConstants.CodeChallengeMethods.Sha256);

    /// <summary>Follows the authorization request as the browser would, answering the consent screen with <paramref name="decision"/>.</summary>
    public static async Task<HttpResponseMessage> AuthorizeAsync(HttpClient browser, string url, string decision = "accept")
    {
        var response = await browser.GetAsync(new Uri(url));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response; // remembered consent, an error redirect, or an error answer
        }

        var page = await response.Content.ReadAsStringAsync();
        var start = page.IndexOf("action=\"/connect/authorize\"", StringComparison.Ordinal);
        Assert.True(start > 0, "No consent form on the page.");
        var html = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["decision"] = decision;
        fields["__RequestVerificationToken"] = OfficialAccounts.AntiforgeryToken(html);
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri("/connect/authorize", UriKind.Relative), form);
    }

    /// <summary>The code from the redirect back to the relying party.</summary>
    public static string CodeFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = new AuthorizeResponse(location.ToString());
        Assert.Null(query.Error);
        return query.Code!;
    }

    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
