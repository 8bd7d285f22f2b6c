using System.Numerics;

namespace Nara.Audit.Merkle;

/// <summary>
/// A complete subtree: 2^Level leaves starting at Index * 2^Level. Its hash is stored once it is full, so
/// any tree hash or proof element is a fold of at most log2(n) stored hashes.
/// </summary>
internal readonly record struct PerfectRange(int Level, long Index)
{
    /// <summary>One number per subtree, the primary key of the node table (level in the top 16 bits).</summary>
    public long Key => ((long)Level << 48) | Index;

    public long Start => Index << Level;

    public static PerfectRange FromKey(long key) => new((int)(key >> 48), key & ((1L << 48) - 1));

    /// <summary>
    /// Splits [start, end) into the complete subtrees whose right-to-left fold is MTH(D[start:end]).
    /// Valid for the ranges RFC 6962's recursion produces: start is a multiple of a power of two ≥ end - start.
    /// </summary>
    public static List<PerfectRange> Decompose(long start, long end)
    {
        var result = new List<PerfectRange>();
        var position = start;
        var remaining = end - start;
        while (remaining > 0)
        {
            var level = 63 - BitOperations.LeadingZeroCount((ulong)remaining);
            result.Add(new PerfectRange(level, position >> level));
            position += 1L << level;
            remaining -= 1L << level;
        }

        return result;
    }

    /// <summary>The largest power of two strictly smaller than n (n ≥ 2).</summary>
    public static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
