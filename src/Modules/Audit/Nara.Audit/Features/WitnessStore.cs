using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nara.Kernel.Data;

namespace Nara.Audit.Features;

/// <summary>
/// The second copy of every signed head: JSON files in a directory that stands in for an external witness
/// or timestamping service. A head deleted or rewound in the database is still here.
/// </summary>
internal sealed class WitnessStore(IOptions<AuditOptions> options, IOptions<DatabaseOptions> database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Directory { get; } = options.Value.WitnessDirectory is { Length: > 0 } configured
        ? configured
        : Path.Combine(database.Value.DataDirectory, "audit-witness");

    public string PathFor(long treeSize) => Path.Combine(Directory, $"sth-{treeSize.ToString("D12", CultureInfo.InvariantCulture)}.json");

    public bool Has(long treeSize) => File.Exists(PathFor(treeSize));

    public string PathForKey(string keyId) => Path.Combine(Directory, $"key-{keyId}.json");

    public bool HasKey(string keyId) => File.Exists(PathForKey(keyId));

    public Task WriteKeyAsync(WitnessedKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteFileAsync(PathForKey(key.KeyId), JsonSerializer.Serialize(key, Json), cancellationToken);
    }

    public async Task<List<(string File, WitnessedKey? Key)>> ReadKeysAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, WitnessedKey?)>();
        foreach (var file in Files("key-*.json"))
        {
            WitnessedKey? key;
            try
            {
                key = JsonSerializer.Deserialize<WitnessedKey>(await File.ReadAllTextAsync(file, cancellationToken), Json);
            }
            catch (JsonException)
            {
                key = null;
            }

            result.Add((Path.GetFileName(file), key));
        }

        return result;
    }

    /// <summary>Writes atomically (temp file, then rename) so a crash never leaves half a head.</summary>
    public async Task WriteAsync(SignedTreeHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        await WriteFileAsync(PathFor(head.TreeSize), JsonSerializer.Serialize(head, Json), cancellationToken);
    }

    private async Task WriteFileAsync(string path, string json, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, json, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private IEnumerable<string> Files(string pattern) =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, pattern).Order(StringComparer.Ordinal) : [];

    public async Task<List<(string File, SignedTreeHead? Head)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, SignedTreeHead?)>();
        foreach (var file in Files("sth-*.json"))
        {
            SignedTreeHead? head;
            try
            {
                head = JsonSerializer.Deserialize<SignedTreeHead>(await File.ReadAllTextAsync(file, cancellationToken), Json);
            }
            catch (JsonException)
            {
                head = null;
            }

            result.Add((Path.GetFileName(file), head));
        }

        return result;
    }
}
