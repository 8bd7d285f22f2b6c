namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Owned here rather than System.Random so that the same seed gives
/// the same population on every runtime version and platform (System.Random's algorithm is not a contract).
/// </summary>
internal sealed class SeedRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeedRandom(long seed)
    {
        var x = (ulong)seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent stream for a named purpose, so adding draws in one part leaves the others unchanged.</summary>
    public static SeedRandom For(int seed, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var h = 14_695_981_039_346_656_037UL;
        foreach (var c in purpose)
        {
            h = (h ^ c) * 1_099_511_628_211UL;
        }

        return new SeedRandom((long)(h ^ (ulong)(uint)seed));
    }

    /// <summary>The stream for one part (a chunk of the population): depends only on seed, purpose and part.</summary>
    public static SeedRandom For(int seed, string purpose, int part)
    {
        // The golden-ratio step spreads consecutive parts apart before SplitMix64 mixes them into the state.
        var root = For(seed, purpose);
        return new SeedRandom((long)(root.NextUInt64() ^ ((ulong)(uint)part * 0x9E3779B97F4A7C15UL)));
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)((NextUInt64() >> 32) * (ulong)max >> 32);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal (Box–Muller; the second value is dropped to keep the stream simple).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A discrete distribution sampled by binary search over cumulative weights.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        _items = [.. list.Select(e => e.Item)];
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Sample(SeedRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        i = i < 0 ? ~i : i + 1;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}
