using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nara.Audit.Merkle;

namespace Nara.Audit.Tests;

/// <summary>Proofs built by the module's plan, with hashes from the naive MTH, verified by the RFC 9162 algorithms.</summary>
public sealed class ProofPropertyTests
{
    private static readonly List<byte[]> Leaves = Enumerable.Range(0, 1100).Select(i => RfcReference.LeafHash(BitConverter.GetBytes(i))).ToList();

    [Property(MaxTest = 500)]
    public Property An_inclusion_proof_verifies_for_every_leaf_and_tree_size() =>
        Prop.ForAll(Gen.Choose(1, 1024).SelectMany(n => Gen.Choose(0, n - 1).Select(m => (n, m))).ToArbitrary(), t =>
        {
            var (n, m) = t;
            var path = ProofPlan.Inclusion(m, n).Select(r => RfcReference.Mth(Leaves, (int)r.Start, (int)r.End)).ToList();
            var root = RfcReference.Mth(Leaves, 0, n);
            var ok = RfcReference.VerifyInclusion(m, n, Leaves[m], path, root);
            var wrongLeaf = RfcReference.VerifyInclusion(m, n, Leaves[(m + 1) % 1100], path, root);
            return ok && !wrongLeaf;
        });

    [Property(MaxTest = 500)]
    public Property A_consistency_proof_verifies_for_every_pair_of_sizes() =>
        Prop.ForAll(Gen.Choose(1, 1024).SelectMany(n => Gen.Choose(1, n).Select(m => (m, n))).ToArbitrary(), t =>
        {
            var (m, n) = t;
            var proof = m == n ? [] : ProofPlan.Consistency(m, n).Select(r => RfcReference.Mth(Leaves, (int)r.Start, (int)r.End)).ToList();
            var ok = RfcReference.VerifyConsistency(m, n, RfcReference.Mth(Leaves, 0, m), RfcReference.Mth(Leaves, 0, n), proof);
            var forged = m < n && RfcReference.VerifyConsistency(m, n, RfcReference.Mth(Leaves, 1, m + 1), RfcReference.Mth(Leaves, 0, n), proof);
            return ok && !forged;
        });
}
