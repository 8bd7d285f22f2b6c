using System.Collections.Frozen;

namespace Nara.Credentials.Issuing;

/// <summary>
/// This host's verifier reads credential status from memory instead of one database query per verification: the
/// entries that are not valid (revoked or suspended, a small share of all), rebuilt at most every
/// <see cref="MaxAge"/>. A status change made on this host invalidates it at once, so a suspension is refused by the
/// very next verification here; a change made by another host sharing the database shows within <see cref="MaxAge"/>
/// (verifiers elsewhere cache the published list for up to its 5-minute ttl anyway).
/// </summary>
internal sealed class StatusSnapshot
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private long _generation;
    private volatile Entry? _entry;

    /// <summary>The non-valid entries of <paramref name="list"/> when a fresh snapshot exists; null: rebuild.</summary>
    public IReadOnlyDictionary<int, int>? Find(int list) =>
        _entry is { } e && e.List == list && e.Generation == Interlocked.Read(ref _generation) && Environment.TickCount64 - e.BuiltAt < (long)MaxAge.TotalMilliseconds
            ? e.NonValid
            : null;

    /// <summary>Taken before reading the database, handed back to <see cref="Store"/>: a change in between makes the read stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <returns>The entries as read, for this verification whether or not they could be kept.</returns>
    public IReadOnlyDictionary<int, int> Store(int list, long generation, IEnumerable<(int Index, int Status)> nonValid)
    {
        var entries = nonValid.ToFrozenDictionary(e => e.Index, e => e.Status);
        if (generation == Interlocked.Read(ref _generation))
        {
            _entry = new Entry(list, generation, Environment.TickCount64, entries);
        }

        return entries;
    }

    /// <summary>Called after a status change is committed on this host.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Entry(int List, long Generation, long BuiltAt, FrozenDictionary<int, int> NonValid);
}
