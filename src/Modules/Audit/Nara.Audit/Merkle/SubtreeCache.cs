using System.Collections.Concurrent;

namespace Nara.Audit.Merkle;

/// <summary>
/// Hashes of the upper complete subtrees, kept in memory for proofs. A complete subtree never changes once its
/// last leaf is appended, so a cached hash never goes stale. Only levels ≥ <see cref="MinLevel"/> are kept: at
/// 10M entries that is about 40,000 hashes (≈ 4 MiB), and every proof then reads only its lowest eight path
/// elements from storage instead of ~24 random pages. Used by proofs only: the verifier always reads storage,
/// so tampering with stored hashes is still found.
/// </summary>
internal sealed class SubtreeCache
{
    public const int MinLevel = 8;

    // Bounds memory on very large logs; past it, hashes are simply read from storage.
    private const int MaxEntries = 1_000_000;

    private readonly ConcurrentDictionary<long, byte[]> _hashes = new();

    public bool TryGet(PerfectRange range, out byte[] hash) => _hashes.TryGetValue(range.Key, out hash!);

    public void Add(PerfectRange range, byte[] hash)
    {
        if (range.Level >= MinLevel && _hashes.Count < MaxEntries)
        {
            _hashes.TryAdd(range.Key, hash);
        }
    }
}
