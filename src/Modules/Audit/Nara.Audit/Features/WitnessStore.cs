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

    /// <summary>Writes atomically (temp file, then rename) so a crash never leaves half a head.</summary>
    public async Task WriteAsync(SignedTreeHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(head);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(head.TreeSize);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(head, Json), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<List<(string File, SignedTreeHead? Head)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, SignedTreeHead?)>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return result;
        }

        foreach (var file in System.IO.Directory.GetFiles(Directory, "sth-*.json").Order(StringComparer.Ordinal))
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
