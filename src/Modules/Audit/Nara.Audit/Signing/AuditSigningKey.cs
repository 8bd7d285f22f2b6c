using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Audit.Signing;

/// <summary>
/// The ES256 key that signs tree heads now. Kept as a PEM file outside the repository (under the data
/// directory unless configured), created with owner-only permissions on first use. `nara audit rotate-key`
/// replaces the file; a running host notices the new file before its next signature (<see cref="Refresh"/>),
/// so no head is signed with a retired key after a rotation.
/// </summary>
internal sealed class AuditSigningKey : IDisposable
{
    private readonly ILogger<AuditSigningKey> _logger;
    private readonly Lock _gate = new();
    private LoadedKey _current;
    private (DateTime Written, long Length) _stamp;

    public AuditSigningKey(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, ILogger<AuditSigningKey> logger)
    {
        _logger = logger;
        Path = options.Value.SigningKeyPath is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(database.Value.DataDirectory, "keys", "audit-signing.pem");
        if (!File.Exists(Path))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            PrivateKeyFiles.WriteNew(Path, created.ExportPkcs8PrivateKeyPem());
            logger.LogInformation("Created the audit signing key at {Path}", Path);
        }

        _current = Load();
    }

    public string Path { get; }

    /// <summary>A rotation's new key waits here until its history record is stored.</summary>
    public string NextPath => Path + ".next";

    public string KeyId => _current.KeyId;

    public byte[] PublicKey => _current.PublicKey;

    public byte[] Sign(byte[] data)
    {
        var current = _current;
        return current.Key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Loads the key file again when it changed on disk (another process rotated the key).</summary>
    public void Refresh()
    {
        var info = new FileInfo(Path);
        if (info.Exists && (info.LastWriteTimeUtc, info.Length) != _stamp)
        {
            var previous = _current.KeyId;
            var loaded = Load();
            if (loaded.KeyId != previous)
            {
                _logger.LogInformation("The audit signing key changed from {Previous} to {Current}", previous, loaded.KeyId);
            }
        }
    }

    public void Dispose() => _current.Key.Dispose();

    private LoadedKey Load()
    {
        lock (_gate)
        {
            var info = new FileInfo(Path);
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(Path));
            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException($"The audit signing key at {Path} is not a P-256 key.");
            }

            // The previous key object is left to the GC: a signature may be in progress with it.
            _current = new LoadedKey(key, AuditKeys.PublicKeyOf(key));
            _stamp = (info.LastWriteTimeUtc, info.Length);
            return _current;
        }
    }

    private sealed record LoadedKey(ECDsa Key, byte[] PublicKey)
    {
        public string KeyId { get; } = AuditKeys.KeyIdOf(PublicKey);
    }
}
