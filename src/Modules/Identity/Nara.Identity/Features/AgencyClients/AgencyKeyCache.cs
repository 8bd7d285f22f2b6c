using System.Collections.Concurrent;

namespace Nara.Identity.Features.AgencyClients;

/// <summary>
/// The agency clients found by key prefix in the last few seconds, so a busy agency system's requests do not each
/// read the clients table. Only live clients are kept; the key itself is still checked against the stored hash
/// on every request. A revocation on this host takes effect at once; on other hosts within <see cref="KeepFor"/>.
/// </summary>
internal sealed class AgencyKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    // Bounded so a flood of made-up prefixes cannot grow it; misses are never kept.
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _byPrefix = new(StringComparer.Ordinal);

    public CachedAgencyClient? Find(string prefix) =>
        _byPrefix.TryGetValue(prefix, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Client : null;

    public void Keep(string prefix, CachedAgencyClient client)
    {
        if (_byPrefix.Count >= MaxEntries)
        {
            _byPrefix.Clear();
        }

        _byPrefix[prefix] = new Entry(client, clock.GetUtcNow() + KeepFor);
    }

    public void Forget(string clientId)
    {
        foreach (var (prefix, entry) in _byPrefix)
        {
            if (entry.Client.Id == clientId)
            {
                _byPrefix.TryRemove(prefix, out _);
            }
        }
    }

    private sealed record Entry(CachedAgencyClient Client, DateTimeOffset Until);
}

/// <summary>What signing in an agency client needs from its row.</summary>
internal sealed record CachedAgencyClient(string Id, string AgencyCode, string Name, string KeyHash, string Scopes);
