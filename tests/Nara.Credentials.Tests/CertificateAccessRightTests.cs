using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Data;
using Nara.Credentials.SdJwt;
using Nara.Exchange.Contracts;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>
/// The issuer reads the registries only through the mediator: once the exchange administrator revokes its access right,
/// no certificate of that type is issued (its own host, since it changes the exchange's configuration).
/// </summary>
public sealed class CertificateAccessRightTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _wallet.Dispose();

    [Fact]
    public async Task Without_its_access_right_the_issuer_cannot_read_the_registry_and_issues_nothing()
    {
        var citizen = await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(DemoPersonas.DisabledAdult.ResidentNumber, DemoPersonas.DisabledAdult.NameKo));
        var admin = await factory.SignedInClientAsync(OfficialAccounts.PlatformAdministrator);
        var tail = RegistryExchangeServices.Disability[(RegistryExchangeServices.Disability.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var services = await admin.GetFromJsonAsync<JsonElement>("/api/exchange/services");
        var right = services.EnumerateArray().Single(s => s.GetProperty("id").GetString() == RegistryExchangeServices.Disability)
            .GetProperty("accessRights").EnumerateArray().Single(r => r.GetProperty("client").GetString() == RegistryExchangeServices.CredentialsClient)
            .GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync(new Uri($"/api/exchange/services/{tail}/access-rights/{right}", UriKind.Relative))).StatusCode);

        var response = await citizen.PostAsJsonAsync("/api/credentials/my/certificates/disability", new { holderJwk = Es256.PublicJwk(_wallet) });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("registry-unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var resident = await factory.ResidentIdOfAsync(DemoPersonas.DisabledAdult);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Issued.CountAsync(c => c.ResidentId == resident));
    }
}
