using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nara.Consent.Signing;
using Nara.Kernel.Data;

namespace Nara.Consent.Tests;

/// <summary>Two hosts sharing one key directory: a rotation on one is followed by the other without a restart.</summary>
public sealed class SharedKeyDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nara-consent-keys-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private ConsentSigningKey Host(TimeSpan refresh) => new(
        Options.Create(new ConsentOptions { KeyRingRefresh = refresh }),
        Options.Create(new DatabaseOptions { DataDirectory = _directory }),
        _clock, NullLogger<ConsentSigningKey>.Instance);

    [Fact]
    public async Task A_host_signs_with_the_key_another_host_rotated_to_at_its_next_check_and_both_verify_each_others_signatures()
    {
        using var a = Host(TimeSpan.Zero);
        using var b = Host(TimeSpan.Zero);
        Assert.Equal(a.KeyId, b.KeyId);

        var old = a.KeyId;
        var fresh = a.Rotate();
        Assert.NotEqual(old, fresh.KeyId);
        Assert.Equal(fresh.KeyId, b.KeyId); // b saw the files change

        var (jws, kid) = b.Sign("""{"n":1}""");
        Assert.Equal(fresh.KeyId, kid);
        Assert.True(await a.VerifyAsync(jws, """{"n":1}""", kid, _clock.GetUtcNow()));
        Assert.False(await a.VerifyAsync(jws, """{"n":2}""", kid, _clock.GetUtcNow()));
        Assert.Contains(b.Keys, k => k.KeyId == old && k.RetiredAt is not null);
    }

    [Fact]
    public async Task Until_its_next_check_a_host_signs_with_the_retired_key_and_that_signature_counts_only_within_the_grace()
    {
        using var a = Host(TimeSpan.FromSeconds(10));
        using var b = Host(TimeSpan.FromHours(1)); // will not look again during this test
        var old = b.KeyId;
        a.Rotate();

        var (jws, kid) = b.Sign("""{"late":true}""");
        Assert.Equal(old, kid);
        var retiredAt = _clock.GetUtcNow();
        Assert.True(await a.VerifyAsync(jws, """{"late":true}""", kid, retiredAt.AddSeconds(14))); // one interval + 5 s
        Assert.False(await a.VerifyAsync(jws, """{"late":true}""", kid, retiredAt.AddSeconds(16))); // a retired key used later is refused
    }

    [Fact]
    public void A_private_key_that_is_not_in_the_published_ring_is_not_taken_up()
    {
        using var a = Host(TimeSpan.Zero);
        var kid = a.KeyId;
        using (var foreign = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(a.Path, foreign.ExportPkcs8PrivateKeyPem());
        }

        Assert.Equal(kid, a.KeyId);
        Assert.Equal(kid, a.Sign("{}").KeyId);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
