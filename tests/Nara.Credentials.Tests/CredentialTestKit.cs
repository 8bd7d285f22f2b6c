using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>What the officials', lost-phone, rotation and decision-letter tests share: citizens, issuance over HTTP, verification, the published list.</summary>
internal static class CredentialTestKit
{
    public static async Task<HttpClient> CitizenAsync(this CredentialsFactory factory, DemoPersona persona) =>
        await factory.SignedInAsAsync(await factory.CreateCitizenForResidentAsync(persona.ResidentNumber, persona.NameKo));

    public static async Task<HttpClient> OfficialAsync(this CredentialsFactory factory, string agency, string roles) =>
        await factory.SignedInAsAsync(await factory.CreateOfficialAsync(agency, roles, "담당 공무원"));

    /// <returns>The credential's id and its compact SD-JWT.</returns>
    public static async Task<(Guid Id, string Credential)> IssueMobileIdAsync(this HttpClient citizen, ECDsa wallet)
    {
        var response = await citizen.PostAsJsonAsync("/api/credentials/my/resident-id", new { holderJwk = Es256.PublicJwk(wallet) });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("credential").GetString()!);
    }

    /// <summary>Presents <paramref name="claims"/> with key binding; null when accepted, else the refusal code.</summary>
    public static async Task<string?> RejectionAsync(this CredentialsFactory factory, string issued, ECDsa wallet, params string[] claims)
    {
        var presentation = SdJwtPresenter.Present(issued, claims.Length > 0 ? claims : ["age_over_19"], wallet, "https://shop.example", "n", factory.Clock.GetUtcNow());
        var response = await factory.CreateClient().PostAsJsonAsync("/api/credentials/verify", new { presentation, audience = "https://shop.example", nonce = "n" });
        return response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    /// <summary>The entry of <paramref name="issued"/> in the status list as published (signed token, checked against the ring).</summary>
    public static async Task<int> PublishedStatusAsync(this CredentialsFactory factory, string issued)
    {
        var payload = Es256.Parse(issued.Split('~')[0])!.Payload;
        var index = (int)Es256.Number(payload["status"]!["status_list"]!.AsObject(), "idx")!.Value;
        var token = await factory.CreateClient().GetStringAsync(new Uri("/api/credentials/status/1", UriKind.Relative));
        var ring = factory.Services.GetRequiredService<IssuerKeyRing>();
        return StatusListToken.Read(token, "http://localhost/api/credentials/status/1", ring.Find, factory.Clock.GetUtcNow())![index];
    }

    public static string KeyIdOf(string issued) => Es256.Parse(issued.Split('~')[0])!.Header["kid"]!.GetValue<string>();
}
