using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Nara.Audit.Features;

namespace Nara.Audit.Tests;

/// <summary>Proofs fetched over HTTP and checked with the independent verifier against signed heads.</summary>
public sealed class PublicEndpointTests(PublicEndpointTests.SeventyEntries factory) : IClassFixture<PublicEndpointTests.SeventyEntries>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private List<byte[]> _leaves = [];

    public async Task InitializeAsync() => _leaves = await factory.Leaves;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A log of 70 entries with a head over all of them, made once for the class.</summary>
    public sealed class SeventyEntries : AuditFactory
    {
        private Task<List<byte[]>>? _leaves;

        public Task<List<byte[]>> Leaves => _leaves ??= LoadAsync();

        private async Task<List<byte[]>> LoadAsync()
        {
            var receipts = await AppendManyAsync(70);
            await SignAsync();
            return receipts.OrderBy(r => r.Index).Select(r => Convert.FromHexString(r.LeafHash)).ToList();
        }
    }

    [Fact]
    public async Task The_latest_head_is_signed_with_the_published_key()
    {
        var head = await _client.GetFromJsonAsync<SignedTreeHead>("/api/audit/tree-heads/latest");
        using var key = await PublicKeyAsync();
        Assert.Equal(70, head!.TreeSize);
        Assert.Equal(RfcReference.Mth(_leaves, 0, 70), Convert.FromBase64String(head.RootHash));
        Assert.True(key.VerifyData(SignedBytes(head), Convert.FromBase64String(head.Signature), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task Every_inclusion_proof_verifies_against_the_root_of_its_tree_size()
    {
        foreach (var size in new[] { 1, 2, 3, 7, 8, 9, 31, 64, 70 })
        {
            for (var index = 0; index < size; index++)
            {
                var proof = await _client.GetFromJsonAsync<InclusionProof>($"/api/audit/proofs/inclusion?index={index}&treeSize={size}");
                var path = proof!.AuditPath.Select(Convert.FromBase64String).ToList();
                Assert.True(RfcReference.VerifyInclusion(index, size, _leaves[index], path, RfcReference.Mth(_leaves, 0, size)), $"leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public async Task Every_consistency_proof_verifies_between_two_tree_sizes()
    {
        for (var first = 1; first <= 70; first += 3)
        {
            foreach (var second in new[] { first, first + 1, 64, 70 }.Where(s => s >= first && s <= 70))
            {
                var proof = await _client.GetFromJsonAsync<ConsistencyProof>($"/api/audit/proofs/consistency?first={first}&second={second}");
                var hashes = proof!.Consistency.Select(Convert.FromBase64String).ToList();
                Assert.True(RfcReference.VerifyConsistency(first, second, RfcReference.Mth(_leaves, 0, first), RfcReference.Mth(_leaves, 0, second), hashes), $"{first} → {second}");
            }
        }
    }

    [Fact]
    public async Task Heads_are_listed_by_tree_size()
    {
        var heads = await _client.GetFromJsonAsync<List<SignedTreeHead>>("/api/audit/tree-heads?from=1&to=100");
        Assert.Contains(heads!, h => h.TreeSize == 70);
    }

    [Theory]
    [InlineData("/api/audit/proofs/inclusion?index=5&treeSize=5")]
    [InlineData("/api/audit/proofs/inclusion?index=-1&treeSize=5")]
    [InlineData("/api/audit/proofs/inclusion?index=abc&treeSize=5")]
    [InlineData("/api/audit/proofs/inclusion?index=0&treeSize=999999")]
    [InlineData("/api/audit/proofs/inclusion")]
    [InlineData("/api/audit/proofs/consistency?first=0&second=5")]
    [InlineData("/api/audit/proofs/consistency?first=6&second=5")]
    [InlineData("/api/audit/proofs/consistency?first=1&second=99999999999999999999")]
    [InlineData("/api/audit/tree-heads?from=9&to=2")]
    [InlineData("/api/audit/tree-heads?from=x")]
    public async Task Bad_parameters_answer_a_400_problem(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ECDsa> PublicKeyAsync()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/audit/public-key", UriKind.Relative)));
        var jwk = document.RootElement.GetProperty("jwk");
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromBase64Url(jwk.GetProperty("x").GetString()!), Y = FromBase64Url(jwk.GetProperty("y").GetString()!) },
        });
    }

    // RFC 6962 §3.5 TreeHeadSignature, built here independently of the module.
    private static byte[] SignedBytes(SignedTreeHead head)
    {
        var bytes = new List<byte> { 0, 1 };
        bytes.AddRange(BitConverter.GetBytes(head.Timestamp).Reverse());
        bytes.AddRange(BitConverter.GetBytes(head.TreeSize).Reverse());
        bytes.AddRange(Convert.FromBase64String(head.RootHash));
        return [.. bytes];
    }

    private static byte[] FromBase64Url(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (s.Length % 4)) % 4));
}
