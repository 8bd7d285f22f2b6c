using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;

namespace Nara.Services.Features.Documents;

/// <summary>
/// Keeps uploaded files and decision letters under the data directory (<c>services/documents</c>),
/// outside anything served as static files; pages hand them out only after an access check.
/// </summary>
internal sealed class DocumentStore(IOptions<DatabaseOptions> options)
{
    private readonly string _root = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "services", "documents"));

    public async Task<string> WriteAsync(Guid id, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(_root);
        await File.WriteAllBytesAsync(PathOf(id), content, ct);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The bytes, or null when the file is missing or does not match its recorded hash.</summary>
    public async Task<byte[]?> ReadAsync(Guid id, string sha256, CancellationToken ct)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256 ? bytes : null;
    }

    public void Delete(Guid id)
    {
        var path = PathOf(id);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(Guid id) => Path.Combine(_root, id.ToString("N"));
}
