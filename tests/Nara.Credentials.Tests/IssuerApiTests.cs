using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Features;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;

namespace Nara.Credentials.Tests;

/// <summary>Issuer metadata, the mobile ID and the verifier API, through HTTP on a real database.</summary>
public sealed class IssuerApiTests(CredentialsFactory factory) : IClassFixture<CredentialsFactory>, IDisposable
{
    private readonly ECDsa _holder = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _holder.Dispose();

    private async Task<string> IssueMobileIdAsync(DemoPersona persona)
    {
        var residentId = await factory.ResidentIdOfAsync(persona);
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueResidentId>()
            .ExecuteAsync(residentId, Es256.PublicJwk(_holder), "http://localhost", TimeSpan.FromDays(365), new Nara.Credentials.Contracts.CredentialActor("citizen", "test"), CancellationToken.None);
        return issued!.Value.Credential.Compact;
    }

    private string Present(string issued, params string[] claims) =>
        SdJwtPresenter.Present(issued, claims, _holder, "https://shop.example", "nonce-1", factory.Clock.GetUtcNow());

    private async Task<HttpResponseMessage> VerifyAsync(string presentation, string? mode = null) =>
        await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "nonce-1", mode });

    [Fact]
    public async Task The_issuer_metadata_publishes_the_signing_key_for_offline_verification()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/.well-known/jwt-vc-issuer", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var kid = factory.Services.GetRequiredService<IssuerKeyRing>().KeyId;
        Assert.Equal("http://localhost", body["issuer"]!.GetValue<string>());
        Assert.Contains(body["jwks"]!["keys"]!.AsArray(), k => k!["kid"]!.GetValue<string>() == kid && k["crv"]!.GetValue<string>() == "P-256");
    }

    [Fact]
    public async Task An_age_check_shows_only_that_the_holder_is_over_19()
    {
        var issued = await IssueMobileIdAsync(DemoPersonas.YoungJobseeker);

        var response = await VerifyAsync(Present(issued, "age_over_19", "birthdate"), mode: "age");

        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["valid"]!.GetValue<bool>());
        Assert.Equal(CredentialTypes.ResidentId.Vct, body["type"]!.GetValue<string>());
        Assert.Equal(["age_over_19"], body["disclosed"]!.AsObject().Select(p => p.Key));
        Assert.True(body["disclosed"]!["age_over_19"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_mobile_id_discloses_the_address_only_when_the_holder_chooses_it()
    {
        var issued = await IssueMobileIdAsync(DemoPersonas.ElderlyAlone);

        var withAddress = JsonNode.Parse(await (await VerifyAsync(Present(issued, "name", "address", "age_over_65"))).Content.ReadAsStringAsync())!;
        var without = JsonNode.Parse(await (await VerifyAsync(Present(issued, "age_over_65"))).Content.ReadAsStringAsync())!;

        Assert.Equal("박순자", withAddress["disclosed"]!["name"]!.GetValue<string>());
        Assert.NotNull(withAddress["disclosed"]!["address"]!["formatted"]);
        Assert.True(without["disclosed"]!["age_over_65"]!.GetValue<bool>());
        Assert.Null(without["disclosed"]!["address"]);
        Assert.Null(without["disclosed"]!["name"]);
    }

    [Fact]
    public async Task The_mobile_id_states_the_resident_number_but_a_verifier_sees_it_only_when_the_holder_ticks_it()
    {
        var issued = await IssueMobileIdAsync(DemoPersonas.ElderlyAlone);

        var withNumber = JsonNode.Parse(await (await VerifyAsync(Present(issued, "name", "resident_number"))).Content.ReadAsStringAsync())!;
        var without = JsonNode.Parse(await (await VerifyAsync(Present(issued, "name"))).Content.ReadAsStringAsync())!;

        Assert.Equal(DemoPersonas.ElderlyAlone.ResidentNumber, withNumber["disclosed"]!["resident_number"]!.GetValue<string>());
        Assert.Null(without["disclosed"]!["resident_number"]);
        Assert.DoesNotContain(DemoPersonas.ElderlyAlone.ResidentNumber, without.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mobile_id_proves_age_over_14_the_region_of_residence_and_the_photo_reference_when_disclosed()
    {
        string[] chosen = ["age_over_14", "resident_of", "photo_ref"];
        var mother = JsonNode.Parse(await (await VerifyAsync(Present(await IssueMobileIdAsync(DemoPersonas.MotherOfNewborn), chosen))).Content.ReadAsStringAsync())!;
        var child = JsonNode.Parse(await (await VerifyAsync(Present(await IssueMobileIdAsync(DemoPersonas.SingleParentChild1), chosen))).Content.ReadAsStringAsync())!;

        Assert.True(mother["valid"]!.GetValue<bool>());
        Assert.Equal(chosen.Order(), mother["disclosed"]!.AsObject().Select(p => p.Key).Order());
        Assert.True(mother["disclosed"]!["age_over_14"]!.GetValue<bool>()); // born 1993-05-14
        Assert.Equal("11", mother["disclosed"]!["resident_of"]!.GetValue<string>()); // Mapo-gu, Seoul (1144000000)
        Assert.Equal($"urn:kr:go:nara:photo:{await factory.ResidentIdOfAsync(DemoPersonas.MotherOfNewborn)}", mother["disclosed"]!["photo_ref"]!.GetValue<string>());
        Assert.True(child["valid"]!.GetValue<bool>());
        Assert.False(child["disclosed"]!["age_over_14"]!.GetValue<bool>()); // born 2016-04-10
        Assert.Equal("41", child["disclosed"]!["resident_of"]!.GetValue<string>()); // Suwon, Gyeonggi (4111700000)
        Assert.Equal($"urn:kr:go:nara:photo:{await factory.ResidentIdOfAsync(DemoPersonas.SingleParentChild1)}", child["disclosed"]!["photo_ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_presentation_is_refused_with_its_reason_as_a_problem()
    {
        var presentation = Present(await IssueMobileIdAsync(DemoPersonas.DisabledAdult), "name");
        var parts = presentation.Split('~');
        var jwt = parts[0].Split('.');
        parts[0] = jwt[0] + "." + jwt[1] + "." + jwt[2][..^4] + (jwt[2][^4..] == "AAAA" ? "BBBB" : "AAAA");

        var response = await VerifyAsync(string.Join('~', parts));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bad-signature", problem.GetProperty("code").GetString());
        Assert.Equal("https://nara.go.kr/problems/credentials/bad-signature", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_presentation_for_another_verifier_is_refused()
    {
        var presentation = SdJwtPresenter.Present(await IssueMobileIdAsync(DemoPersonas.DisabledAdult), ["name"], _holder, "https://bank.example", "nonce-1", factory.Clock.GetUtcNow());

        var problem = await (await VerifyAsync(presentation)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("wrong-audience", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_empty_or_garbled_presentation_is_a_problem_not_an_error()
    {
        var empty = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation = "" });
        var garbled = await VerifyAsync("not~a~credential");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbled.StatusCode);
        Assert.Equal("malformed", (await garbled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_credential_issued_before_a_key_rotation_still_verifies_and_both_keys_are_published()
    {
        var ring = factory.Services.GetRequiredService<IssuerKeyRing>();
        var issued = await IssueMobileIdAsync(DemoPersonas.BusinessOwner);
        var before = ring.KeyId;

        var (previous, current) = ring.Rotate();
        var response = await VerifyAsync(Present(issued, "name"));
        var jwks = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/credentials/jwks", UriKind.Relative)))!;

        Assert.Equal(before, previous);
        Assert.NotEqual(previous, current);
        response.EnsureSuccessStatusCode();
        var kids = jwks["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Equal(current, kids[0]);
        Assert.Contains(previous, kids);
    }

    [Theory]
    [InlineData("2007-11-28", "2026-11-28", 19)]
    [InlineData("2007-11-29", "2026-11-28", 18)]
    [InlineData("1961-02-28", "2026-02-27", 64)]
    public void Age_is_counted_in_full_years_on_the_day(string birth, string day, int age)
    {
        Assert.Equal(age, IssueResidentId.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
