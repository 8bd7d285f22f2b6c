using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>What the e-certificate tests share: a citizen's wallet key, issuing through the API, and verifying with key binding.</summary>
public abstract class CertificateTestKit(CredentialsFactory factory) : IDisposable
{
    protected const string Audience = "https://bank.example";
    protected const string Nonce = "nonce-7";

    /// <summary>The citizen's wallet key: credentials are bound to it.</summary>
    protected ECDsa Wallet { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    protected CredentialsFactory Factory => factory;

    public void Dispose()
    {
        Wallet.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<HttpClient> CitizenAsync(DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    protected async Task<string> IssueAsync(DemoPersona persona, string type)
    {
        var response = await (await CitizenAsync(persona)).PostAsJsonAsync($"/api/credentials/my/certificates/{type}", new { holderJwk = Es256.PublicJwk(Wallet) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(type, body["type"]!.GetValue<string>());
        Assert.Equal("dc+sd-jwt", body["format"]!.GetValue<string>());
        return body["credential"]!.GetValue<string>();
    }

    /// <summary>The names of every top-level disclosable claim of an issued credential.</summary>
    protected static string[] ClaimNames(string issued) =>
        [.. SdJwtPresenter.Split(issued)!.Value.Disclosures.Select(d => Disclosure.Parse(d, out _)!).Where(d => d.Name is not null).Select(d => d.Name!)];

    protected async Task<JsonNode> VerifyAsync(string presentation)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = Audience, nonce = Nonce });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["valid"]!.GetValue<bool>());
        Assert.True(body["keyBound"]!.GetValue<bool>());
        Assert.Equal("valid", body["status"]!.GetValue<string>());
        return body;
    }

    private protected async Task<JsonObject> DiscloseAllAsync(string issued, CredentialType type)
    {
        var body = await VerifyAsync(SdJwtPresenter.Present(issued, ClaimNames(issued), Wallet, Audience, Nonce, factory.Clock.GetUtcNow()));
        Assert.Equal(type.Vct, body["type"]!.GetValue<string>());
        return body["disclosed"]!.AsObject();
    }

    protected async Task<CertificateRecords> RecordsAsync(DemoPersona persona)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICertificateRecords>().ForResidentAsync(
            await factory.ResidentIdOfAsync(persona), CertificateRecordKinds.All, CancellationToken.None))!;
    }

    protected async Task<int> IssuedCountAsync(DemoPersona persona)
    {
        var resident = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Issued.CountAsync(c => c.ResidentId == resident);
    }

    protected static string S(JsonNode? node) => node!.GetValue<string>();
}
