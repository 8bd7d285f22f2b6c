using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A signed-in citizen receives the mobile ID for their own wallet key and suspends it after losing the phone.</summary>
public sealed class MyCredentialsApiTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    private async Task<HttpClient> CitizenAsync(DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    private async Task<string?> VerifyAsync(string issued)
    {
        var presentation = SdJwtPresenter.Present(issued, ["age_over_19"], _wallet, "https://shop.example", "n", factory.Clock.GetUtcNow());
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "n" });
        return response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    [Fact]
    public async Task A_citizen_receives_a_mobile_id_bound_to_their_wallet_key_and_can_suspend_it_after_losing_the_phone()
    {
        var citizen = await CitizenAsync(DemoPersonas.YoungJobseeker);

        var issue = await citizen.PostAsJsonAsync("/api/credentials/my/resident-id", new { holderJwk = Es256.PublicJwk(_wallet) });
        Assert.Equal(HttpStatusCode.Created, issue.StatusCode);
        var body = await issue.Content.ReadFromJsonAsync<JsonElement>();
        var issued = body.GetProperty("credential").GetString()!;
        Assert.Null(await VerifyAsync(issued));

        var suspend = await citizen.PostAsJsonAsync($"/api/credentials/my/{body.GetProperty("id").GetGuid()}/status", new { status = "suspended", reason = "lost phone" });

        suspend.EnsureSuccessStatusCode();
        Assert.Equal("suspended", await VerifyAsync(issued));
    }

    [Fact]
    public async Task A_citizen_cannot_suspend_another_citizens_credential()
    {
        var owner = await CitizenAsync(DemoPersonas.SingleParent);
        var other = await CitizenAsync(DemoPersonas.FatherOfNewborn);
        var body = await (await owner.PostAsJsonAsync("/api/credentials/my/resident-id", new { holderJwk = Es256.PublicJwk(_wallet) })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await other.PostAsJsonAsync($"/api/credentials/my/{body.GetProperty("id").GetGuid()}/status", new { status = "revoked" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await VerifyAsync(body.GetProperty("credential").GetString()!));
    }

    [Fact]
    public async Task A_missing_or_wrong_holder_key_or_status_is_a_validation_problem()
    {
        var citizen = await CitizenAsync(DemoPersonas.DisabledAdult);

        var noKey = await citizen.PostAsJsonAsync("/api/credentials/my/resident-id", new { holderJwk = new { kty = "RSA", n = "x", e = "AQAB" } });
        var badStatus = await citizen.PostAsJsonAsync($"/api/credentials/my/{Guid.NewGuid()}/status", new { status = "lost" });

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_get_a_mobile_id()
    {
        var response = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostAsJsonAsync("/api/credentials/my/resident-id", new { holderJwk = Es256.PublicJwk(_wallet) });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
    }
}
