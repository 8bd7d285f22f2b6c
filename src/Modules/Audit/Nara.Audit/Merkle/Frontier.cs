namespace Nara.Audit.Merkle;

/// <summary>
/// The right edge of the tree: one complete-subtree hash per set bit of the size. Appending a leaf merges
/// equal-sized neighbours and reports each completed subtree so it can be stored.
/// </summary>
internal sealed class Frontier
{
    private readonly List<(int Level, byte[] Hash)> _stack = [];

    public long Size { get; private set; }

    public static Frontier Restore(long size, IReadOnlyList<byte[]> hashesLeftToRight)
    {
        var frontier = new Frontier { Size = size };
        var ranges = PerfectRange.Decompose(0, size);
        if (ranges.Count != hashesLeftToRight.Count)
        {
            throw new InvalidOperationException("The stored subtree hashes do not match the tree size.");
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            frontier._stack.Add((ranges[i].Level, hashesLeftToRight[i]));
        }

        return frontier;
    }

    /// <summary>Adds a leaf; calls <paramref name="completed"/> for every new interior node (level ≥ 1).</summary>
    public void Append(byte[] leafHash, Action<PerfectRange, byte[]>? completed)
    {
        var index = Size;
        _stack.Add((0, leafHash));
        Size++;
        while (_stack.Count >= 2 && _stack[^1].Level == _stack[^2].Level)
        {
            var right = _stack[^1];
            var left = _stack[^2];
            _stack.RemoveRange(_stack.Count - 2, 2);
            var level = left.Level + 1;
            var hash = MerkleHash.Node(left.Hash, right.Hash);
            _stack.Add((level, hash));
            completed?.Invoke(new PerfectRange(level, index >> level), hash);
        }
    }

    public byte[] Root() => Fold(_stack.Select(s => s.Hash).ToList());

    /// <summary>MTH of a range given its complete subtrees left to right: fold from the right.</summary>
    public static byte[] Fold(IReadOnlyList<byte[]> hashesLeftToRight)
    {
        if (hashesLeftToRight.Count == 0)
        {
            return MerkleHash.Empty();
        }

        var hash = hashesLeftToRight[^1];
        for (var i = hashesLeftToRight.Count - 2; i >= 0; i--)
        {
            hash = MerkleHash.Node(hashesLeftToRight[i], hash);
        }

        return hash;
    }
}
