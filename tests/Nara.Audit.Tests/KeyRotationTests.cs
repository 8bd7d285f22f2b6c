using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nara.Audit.Data;
using Nara.Audit.Domain;
using Nara.Audit.Features;
using Nara.Audit.Signing;

namespace Nara.Audit.Tests;

/// <summary>The tree-head signing key can be replaced without losing the ability to verify older heads, and only that way.</summary>
[Collection(RunsAlone.Name)]
public sealed class KeyRotationTests
{
    [Fact]
    public async Task Heads_signed_before_and_after_a_rotation_all_verify()
    {
        await using var log = await SignedLogAsync(50);
        var first = await AuditTools.RotateSigningKeyAsync(log.Services, "test", CancellationToken.None);
        await log.AppendManyAsync(50, offset: 50);
        // The rotation wrote its own audit entry.
        Assert.Equal(101, await log.SignAsync());

        var result = await log.VerifyAsync();
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        await using var scope = log.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var heads = await db.TreeHeads.OrderBy(h => h.TreeSize).ToListAsync();
        Assert.NotEqual(heads[0].KeyId, heads[^1].KeyId);
        Assert.Equal(first, heads[^1].KeyId);
    }

    [Fact]
    public async Task The_published_key_history_lets_anyone_follow_the_endorsements_from_the_first_key()
    {
        await using var log = await SignedLogAsync(10);
        await AuditTools.RotateSigningKeyAsync(log.Services, "test", CancellationToken.None);
        await AuditTools.RotateSigningKeyAsync(log.Services, "test", CancellationToken.None);
        using var client = log.CreateClient();

        var keys = await client.GetFromJsonAsync<List<JsonElement>>("/api/audit/keys");

        Assert.Equal(3, keys!.Count);
        Assert.Equal(JsonValueKind.Null, keys[0].GetProperty("previousKeyId").ValueKind);
        for (var i = 1; i < keys.Count; i++)
        {
            Assert.Equal(keys[i - 1].GetProperty("keyId").GetString(), keys[i].GetProperty("previousKeyId").GetString());
            // Checked here from the published fields alone, with the layout the module documents.
            using var previous = ECDsa.Create();
            previous.ImportFromPem(keys[i - 1].GetProperty("pem").GetString());
            var signed = EndorsementBytes(
                keys[i - 1].GetProperty("keyId").GetString()!,
                PublicKeyBytes(keys[i].GetProperty("pem").GetString()!),
                keys[i].GetProperty("validFrom").GetInt64());
            var endorsement = Convert.FromBase64String(keys[i].GetProperty("endorsement").GetString()!);
            Assert.True(previous.VerifyData(signed, endorsement, HashAlgorithmName.SHA256), $"key {i} is endorsed by key {i - 1}");
        }
    }

    [Fact]
    public async Task A_key_file_swapped_by_hand_is_refused_by_the_signer()
    {
        await using var log = await SignedLogAsync(20);
        var key = log.Services.GetRequiredService<AuditSigningKey>();
        using (var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(key.Path, stranger.ExportPkcs8PrivateKeyPem());
        }

        await log.AppendManyAsync(5, offset: 20);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(log.SignAsync);
        Assert.Contains("not in the key history", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_slipped_into_the_database_alone_does_not_make_its_heads_trusted()
    {
        await using var log = await SignedLogAsync(20);
        await using var scope = log.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = forger.ExportSubjectPublicKeyInfo();
        var forgedId = AuditKeys.KeyIdOf(publicKey);
        var current = await db.SigningKeys.SingleAsync();
        // An endorsement the old key never made.
        db.SigningKeys.Add(new SigningKeyRecord
        {
            KeyId = forgedId,
            PublicKey = publicKey,
            ValidFrom = current.ValidFrom + 1,
            PreviousKeyId = current.KeyId,
            Endorsement = forger.SignData(AuditKeys.EndorsementInput(current.KeyId, publicKey, current.ValidFrom + 1), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        });
        var head = await db.TreeHeads.SingleAsync(h => h.TreeSize == 20);
        head.KeyId = forgedId;
        head.Signature = forger.SignData(TreeHeadSignature.Input(head.TreeSize, head.RootHash, head.Timestamp), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        await db.SaveChangesAsync();

        var result = await log.VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("no valid endorsement", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("the witness never saw it", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("not in the trusted key history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotation_that_crashed_before_storing_its_key_is_discarded_and_the_old_key_kept()
    {
        await using var log = await SignedLogAsync(10);
        var key = log.Services.GetRequiredService<AuditSigningKey>();
        var before = key.KeyId;
        using (var orphan = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(key.NextPath, orphan.ExportPkcs8PrivateKeyPem());
        }

        await log.AppendManyAsync(5, offset: 10);
        Assert.Equal(15, await log.SignAsync());

        Assert.False(File.Exists(key.NextPath));
        Assert.Equal(before, key.KeyId);
        Assert.True((await log.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_head_the_witness_missed_is_sent_before_the_next_head()
    {
        await using var log = await SignedLogAsync(30);
        var witness = log.Services.GetRequiredService<WitnessStore>();
        File.Delete(witness.PathFor(30)); // as if the host died between the database commit and the witness write

        await log.AppendManyAsync(10, offset: 30);
        Assert.Equal(40, await log.SignAsync());

        Assert.True(witness.Has(30));
        var result = await log.VerifyAsync();
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Empty(result.Notes!);
    }

    [Fact]
    public async Task The_newest_head_not_yet_at_the_witness_is_noted_not_failed()
    {
        await using var log = await SignedLogAsync(30);
        File.Delete(log.Services.GetRequiredService<WitnessStore>().PathFor(30));

        var result = await log.VerifyAsync();

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Single(result.Notes!);
    }

    [Fact]
    public async Task A_witness_copy_removed_behind_a_witnessed_head_is_tampering()
    {
        await using var log = await SignedLogAsync(30);
        await log.AppendManyAsync(10, offset: 30);
        await log.SignAsync();
        File.Delete(log.Services.GetRequiredService<WitnessStore>().PathFor(30));

        var result = await log.VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains("head of size 30 has no witness copy", StringComparison.Ordinal));
    }

    private static async Task<AuditFactory> SignedLogAsync(int entries)
    {
        var log = new AuditFactory();
        await log.InitializeAsync();
        await log.AppendManyAsync(entries);
        Assert.Equal(entries, await log.SignAsync());
        return log;
    }

    private static byte[] PublicKeyBytes(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>Written from the module README's description, independently of the module's code.</summary>
    private static byte[] EndorsementBytes(string previousKeyId, byte[] publicKey, long validFrom)
    {
        using var bytes = new MemoryStream();
        bytes.Write(Encoding.ASCII.GetBytes("nara-audit-key-endorsement-v1\0"));
        var previous = Encoding.ASCII.GetBytes(previousKeyId);
        bytes.Write(BigEndian(previous.Length));
        bytes.Write(previous);
        bytes.Write(BigEndian(publicKey.Length));
        bytes.Write(publicKey);
        var time = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(time, validFrom);
        bytes.Write(time);
        return bytes.ToArray();
    }

    private static byte[] BigEndian(int value)
    {
        var b = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(b, value);
        return b;
    }
}
