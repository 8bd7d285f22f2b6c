using Nara.Audit.Data;
using Nara.Audit.Merkle;

namespace Nara.Audit.Features;

/// <summary>RFC 9162 §2.1.4 consistency proof: the tree of size <c>first</c> is a prefix of the tree of size <c>second</c>.</summary>
public sealed record ConsistencyProof(long First, long Second, IReadOnlyList<string> Consistency);

internal sealed class ProveConsistency(AuditDbContext db, SubtreeCache cache)
{
    public async Task<(ConsistencyProof? Proof, string? Error)> ProveAsync(long first, long second, CancellationToken cancellationToken)
    {
        var reader = new TreeReader(db, cache);
        var size = await reader.SizeAsync(cancellationToken);
        if (first < 1 || second < first)
        {
            return (null, "first must be 1 or more and at most second.");
        }

        if (second > size)
        {
            return (null, $"second must be at most the log's size ({size}).");
        }

        var proof = first == second ? [] : await reader.RangeHashesAsync(ProofPlan.Consistency(first, second), cancellationToken);
        return (new ConsistencyProof(first, second, proof.Select(Convert.ToBase64String).ToList()), null);
    }
}
