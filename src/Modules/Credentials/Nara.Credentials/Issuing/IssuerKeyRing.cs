using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Credentials.SdJwt;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Credentials.Issuing;

/// <summary>One public key of the issuer ring, and when it signed.</summary>
/// <param name="Jwk">The public JWK (kid = RFC 7638 thumbprint).</param>
internal sealed record IssuerRingKey(string KeyId, string Jwk, DateTimeOffset ActivatedAt, DateTimeOffset? RetiredAt);

/// <summary>
/// The ES256 keys that sign credentials and status lists, kept like Consent's signing ring: the current private key
/// as an owner-only PEM under the data directory, and every public key that ever signed in
/// <c>credentials-issuer-ring.json</c> next to it, so credentials issued before a rotation keep verifying (the
/// whole ring is published in the JWKS). Rotation writes a new key and drops the old private half.
/// Hosts sharing the key directory see another host's rotation: on use, at most every
/// <see cref="CredentialsOptions.KeyRingRefresh"/>, the ring checks both files' modification times and reloads them
/// when they changed. Until then it signs with the retired key, which stays in the ring, so nothing it signs fails.
/// </summary>
internal sealed class IssuerKeyRing : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly ILogger<IssuerKeyRing> _logger;
    private readonly string _ringPath;
    private readonly long _refreshMs;
    private readonly List<ECDsa> _retired = [];
    private volatile Current _current;
    private volatile Dictionary<string, (IssuerRingKey Entry, ECDsa PublicKey)> _ring;
    private long _nextCheck;
    private (DateTime Ring, long RingLength, DateTime Key) _seen;

    public IssuerKeyRing(IOptions<CredentialsOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<IssuerKeyRing> logger)
    {
        _clock = clock;
        _logger = logger;
        _refreshMs = (long)Math.Max(0, options.Value.KeyRingRefresh.TotalMilliseconds);
        Path = options.Value.IssuerKeyPath is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(database.Value.DataDirectory, "keys", "credentials-issuer.pem");
        var (key, created) = PrivateKeyFiles.LoadOrCreateP256(Path);
        if (created)
        {
            logger.LogInformation("Created the credential issuer key at {Path}", Path);
        }

        _current = new Current(key, Es256.Thumbprint(key));
        _ringPath = System.IO.Path.ChangeExtension(Path, null) + "-ring.json";
        var entries = ReadEntries();
        if (!entries.Any(e => e.KeyId == _current.KeyId))
        {
            entries.Add(new IssuerRingKey(_current.KeyId, Es256.PublicJwk(key, _current.KeyId).ToJsonString(), clock.GetUtcNow(), null));
            Save(entries);
        }

        _ring = Index(entries);
        _seen = Stamp();
        _nextCheck = Environment.TickCount64 + _refreshMs;
    }

    public string Path { get; }

    public string KeyId => Fresh().KeyId;

    /// <summary>The private key that signs now.</summary>
    public ECDsa SigningKey => Fresh().Key;

    /// <summary>The current key and its kid, read together (a rotation between two reads would mismatch them).</summary>
    public (ECDsa Key, string KeyId) Signer
    {
        get
        {
            var current = Fresh();
            return (current.Key, current.KeyId);
        }
    }

    /// <summary>A ring key's public half by kid (current or retired), for verifying; null when unknown.</summary>
    public ECDsa? Find(string kid)
    {
        RefreshIfDue();
        return _ring.TryGetValue(kid, out var k) ? k.PublicKey : null;
    }

    /// <summary>RFC 7517 key set of the whole ring, current key first.</summary>
    public JsonObject Jwks()
    {
        RefreshIfDue();
        return new JsonObject
        {
            ["keys"] = new JsonArray([.. _ring.Values.OrderByDescending(k => k.Entry.RetiredAt is null).ThenByDescending(k => k.Entry.ActivatedAt)
                .Select(k => JsonNode.Parse(k.Entry.Jwk))]),
        };
    }

    /// <summary>A new current key; the old one is retired (its public half stays in the ring). Returns (old kid, new kid).</summary>
    public (string Previous, string Current) Rotate()
    {
        lock (_gate)
        {
            Reload(); // another host may have rotated since: build on the ring as it is on disk
            var now = _clock.GetUtcNow();
            var previous = _current;
            var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var next = new Current(fresh, Es256.Thumbprint(fresh));
            var entries = _ring.Values.Select(k => k.Entry.KeyId == previous.KeyId ? k.Entry with { RetiredAt = now } : k.Entry).ToList();
            entries.Add(new IssuerRingKey(next.KeyId, Es256.PublicJwk(fresh, next.KeyId).ToJsonString(), now, null));
            Save(entries); // published before it signs anything
            File.Delete(Path + ".new");
            PrivateKeyFiles.WriteNew(Path + ".new", fresh.ExportPkcs8PrivateKeyPem());
            File.Move(Path + ".new", Path, overwrite: true);
            Replace(Index(entries), next);
            _seen = Stamp();
            return (previous.KeyId, next.KeyId);
        }
    }

    public void Dispose()
    {
        _current.Key.Dispose();
        foreach (var key in _retired.Concat(_ring.Values.Select(k => k.PublicKey)))
        {
            key.Dispose();
        }
    }

    private Current Fresh()
    {
        RefreshIfDue();
        return _current;
    }

    /// <summary>Cheap when not due: one monotonic clock read. When due: two file stats, and a reload only if a file changed.</summary>
    private void RefreshIfDue()
    {
        if (Environment.TickCount64 < Volatile.Read(ref _nextCheck))
        {
            return;
        }

        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (now < _nextCheck)
            {
                return;
            }

            _nextCheck = now + _refreshMs;
            if (Stamp() != _seen)
            {
                Reload();
            }
        }
    }

    /// <summary>Reads both files again (under the gate). A half-finished rotation elsewhere is retried at the next check.</summary>
    private void Reload()
    {
        var stamp = Stamp();
        try
        {
            var entries = ReadEntries();
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(Path));
            var kid = Es256.Thumbprint(key);
            if (entries.All(e => e.KeyId != kid))
            {
                // The other host publishes the ring before it moves the key in, so this is a foreign or broken file.
                key.Dispose();
                _logger.LogWarning("The issuer key at {Path} is not in the published ring; keeping the current key", Path);
                Replace(Index(entries), _current);
                return;
            }

            if (kid == _current.KeyId)
            {
                key.Dispose();
                Replace(Index(entries), _current);
            }
            else
            {
                Replace(Index(entries), new Current(key, kid));
            }

            _seen = stamp;
            _logger.LogInformation("Reloaded the credential issuer ring; signing with {KeyId}", kid);
        }
        catch (Exception e) when (e is IOException or JsonException or CryptographicException or ArgumentException)
        {
            _logger.LogWarning(e, "Could not reload the credential issuer ring at {Path}; keeping the keys in memory", _ringPath);
        }
    }

    /// <summary>Swaps in a new ring and current key; the old objects may be in use by another thread, so they are disposed only with the ring.</summary>
    private void Replace(Dictionary<string, (IssuerRingKey Entry, ECDsa PublicKey)> ring, Current current)
    {
        var oldRing = _ring;
        var oldCurrent = _current;
        _ring = ring;
        _current = current;
        if (!ReferenceEquals(oldRing, ring))
        {
            _retired.AddRange(oldRing.Values.Select(k => k.PublicKey));
        }

        if (!ReferenceEquals(oldCurrent, current))
        {
            _retired.Add(oldCurrent.Key);
        }
    }

    private (DateTime, long, DateTime) Stamp()
    {
        var ring = new FileInfo(_ringPath);
        return (ring.Exists ? ring.LastWriteTimeUtc : default, ring.Exists ? ring.Length : -1, File.GetLastWriteTimeUtc(Path));
    }

    private List<IssuerRingKey> ReadEntries() =>
        File.Exists(_ringPath) ? JsonSerializer.Deserialize<List<IssuerRingKey>>(File.ReadAllText(_ringPath), Json) ?? [] : [];

    private static Dictionary<string, (IssuerRingKey, ECDsa)> Index(List<IssuerRingKey> entries) =>
        entries.ToDictionary(e => e.KeyId, e => (e, Es256.FromJwk(JsonNode.Parse(e.Jwk))!), StringComparer.Ordinal);

    private void Save(List<IssuerRingKey> entries)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_ringPath))!);
        File.WriteAllText(_ringPath + ".tmp", JsonSerializer.Serialize(entries.OrderBy(e => e.ActivatedAt).ToList(), Json));
        File.Move(_ringPath + ".tmp", _ringPath, overwrite: true);
    }

    private sealed record Current(ECDsa Key, string KeyId);
}
