using System.Net;
using Duende.IdentityModel.Client;
using Nara.Testing;

namespace Nara.Identity.Tests;

/// <summary>The Data Protection key ring is on disk under the data directory, so a restarted or second host reads it.</summary>
public sealed class DataProtectionTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_second_host_on_the_same_data_directory_accepts_the_session_cookie_and_serves_the_same_oidc_keys()
    {
        using var browser = await factory.SignedInAsAsync(await factory.CreateCitizenAsync());
        var cookie = (await browser.GetAsync(new Uri("/my/passkeys", UriKind.Relative))).RequestMessage!.Headers.GetValues("Cookie").Single();
        var firstKeys = await browser.GetJsonWebKeySetAsync("http://localhost/.well-known/jwks");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.Database.Directory, "keys", "dataprotection"), "key-*.xml"));

        // Same settings and data directory, a new process-like host with its own services and memory.
        await using var second = factory.WithWebHostBuilder(_ => { });
        using var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/my/passkeys", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);

        var secondKeys = await other.GetJsonWebKeySetAsync("http://localhost/.well-known/jwks");
        Assert.Equal(firstKeys.KeySet!.Keys.Select(k => k.Kid).Order(), secondKeys.KeySet!.Keys.Select(k => k.Kid).Order());
    }
}
