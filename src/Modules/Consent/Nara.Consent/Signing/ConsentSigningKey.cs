using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Consent.Signing;

/// <summary>
/// The ES256 key ring that signs consent records and receipts. The current private key is a PEM file outside the
/// repository (under the data directory unless configured), created owner-only on first start like the Audit
/// module's tree-head key. Every key that ever signed stays in the ring as a public key with its validity
/// (<see cref="KeyRingFile"/>, next to the PEM), so a record signed before a rotation still verifies after it;
/// a retired key's private half is discarded at rotation. Signatures are compact JWS made and checked by
/// Microsoft.IdentityModel. Hosts sharing the key directory follow another host's rotation: on use, at most every
/// <see cref="ConsentOptions.KeyRingRefresh"/>, the files' modification times are compared and the ring and current
/// key reloaded when they changed. Until then this host signs with the retired key, whose signatures still verify
/// everywhere (a signature counts if made before the key's retirement plus one check interval and a few seconds).
/// </summary>
internal sealed class ConsentSigningKey : IDisposable
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Lock _gate = new();
    private readonly List<SigningMaterial> _retiredMaterial = [];
    private readonly KeyRingFile _ringFile;
    private readonly TimeProvider _clock;
    private readonly ILogger<ConsentSigningKey> _logger;
    private readonly KeyFilesWatch _watch;

    // Another host signs with the key it loaded until its next ring check, so a signature up to one check interval
    // (plus a few seconds of clock difference between hosts) after the retirement is still that host's honest work;
    // a retired key used later than that is refused.
    private readonly TimeSpan _retirementGrace;
    private SigningMaterial _current;
    private Dictionary<string, RingKey> _ring;

    public ConsentSigningKey(IOptions<ConsentOptions> options, IOptions<DatabaseOptions> database, TimeProvider clock, ILogger<ConsentSigningKey> logger)
    {
        _clock = clock;
        _logger = logger;
        Path = options.Value.SigningKeyPath is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(database.Value.DataDirectory, "keys", "consent-signing.pem");
        var (key, created) = PrivateKeyFiles.LoadOrCreateP256(Path);
        if (created)
        {
            logger.LogInformation("Created the consent signing key at {Path}", Path);
        }

        _current = new SigningMaterial(key);
        _ringFile = new KeyRingFile(System.IO.Path.ChangeExtension(Path, null) + "-ring.json");
        _ring = _ringFile.Load();
        if (!_ring.ContainsKey(_current.KeyId))
        {
            // First start, or a key file that predates the ring: it is valid from now on and, having no
            // retirement, for everything it signed before too.
            _ring[_current.KeyId] = new RingKey(_current.KeyId, Convert.ToBase64String(_current.PublicKey), clock.GetUtcNow(), null);
            _ringFile.Save(_ring.Values);
        }

        _watch = new KeyFilesWatch(options.Value.KeyRingRefresh, Path, _ringFile.Path);
        _retirementGrace = options.Value.KeyRingRefresh + TimeSpan.FromSeconds(5);
    }

    public string Path { get; }

    /// <summary>The id of the key that signs now (a thumbprint of its public key).</summary>
    public string KeyId => Fresh().KeyId;

    /// <summary>The current public key as a JWK, for receipts.</summary>
    public JsonWebKey Jwk => Fresh().Jwk;

    /// <summary>Every key of the ring, newest first: the current one and the retired ones with their validity.</summary>
    public IReadOnlyList<RingKey> Keys
    {
        get
        {
            Fresh();
            lock (_gate)
            {
                return [.. _ring.Values.OrderByDescending(k => k.RetiredAt is null).ThenByDescending(k => k.ActivatedAt)];
            }
        }
    }

    /// <summary>A compact JWS (ES256, typ "consent-record+jws") over <paramref name="payloadJson"/>, and the id of the key that made it.</summary>
    public (string Jws, string KeyId) Sign(string payloadJson)
    {
        var material = Fresh();
        var jws = _handler.CreateToken(payloadJson, new SigningCredentials(material.SecurityKey, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "consent-record+jws" });
        return (jws, material.KeyId);
    }

    /// <summary>
    /// True when <paramref name="jws"/> was signed by the ring's key <paramref name="keyId"/>, at a time that key was
    /// valid (not after its retirement), and its payload is exactly <paramref name="payloadJson"/>.
    /// </summary>
    public async Task<bool> VerifyAsync(string jws, string payloadJson, string keyId, DateTimeOffset signedAt)
    {
        var key = Find(keyId);
        if (key is null || (key.RetiredAt is { } retired && signedAt > retired + _retirementGrace))
        {
            return false;
        }

        var result = await _handler.ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKey = key.SecurityKey(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token || token.Kid != keyId)
        {
            return false;
        }

        return string.Equals(Base64UrlEncoder.Decode(token.EncodedPayload), payloadJson, StringComparison.Ordinal);
    }

    /// <summary>
    /// Replaces the signing key: a new P-256 key is written owner-only, published in the ring before it signs
    /// anything, and the current key is retired (its public half kept, its private half dropped).
    /// </summary>
    public RingKey Rotate()
    {
        lock (_gate)
        {
            Reload(); // another host may have rotated since: retire the key that is current on disk, not a stale one
            var now = _clock.GetUtcNow();
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var staged = Path + ".next";
            File.Delete(staged);
            PrivateKeyFiles.WriteNew(staged, fresh.ExportPkcs8PrivateKeyPem());
            var next = ECDsa.Create();
            next.ImportFromPem(File.ReadAllText(staged));
            var material = new SigningMaterial(next);
            var old = _current;
            var ring = new Dictionary<string, RingKey>(_ring)
            {
                [old.KeyId] = _ring[old.KeyId] with { RetiredAt = now },
                [material.KeyId] = new RingKey(material.KeyId, Convert.ToBase64String(material.PublicKey), now, null),
            };
            _ringFile.Save(ring.Values);
            File.Move(staged, Path, overwrite: true);
            _ring = ring;
            Volatile.Write(ref _current, material);
            _retiredMaterial.Add(old); // a signer may still hold it for a moment; disposed with the ring
            _watch.Seen();
            return ring[material.KeyId];
        }
    }

    private SigningMaterial Fresh()
    {
        if (_watch.Due() && _watch.Changed())
        {
            lock (_gate)
            {
                Reload();
            }
        }

        return Volatile.Read(ref _current);
    }

    /// <summary>
    /// Reads the ring and the private key again (under the gate). The rotating host publishes the ring before it moves
    /// the new key in, so a key missing from the ring is a foreign or half-written file: keep what is in memory.
    /// </summary>
    private void Reload()
    {
        try
        {
            var ring = _ringFile.Load();
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(Path)); // never created here: a missing file is someone else's half-done work
            var material = new SigningMaterial(key);
            if (!ring.ContainsKey(material.KeyId))
            {
                material.Dispose();
                _logger.LogWarning("The consent signing key at {Path} is not in the published ring; keeping the current key", Path);
                return;
            }

            _ring = ring;
            if (material.KeyId == _current.KeyId)
            {
                material.Dispose();
            }
            else
            {
                _retiredMaterial.Add(_current);
                Volatile.Write(ref _current, material);
                _logger.LogInformation("Reloaded the consent signing ring; signing with {KeyId}", material.KeyId);
            }

            _watch.Seen();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or CryptographicException or ArgumentException)
        {
            _logger.LogWarning(e, "Could not reload the consent signing ring at {Path}; keeping the keys in memory", _ringFile.Path);
        }
    }

    private RingKey? Find(string keyId)
    {
        lock (_gate)
        {
            if (_ring.TryGetValue(keyId, out var key))
            {
                return key;
            }

            // Another host may have rotated: the ring file is the shared truth.
            _ring = _ringFile.Load();
            return _ring.GetValueOrDefault(keyId);
        }
    }

    public void Dispose()
    {
        _current.Dispose();
        foreach (var material in _retiredMaterial)
        {
            material.Dispose();
        }
    }

    private sealed class SigningMaterial : IDisposable
    {
        private readonly ECDsa _key;

        public SigningMaterial(ECDsa key)
        {
            _key = key;
            PublicKey = key.ExportSubjectPublicKeyInfo();
            KeyId = RingKey.Thumbprint(PublicKey);
            SecurityKey = new ECDsaSecurityKey(key) { KeyId = KeyId };
            Jwk = RingKey.ToJwk(PublicKey, KeyId);
        }

        public string KeyId { get; }

        public byte[] PublicKey { get; }

        public ECDsaSecurityKey SecurityKey { get; }

        public JsonWebKey Jwk { get; }

        public void Dispose() => _key.Dispose();
    }
}
