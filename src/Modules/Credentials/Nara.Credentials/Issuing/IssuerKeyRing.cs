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
/// </summary>
internal sealed class IssuerKeyRing : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly string _ringPath;
    private readonly List<ECDsa> _retired = [];
    private volatile Current _current;
    private volatile Dictionary<string, (IssuerRingKey Entry, ECDsa PublicKey)> _ring;

    public IssuerKeyRing(IOptions<CredentialsOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<IssuerKeyRing> logger)
    {
        _clock = clock;
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
        var entries = File.Exists(_ringPath) ? JsonSerializer.Deserialize<List<IssuerRingKey>>(File.ReadAllText(_ringPath), Json) ?? [] : [];
        if (!entries.Any(e => e.KeyId == _current.KeyId))
        {
            entries.Add(new IssuerRingKey(_current.KeyId, Es256.PublicJwk(key, _current.KeyId).ToJsonString(), clock.GetUtcNow(), null));
            Save(entries);
        }

        _ring = Index(entries);
    }

    public string Path { get; }

    public string KeyId => _current.KeyId;

    /// <summary>The private key that signs now.</summary>
    public ECDsa SigningKey => _current.Key;

    /// <summary>A ring key's public half by kid (current or retired), for verifying; null when unknown.</summary>
    public ECDsa? Find(string kid) => _ring.TryGetValue(kid, out var k) ? k.PublicKey : null;

    /// <summary>RFC 7517 key set of the whole ring, current key first.</summary>
    public JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray([.. _ring.Values.OrderByDescending(k => k.Entry.RetiredAt is null).ThenByDescending(k => k.Entry.ActivatedAt)
            .Select(k => JsonNode.Parse(k.Entry.Jwk))]),
    };

    /// <summary>A new current key; the old one is retired (its public half stays in the ring). Returns (old kid, new kid).</summary>
    public (string Previous, string Current) Rotate()
    {
        lock (_gate)
        {
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
            _ring = Index(entries);
            _current = next;
            _retired.Add(previous.Key);
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
