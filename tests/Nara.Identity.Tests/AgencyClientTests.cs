using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Identity.Data;
using Nara.Testing;

namespace Nara.Identity.Tests;

public sealed class AgencyClientTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    private async Task<AgencyClientRegistration> RegisterAsync(NewAgencyClient client)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>().RegisterAsync(client, CancellationToken.None);
    }

    [Fact]
    public async Task A_registered_client_gets_a_key_once_and_only_its_hash_is_stored()
    {
        var registration = await RegisterAsync(new NewAgencyClient("KR/GOV/NHIS/hashcheck", "NHIS", "Hash check", ["registries:residents:read"]));

        Assert.True(registration.Succeeded);
        Assert.StartsWith("nara_", registration.Key, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().AgencyClients.SingleAsync(c => c.Id == "KR/GOV/NHIS/hashcheck");
        Assert.Equal(64, row.KeyHash.Length);
        Assert.DoesNotContain(row.KeyHash, registration.Key!, StringComparison.Ordinal);
        Assert.Equal(registration.Key!.Split('_')[1], row.KeyPrefix);
    }

    [Theory]
    [InlineData("not an id", "NHIS", "registries:residents:read")]
    [InlineData("KR/GOV/NHIS/x", "N H I S", "registries:residents:read")]
    [InlineData("KR/GOV/NHIS/y", "NHIS", "Registries Residents")]
    [InlineData("KR/GOV/NHIS/z", "NHIS", "")]
    public async Task A_client_with_a_bad_id_agency_or_scope_is_refused(string id, string agency, string scopes)
    {
        var registration = await RegisterAsync(new NewAgencyClient(id, agency, "Bad", scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(registration.Succeeded);
        Assert.NotNull(registration.Error);
    }

    [Fact]
    public async Task The_same_client_id_cannot_be_registered_twice()
    {
        var client = new NewAgencyClient("KR/GOV/MOEL/twice", "MOEL", "Twice", ["registries:jobseekers:read"]);
        Assert.True((await RegisterAsync(client)).Succeeded);
        var second = await RegisterAsync(client);
        Assert.False(second.Succeeded);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_signs_the_client_in_through_either_header_and_a_tampered_key_does_not()
    {
        var key = (await RegisterAsync(new NewAgencyClient("KR/GOV/MOFA/passports", "MOFA", "Passports", ["registries:passports:read"]))).Key!;
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var header = factory.CreateClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", key);
        var tampered = factory.CreateClient();
        tampered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^1] + (key[^1] == 'A' ? 'B' : 'A'));
        var url = new Uri("/govstack/registries/data/passports/1.0?page_size=1", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tampered.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_client_refuses_its_key_and_the_list_shows_it_revoked()
    {
        var key = (await RegisterAsync(new NewAgencyClient("KR/GOV/NTS/revoked", "NTS", "Revoked", ["registries:businesses:read"]))).Key!;
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>();
        Assert.True(await admin.RevokeAsync("KR/GOV/NTS/revoked", CancellationToken.None));
        Assert.False(await admin.RevokeAsync("KR/GOV/NTS/never-was", CancellationToken.None));

        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/govstack/registries/data/businesses/1.0", UriKind.Relative))).StatusCode);
        Assert.NotNull((await admin.ListAsync(CancellationToken.None)).Single(c => c.Id == "KR/GOV/NTS/revoked").RevokedAt);
    }
}
