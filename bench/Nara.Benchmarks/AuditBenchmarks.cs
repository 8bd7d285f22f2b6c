using BenchmarkDotNet.Attributes;
using Nara.Audit.Domain;
using Nara.Audit.Merkle;

namespace Nara.Benchmarks;

/// <summary>The CPU side of the audit log: hashing an entry, a node, extending the tree, planning a proof at 10M.</summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private readonly AuditRecord _record = new()
    {
        TimeMicros = 1_772_411_400_000_000,
        ActorKind = "official",
        ActorId = "official-42",
        ActorAgency = "1100000",
        ActorRole = "registry-viewer",
        Action = "resident.view",
        SubjectType = "resident",
        SubjectId = "123456",
        Purpose = "benefit-eligibility",
        Outcome = "success",
        CorrelationId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        Module = "Registries",
        Detail = "{\"fields\":\"name,address\"}",
        LeafHash = [],
    };

    private readonly byte[] _left = MerkleHash.Leaf([1]);
    private readonly byte[] _right = MerkleHash.Leaf([2]);
    private Frontier _frontier = new();
    private long _proofIndex = 6_543_210;

    [GlobalSetup]
    public void Setup()
    {
        _frontier = new Frontier();
        _proofIndex = 6_543_210;
    }

    [Benchmark]
    public byte[] LeafHashOfAnEntry() => CanonicalEntry.LeafHash(_record);

    [Benchmark]
    public byte[] NodeHash() => MerkleHash.Node(_left, _right);

    [Benchmark]
    public long AppendToTree()
    {
        _frontier.Append(_left, null);
        return _frontier.Size;
    }

    [Benchmark]
    public int PlanInclusionProofAt10M() => ProofPlan.Inclusion(_proofIndex, 10_000_000).Sum(r => PerfectRange.Decompose(r.Start, r.End).Count);

    [Benchmark]
    public int PlanConsistencyProofAt10M() => ProofPlan.Consistency(_proofIndex + 1_234_567, 10_000_000).Count;
}
