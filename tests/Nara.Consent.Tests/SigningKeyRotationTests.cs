using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nara.Registries.Contracts;

namespace Nara.Consent.Tests;

/// <summary>Its own host: rotation changes the key for everything signed afterwards.</summary>
public sealed class SigningKeyRotationTests(ConsentFactory factory) : IClassFixture<ConsentFactory>
{
    private const string Service = "/govstack/consent/service";

    private async Task<string> GiveAsync(string agreement, DemoPersona persona)
    {
        var (citizen, _) = await factory.CitizenAsync(persona);
        var response = await citizen.PostAsync(new Uri($"{Service}/individual/record/data-agreement/{agreement}/", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentRecord").GetProperty("id").GetString()!;
    }

    private Task<string> KeyIdOfAsync(string record) =>
        factory.InDbAsync(db => db.Signatures.Where(s => s.ConsentRecordId == Guid.Parse(record)).Select(s => s.KeyId).SingleAsync());

    private static async Task<JsonElement> VerificationAsync(HttpClient system, string record) =>
        (await system.GetFromJsonAsync<JsonElement>($"{Service}/verification/consent-record/{record}/")).GetProperty("verification");

    [Fact]
    public async Task After_a_rotation_old_records_still_verify_new_ones_use_the_new_key_and_tampering_still_fails()
    {
        var agreement = await factory.CreateAgreementAsync();
        var before = await GiveAsync(agreement, DemoPersonas.MotherOfNewborn);
        var oldKid = await KeyIdOfAsync(before);
        var (system, _) = await factory.AgencySystemAsync("MOHW", "consent:verify");

        var agencyAdmin = await factory.OfficialAsync("MOHW", "administrator");
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyAdmin.PostAsync(new Uri("/api/consent/signing-key/rotate", UriKind.Relative), null)).StatusCode);
        var platformAdmin = await factory.OfficialAsync("MOIS", "administrator");
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var rotated = await platformAdmin.PostAsync(new Uri("/api/consent/signing-key/rotate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKid = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString()!;
        Assert.NotEqual(oldKid, newKid);

        // The public key set keeps the retired key, with the time it was retired.
        var jwks = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/consent/signing-key");
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(newKid, keys[0].GetProperty("kid").GetString());
        Assert.Equal(JsonValueKind.Null, keys[0].GetProperty("retiredAt").ValueKind);
        var retired = Assert.Single(keys, k => k.GetProperty("kid").GetString() == oldKid);
        Assert.Equal(JsonValueKind.String, retired.GetProperty("retiredAt").ValueKind);

        var old = await VerificationAsync(system, before);
        Assert.True(old.GetProperty("signatureValid").GetBoolean());
        Assert.True(old.GetProperty("chainIntact").GetBoolean());

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await GiveAsync(agreement, DemoPersonas.FatherOfNewborn);
        Assert.Equal(newKid, await KeyIdOfAsync(after));
        Assert.True((await VerificationAsync(system, after)).GetProperty("signatureValid").GetBoolean());

        // A forged signature under the old key's id still fails, and so does a retired key's signature dated after its retirement.
        await factory.InDbAsync(async db =>
        {
            var signature = await db.Signatures.SingleAsync(s => s.ConsentRecordId == Guid.Parse(before));
            signature.Jws = signature.Jws[..^4] + (signature.Jws.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
            return await db.SaveChangesAsync();
        });
        Assert.False((await VerificationAsync(system, before)).GetProperty("signatureValid").GetBoolean());
        await factory.InDbAsync(async db =>
        {
            var signature = await db.Signatures.SingleAsync(s => s.ConsentRecordId == Guid.Parse(after));
            signature.KeyId = oldKid;
            return await db.SaveChangesAsync();
        });
        Assert.False((await VerificationAsync(system, after)).GetProperty("signatureValid").GetBoolean());
    }
}
