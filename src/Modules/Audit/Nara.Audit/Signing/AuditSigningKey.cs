using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;

namespace Nara.Audit.Signing;

/// <summary>
/// The ES256 key that signs tree heads. Kept as a PEM file outside the repository (under the data
/// directory unless configured), created with owner-only permissions on first use.
/// </summary>
internal sealed class AuditSigningKey : IDisposable
{
    private readonly ECDsa _key;

    public AuditSigningKey(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database, ILogger<AuditSigningKey> logger)
    {
        Path = options.Value.SigningKeyPath is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(database.Value.DataDirectory, "keys", "audit-signing.pem");
        _key = ECDsa.Create();
        if (File.Exists(Path))
        {
            _key.ImportFromPem(File.ReadAllText(Path));
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var pem = _key.ExportPkcs8PrivateKeyPem();
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Only the service account may read the private key.
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(Path, fileOptions))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(pem);
            }

            logger.LogInformation("Created the audit signing key at {Path}", Path);
        }

        if (_key.KeySize != 256)
        {
            throw new InvalidOperationException($"The audit signing key at {Path} is not a P-256 key.");
        }

        var spki = _key.ExportSubjectPublicKeyInfo();
        KeyId = Base64Url(SHA256.HashData(spki))[..16];
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        X = Base64Url(parameters.Q.X!);
        Y = Base64Url(parameters.Q.Y!);
    }

    public string Path { get; }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    public string X { get; }

    public string Y { get; }

    public byte[] Sign(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool Verify(byte[] data, byte[] signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => _key.Dispose();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
