using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nara.Audit.Contracts;
using Nara.Credentials.Contracts;
using Nara.Credentials.Data;
using Nara.Credentials.Issuing;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Data;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Credentials.Tests;

/// <summary>A host that checks the shared key ring on every use, as if its check interval had just passed.</summary>
public sealed class EagerRingFactory : CredentialsFactory
{
    public EagerRingFactory() => With("Nara:Credentials:KeyRingRefresh", "00:00:00");
}

/// <summary>
/// Issuer-key rotation: only platform administrators, audited, old credentials keep verifying, new ones carry the new
/// kid, and every host sharing the key directory follows.
/// </summary>
public sealed class KeyRotationTests(EagerRingFactory factory) : IClassFixture<EagerRingFactory>, IDisposable
{
    private readonly ECDsa _wallet = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nara-ring-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _wallet.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IssuerKeyRing Ring(string keyPath, TimeSpan refresh) =>
        new(Options.Create(new CredentialsOptions { IssuerKeyPath = keyPath, KeyRingRefresh = refresh }), Options.Create(new DatabaseOptions()),
            TimeProvider.System, NullLogger<IssuerKeyRing>.Instance);

    private static async Task<JsonElement> RotateAsync(HttpClient admin)
    {
        var response = await admin.PostAsync(new Uri("/api/credentials/issuer-key/rotate", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_platform_administrator_rotates_the_key_old_credentials_keep_verifying_and_new_ones_carry_the_new_kid()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.MotherOfNewborn);
        var (_, before) = await citizen.IssueMobileIdAsync(_wallet);

        var rotated = await RotateAsync(await factory.SignedInClientAsync(OfficialAccounts.PlatformAdministrator));
        var (_, after) = await citizen.IssueMobileIdAsync(_wallet);

        var previous = rotated.GetProperty("previousKeyId").GetString();
        var current = rotated.GetProperty("keyId").GetString();
        Assert.NotEqual(previous, current);
        Assert.Equal(previous, CredentialTestKit.KeyIdOf(before));
        Assert.Equal(current, CredentialTestKit.KeyIdOf(after));
        Assert.Null(await factory.RejectionAsync(before, _wallet));
        Assert.Null(await factory.RejectionAsync(after, _wallet));
        Assert.Equal(0, await factory.PublishedStatusAsync(before)); // the list is now signed with the new key and still reads
        var jwks = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/credentials/jwks", UriKind.Relative)))!;
        Assert.Equal(current, jwks["keys"]![0]!["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rotation_is_audited_as_an_integration_event_naming_both_keys()
    {
        var rotated = await RotateAsync(await factory.SignedInClientAsync(OfficialAccounts.PlatformAdministrator));

        Guid message;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var messages = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().OutboxMessages
                .Where(m => m.Type == typeof(CredentialIssuerKeyRotated).FullName).Select(m => new { m.Id, m.Payload }).ToListAsync();
            var mine = Assert.Single(messages, m => m.Payload.Contains(rotated.GetProperty("keyId").GetString()!, StringComparison.Ordinal));
            Assert.Contains(rotated.GetProperty("previousKeyId").GetString()!, mine.Payload, StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"official\"", mine.Payload, StringComparison.Ordinal);
            message = mine.Id;
        }

        await factory.DrainOutboxAsync();

        await using var check = factory.Services.CreateAsyncScope();
        Assert.Single(await check.ServiceProvider.GetRequiredService<IAuditEvidence>().FindBySourceMessagesAsync([message], CancellationToken.None));
    }

    [Fact]
    public async Task Only_administrators_of_the_platform_agency_may_rotate_the_key()
    {
        var ring = factory.Services.GetRequiredService<IssuerKeyRing>();
        var kid = ring.KeyId;
        var otherAdministrator = await factory.OfficialAsync("MOHW", "administrator");
        var moisOfficer = await factory.OfficialAsync("MOIS", "credential-officer");
        var citizen = await factory.CitizenAsync(DemoPersonas.ElderlyAlone);

        foreach (var client in new[] { otherAdministrator, moisOfficer, citizen })
        {
            var response = await client.PostAsync(new Uri("/api/credentials/issuer-key/rotate", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(kid, ring.KeyId);
    }

    [Fact]
    public async Task A_rotation_by_another_host_sharing_the_key_directory_is_picked_up_by_this_host()
    {
        var citizen = await factory.CitizenAsync(DemoPersonas.BusinessOwner);
        var (_, before) = await citizen.IssueMobileIdAsync(_wallet);
        using var otherHost = Ring(factory.Services.GetRequiredService<IssuerKeyRing>().Path, TimeSpan.Zero);

        var (previous, current) = otherHost.Rotate();
        var (_, after) = await citizen.IssueMobileIdAsync(_wallet);

        Assert.Equal(previous, CredentialTestKit.KeyIdOf(before));
        Assert.Equal(current, CredentialTestKit.KeyIdOf(after));
        Assert.Null(await factory.RejectionAsync(before, _wallet));
        Assert.Null(await factory.RejectionAsync(after, _wallet));
    }

    [Fact]
    public void A_second_ring_instance_sees_the_rotation_at_its_next_check_and_keeps_verifying_the_old_key()
    {
        var path = Path.Combine(_directory, "issuer.pem");
        using var first = Ring(path, TimeSpan.Zero);
        using var second = Ring(path, TimeSpan.Zero);
        using var lazy = Ring(path, TimeSpan.FromHours(1));
        var old = second.KeyId;
        Assert.Equal(first.KeyId, old);

        var (previous, current) = first.Rotate();

        Assert.Equal(old, previous);
        Assert.Equal(current, second.KeyId);
        Assert.NotNull(second.Find(previous));
        Assert.NotNull(second.Find(current));
        var signer = second.Signer;
        Assert.Equal(current, signer.KeyId);
        Assert.Equal(current, Es256.Thumbprint(signer.Key));
        Assert.Equal(old, lazy.KeyId); // checks at most once an hour: still on the old key, which stays valid for verifiers
        Assert.Equal(2, second.Jwks()["keys"]!.AsArray().Count);
    }

    [Fact]
    public void A_rotation_from_a_host_that_missed_an_earlier_rotation_keeps_every_key_in_the_ring()
    {
        var path = Path.Combine(_directory, "issuer.pem");
        using var first = Ring(path, TimeSpan.FromHours(1));
        using var second = Ring(path, TimeSpan.FromHours(1));
        var original = first.KeyId;

        var (_, fromFirst) = first.Rotate();
        var (previous, fromSecond) = second.Rotate(); // second had not looked at the files since

        Assert.Equal(fromFirst, previous);
        using var third = Ring(path, TimeSpan.Zero);
        Assert.Equal(fromSecond, third.KeyId);
        Assert.NotNull(third.Find(original));
        Assert.NotNull(third.Find(fromFirst));
        Assert.Equal(3, third.Jwks()["keys"]!.AsArray().Count);
    }
}
