using Nara.Audit.Merkle;

namespace Nara.Audit.Tests;

public sealed class MerkleHashingTests
{
    // The certificate-transparency project's reference leaves (RFC 6962 test data) and their roots.
    private static readonly string[] CtLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] CtRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void The_empty_tree_hashes_to_sha256_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.Empty()));
        Assert.Equal(Convert.ToHexStringLower(MerkleHash.Empty()), Convert.ToHexStringLower(new Frontier().Root()));
    }

    [Fact]
    public void Leaves_and_nodes_are_domain_separated_as_rfc_6962_says()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleHash.Leaf([])));
        var left = RfcReference.LeafHash([1]);
        var right = RfcReference.LeafHash([2]);
        Assert.Equal(RfcReference.NodeHash(left, right), MerkleHash.Node(left, right));
    }

    [Fact]
    public void The_reference_test_vectors_give_the_published_roots()
    {
        var frontier = new Frontier();
        var leaves = new List<byte[]>();
        for (var i = 0; i < CtLeaves.Length; i++)
        {
            var leaf = MerkleHash.Leaf(Convert.FromHexString(CtLeaves[i]));
            leaves.Add(leaf);
            frontier.Append(leaf, null);
            Assert.Equal(CtRoots[i], Convert.ToHexStringLower(frontier.Root()));
            Assert.Equal(CtRoots[i], Convert.ToHexStringLower(RfcReference.Mth(leaves, 0, leaves.Count)));
        }
    }

    [Fact]
    public void Every_tree_size_up_to_300_has_the_root_the_recursive_definition_gives()
    {
        var frontier = new Frontier();
        var leaves = new List<byte[]>();
        var stored = new Dictionary<long, byte[]>();
        for (var n = 1; n <= 300; n++)
        {
            var leaf = RfcReference.LeafHash(BitConverter.GetBytes(n));
            leaves.Add(leaf);
            stored[n - 1] = leaf;
            frontier.Append(leaf, (range, hash) => stored[range.Key] = hash);
            Assert.Equal(RfcReference.Mth(leaves, 0, n), frontier.Root());

            // The stored complete subtrees alone must reproduce the root, as the database path does.
            var pieces = PerfectRange.Decompose(0, n).Select(r => stored[r.Key]).ToList();
            Assert.Equal(RfcReference.Mth(leaves, 0, n), Frontier.Fold(pieces));
        }
    }
}
