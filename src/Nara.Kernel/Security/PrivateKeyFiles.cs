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
}
