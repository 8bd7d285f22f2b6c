using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Nara.Credentials.SdJwt;

/// <summary>
/// What a verifier elsewhere (a shop, a bank, an agency's own system) keeps of an issuer, so that it checks
/// credentials offline and the issuer never learns who was checked: the published keys, imported once per kid (an
/// ECDsa import costs about as much as a signature check), and the Status List Tokens it fetched, each checked once
/// and kept until its <c>ttl</c> or <c>exp</c>, whichever comes first. An unknown kid means "fetch the JWKS again"
/// (a rotation); a list that is missing or stale resolves to null (status unavailable: fetch the list again).
/// </summary>
internal sealed class PublishedIssuer : IDisposable
{
    private readonly FrozenDictionary<string, ECDsa> _keys;
    private readonly ConcurrentDictionary<string, (StatusList List, DateTimeOffset Until)> _lists = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    private PublishedIssuer(FrozenDictionary<string, ECDsa> keys, TimeProvider clock)
    {
        _keys = keys;
        _clock = clock;
    }

    /// <summary>The P-256 keys of a JWKS (RFC 7517) that carry a kid; keys of other types are left out.</summary>
    public static PublishedIssuer FromJwks(JsonObject jwks, TimeProvider? clock = null)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var node in jwks["keys"] as JsonArray ?? [])
        {
            if (node is JsonObject jwk && Es256.Text(jwk, "kid") is { } kid && !keys.ContainsKey(kid) && Es256.FromJwk(jwk) is { } key)
            {
                keys[kid] = key;
            }
        }

        return new PublishedIssuer(keys.ToFrozenDictionary(StringComparer.Ordinal), clock ?? TimeProvider.System);
    }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The imported key for <paramref name="kid"/>; ECDsa's verify may be called from many threads at once.</summary>
    public ECDsa? Find(string kid) => _keys.GetValueOrDefault(kid);

    /// <summary>Checks a fetched Status List Token (signature by a published key, sub = <paramref name="uri"/>, not expired) and keeps its list.</summary>
    /// <returns>false when the token is not acceptable (nothing kept).</returns>
    public bool AddStatusList(string uri, string token)
    {
        var now = _clock.GetUtcNow();
        if (StatusListToken.Read(token, uri, Find, now) is not { } list || Es256.Parse(token) is not { } jws)
        {
            return false;
        }

        var until = now + TimeSpan.FromSeconds(Math.Clamp(Es256.Number(jws.Payload, "ttl") ?? 0, 0, 86_400));
        if (Es256.Number(jws.Payload, "exp") is { } exp && DateTimeOffset.FromUnixTimeSeconds(exp) < until)
        {
            until = DateTimeOffset.FromUnixTimeSeconds(exp);
        }

        _lists[uri] = (list, until);
        return true;
    }

    /// <summary>The status of an entry from the kept list; null when no fresh list for that URI is kept or the index is outside it.</summary>
    public ValueTask<int?> ResolveAsync(StatusReference reference, CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            _lists.TryGetValue(reference.Uri, out var kept) && _clock.GetUtcNow() < kept.Until && reference.Index < kept.List.Capacity
                ? kept.List[reference.Index]
                : (int?)null);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
