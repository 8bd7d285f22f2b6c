using System.Buffers.Binary;

namespace Nara.Audit.Signing;

/// <summary>The signed bytes of a tree head, laid out as RFC 6962 §3.5's TreeHeadSignature.</summary>
internal static class TreeHeadSignature
{
    public static byte[] Input(long treeSize, byte[] rootHash, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(rootHash);
        var bytes = new byte[1 + 1 + 8 + 8 + 32];
        bytes[0] = 0; // version v1
        bytes[1] = 1; // signature_type tree_hash
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2), timestamp);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(10), treeSize);
        rootHash.CopyTo(bytes, 18);
        return bytes;
    }
}
