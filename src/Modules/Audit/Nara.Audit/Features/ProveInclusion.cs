using Nara.Audit.Data;
using Nara.Audit.Merkle;

namespace Nara.Audit.Features;

/// <summary>RFC 9162 §2.1.3 inclusion proof of leaf <c>index</c> in the tree of the first <c>treeSize</c> entries.</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<string> AuditPath);

internal sealed class ProveInclusion(AuditDbContext db, SubtreeCache cache)
{
    /// <summary>Returns the proof, or an error message (for a 400) when the parameters do not name one.</summary>
    public async Task<(InclusionProof? Proof, string? Error)> ProveAsync(long index, long treeSize, CancellationToken cancellationToken)
    {
        var reader = new TreeReader(db, cache);
        var size = await reader.SizeAsync(cancellationToken);
        if (index < 0 || treeSize < 1 || index >= treeSize)
        {
            return (null, "index must be 0 or more and less than treeSize.");
        }

        if (treeSize > size)
        {
            return (null, $"treeSize must be at most the log's size ({size}).");
        }

        var path = await reader.RangeHashesAsync(ProofPlan.Inclusion(index, treeSize), cancellationToken);
        return (new InclusionProof(index, treeSize, path.Select(Convert.ToBase64String).ToList()), null);
    }
}
