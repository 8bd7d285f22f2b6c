using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Nara.Identity.Contracts;
using Nara.Testing;
using static Nara.Registries.Tests.Api.GovStackTestClient;

namespace Nara.Registries.Tests.Api;

/// <summary>Only agency clients with the exact scope get in; refusals write nothing.</summary>
public sealed class AccessTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Fact]
    public async Task A_request_without_a_key_is_a_401_problem()
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"{Base}/residents/1.0", UriKind.Relative));
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nara_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task A_request_with_an_unknown_key_is_a_401(string key)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await ProblemAsync(await http.GetDataAsync("/residents/1.0"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_key_may_also_be_sent_as_x_api_key()
    {
        var (_, _, key) = await factory.ClientAsync("registries:residents:read");
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await http.GetDataAsync("/residents/1.0?page_size=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_a_401()
    {
        var (http, clientId, _) = await factory.ClientAsync("registries:residents:read");
        Assert.Equal(HttpStatusCode.OK, (await http.GetDataAsync("/residents/1.0?page_size=1")).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IAgencyClientAdministration>().RevokeAsync(clientId, CancellationToken.None));
        }

        await ProblemAsync(await http.GetDataAsync("/residents/1.0?page_size=1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_without_the_registry_scope_is_a_403()
    {
        var (http, _, _) = await factory.ClientAsync("registries:health-insurance:read");
        var problem = await ProblemAsync(await http.GetDataAsync("/residents/1.0"), HttpStatusCode.Forbidden);
        Assert.Contains("registries:residents:read", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_scope_does_not_allow_writing_and_nothing_is_written()
    {
        var (http, _, _) = await factory.ClientAsync("registries:vehicles:read");
        var before = await factory.CountsAsync();
        var response = await http.PostAsync("/vehicles/1.0/create", new { write = new { content = new { plateNumber = "11가1111", ownerResidentId = 1, model = "X", firstRegisteredOn = "2020-01-01" } } });
        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task A_write_scope_does_not_allow_reading()
    {
        var (http, _, _) = await factory.ClientAsync("registries:vehicles:write");
        await ProblemAsync(await http.GetDataAsync("/vehicles/1.0"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_information_mediator_client_header_naming_another_client_is_refused()
    {
        var (http, _, _) = await factory.ClientAsync("registries:residents:read");
        http.DefaultRequestHeaders.Add("Information-Mediator-Client", "KR/GOV/OTHER/system");
        await ProblemAsync(await http.GetDataAsync("/residents/1.0"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_malformed_information_mediator_client_header_is_a_400()
    {
        var (http, _, _) = await factory.ClientAsync("registries:residents:read");
        http.DefaultRequestHeaders.Add("Information-Mediator-Client", "just-me");
        await ProblemAsync(await http.GetDataAsync("/residents/1.0"), HttpStatusCode.BadRequest);
    }
}
