namespace Nara.Consent.Signing;

/// <summary>Private key files: owner-only permissions from the moment they exist (as Audit keeps its key).</summary>
internal static class KeyFiles
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
