using Duende.IdentityModel.OidcClient;
using Nara.Testing;
using static Nara.Identity.Tests.OidcFlow;

namespace Nara.Identity.Tests;

/// <summary>
/// A relying party built on a certified client library (Duende.IdentityModel.OidcClient) signs a person in:
/// discovery, PKCE, state and nonce, code exchange, id_token signature and claims, userinfo, refresh.
/// </summary>
public sealed class OidcClientLibraryTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_standard_oidc_client_library_completes_a_code_flow_with_PKCE_and_refreshes()
    {
        var secret = await RegisterAsync(factory, WebClient("rp-oidcclient"));
        var client = new OidcClient(new OidcClientOptions
        {
            Authority = Authority,
            ClientId = "rp-oidcclient",
            ClientSecret = secret,
            RedirectUri = RedirectUri,
            Scope = "openid profile age offline_access",
            BackchannelHandler = factory.Server.CreateHandler(),
            Policy = new Policy { Discovery = new() { RequireHttps = false } },
            LoadProfile = true,
            // The host's clock is frozen in March 2026; the library checks token lifetimes with the real clock.
            ClockSkew = TimeSpan.FromDays(3650),
        });
        using var browser = await factory.SignedInClientAsync(OfficialAccounts.DistrictOfficial);

        var state = await client.PrepareLoginAsync();
        var callback = await AuthorizeAsync(browser, state.StartUrl);
        CodeFrom(callback);
        var result = await client.ProcessResponseAsync(callback.Headers.Location!.ToString(), state);

        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        Assert.Equal("한지민", result.User.FindFirst("name")?.Value);
        Assert.Equal("true", result.User.FindFirst("age_over_19")?.Value, ignoreCase: true);
        Assert.NotNull(result.RefreshToken);

        var refreshed = await client.RefreshTokenAsync(result.RefreshToken);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotNull(refreshed.AccessToken);
    }
}
