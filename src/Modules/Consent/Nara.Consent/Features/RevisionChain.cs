using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nara.Consent.Domain;

namespace Nara.Consent.Features;

/// <summary>
/// Appends and checks hash-chained revisions. Each hash is SHA-256 over the predecessor's hash, a line feed
/// and the snapshot (UTF-8), in lower-case hex; the first revision's predecessor is the empty string.
/// </summary>
internal static class RevisionChain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T snapshot) => JsonSerializer.Serialize(snapshot, Json);

    public static string Hash(string predecessorHash, string snapshot) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(predecessorHash + "\n" + snapshot)));

    /// <summary>A new revision after <paramref name="previous"/> (null for the first one).</summary>
    public static Revision Next<T>(string schemaName, Guid objectId, Revision? previous, T snapshot, DateTimeOffset now, string? byIndividual, string? byOther)
    {
        var text = Serialize(snapshot);
        var predecessor = previous?.SerializedHash ?? "";
        return new Revision
        {
            Id = Guid.NewGuid(), SchemaName = schemaName, ObjectId = objectId, Sequence = (previous?.Sequence ?? 0) + 1,
            SerializedSnapshot = text, SerializedHash = Hash(predecessor, text), PredecessorHash = predecessor,
            Timestamp = now, AuthorizedByIndividual = byIndividual, AuthorizedByOther = byOther,
        };
    }

    /// <summary>Null when the chain (in sequence order) is whole and every hash recomputes; otherwise what is wrong.</summary>
    public static string? Check(IReadOnlyList<Revision> chain)
    {
        var expectedPredecessor = "";
        for (var i = 0; i < chain.Count; i++)
        {
            var r = chain[i];
            if (r.Sequence != i + 1)
            {
                return $"revision {i + 1} is missing";
            }

            if (!string.Equals(r.PredecessorHash, expectedPredecessor, StringComparison.Ordinal))
            {
                return $"revision {r.Sequence} does not follow revision {r.Sequence - 1}";
            }

            if (!string.Equals(Hash(r.PredecessorHash, r.SerializedSnapshot), r.SerializedHash, StringComparison.Ordinal))
            {
                return $"revision {r.Sequence} was changed after it was written";
            }

            expectedPredecessor = r.SerializedHash;
        }

        return chain.Count == 0 ? "the record has no revisions" : null;
    }
}
