using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;
using Nara.Kernel.Security;

namespace Nara.Notifications.Push;

/// <summary>
/// The VAPID key pair that identifies Nara to push services: configured, or made on first start and kept
/// as an owner-only PEM file outside the repository (like the audit signing key).
/// </summary>
internal sealed class VapidKeys
{
    public VapidKeys(IOptions<PushOptions> options, IOptions<DatabaseOptions> database, ILogger<VapidKeys> logger)
    {
        var o = options.Value;
        Subject = o.Subject;
        if (!string.IsNullOrWhiteSpace(o.PublicKey) && !string.IsNullOrWhiteSpace(o.PrivateKey))
        {
            PublicKey = o.PublicKey.Trim();
            PrivateKey = o.PrivateKey.Trim();
            return;
        }

        var path = o.KeyPath is { Length: > 0 } configured ? configured : Path.Combine(database.Value.DataDirectory, "keys", "vapid.pem");
        using var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            PrivateKeyFiles.WriteNew(path, key.ExportPkcs8PrivateKeyPem());
            logger.LogInformation("Created the VAPID key pair at {Path}", path);
        }

        var p = key.ExportParameters(includePrivateParameters: true);
        if (p.Q.X is not { Length: 32 } || p.D is not { Length: 32 })
        {
            throw new InvalidOperationException($"The VAPID key at {path} is not a P-256 key.");
        }

        PublicKey = WebEncoders.Base64UrlEncode([0x04, .. p.Q.X, .. p.Q.Y!]);
        PrivateKey = WebEncoders.Base64UrlEncode(p.D);
    }

    /// <summary>The uncompressed public point, base64url: the browser's applicationServerKey.</summary>
    public string PublicKey { get; }

    public string PrivateKey { get; }

    public string Subject { get; }
}
