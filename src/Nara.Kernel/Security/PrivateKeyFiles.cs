using System.Security.Cryptography;

namespace Nara.Kernel.Security;

/// <summary>
/// Private key files every module that signs keeps (Audit's tree heads, Consent's receipts, Web Push's VAPID key):
/// owner-only permissions from the moment the file exists, never an existing file overwritten, flushed to disk.
/// </summary>
public static class PrivateKeyFiles
{
    public static void WriteNew(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Only the service account may read the private key.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Loads the P-256 key kept at <paramref name="path"/>, creating it (owner-only) on first use. When two hosts
    /// start at once, the one that loses the race uses the winner's file. Returns whether this call created it.
    /// </summary>
    public static (ECDsa Key, bool Created) LoadOrCreateP256(string path)
    {
        var created = false;
        if (!File.Exists(path))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                WriteNew(path, fresh.ExportPkcs8PrivateKeyPem());
                created = true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another host created it at the same moment: use theirs.
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"The key at {path} is not a P-256 key.");
        }

        return (key, created);
    }
}
