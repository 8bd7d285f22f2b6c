using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Nara.Audit.Domain;

namespace Nara.Audit.Merkle;

/// <summary>
/// The bytes a leaf hashes: a versioned, length-prefixed binary encoding of the stored columns. Binary and
/// not JSON so that no serializer's escaping rules (which change between releases) can ever change a hash.
/// Strings are UTF-8 with a 4-byte big-endian length; null is length 0xFFFFFFFF. Detail pairs are sorted
/// by ordinal key.
/// </summary>
internal static class CanonicalEntry
{
    private const byte Version = 1;

    public static byte[] Encode(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var writer = new ArrayBufferWriter<byte>(256);
        writer.Write([Version]);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, record.TimeMicros);
        writer.Write(number);
        WriteString(writer, record.ActorKind);
        WriteString(writer, record.ActorId);
        WriteString(writer, record.ActorAgency);
        WriteString(writer, record.ActorRole);
        WriteString(writer, record.Action);
        WriteString(writer, record.SubjectType);
        WriteString(writer, record.SubjectId);
        WriteString(writer, record.Purpose);
        WriteString(writer, record.Outcome);
        WriteString(writer, record.CorrelationId);
        WriteString(writer, record.Module);
        WriteString(writer, record.MessageId);
        var detail = ParseDetail(record.Detail);
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, detail is null ? uint.MaxValue : (uint)detail.Count);
        writer.Write(count);
        foreach (var (key, value) in detail ?? [])
        {
            WriteString(writer, key);
            WriteString(writer, value);
        }

        return writer.WrittenSpan.ToArray();
    }

    public static byte[] LeafHash(AuditRecord record) => MerkleHash.Leaf(Encode(record));

    /// <summary>The stored form of a detail dictionary: a JSON object with keys in ordinal order.</summary>
    public static string? SerializeDetail(IReadOnlyDictionary<string, string>? detail) =>
        detail is null ? null : JsonSerializer.Serialize(new SortedDictionary<string, string>(detail.ToDictionary(), StringComparer.Ordinal));

    public static SortedDictionary<string, string>? ParseDetail(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new SortedDictionary<string, string>(parsed, StringComparer.Ordinal);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            writer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        writer.Write(length);
        writer.Write(bytes);
    }
}
