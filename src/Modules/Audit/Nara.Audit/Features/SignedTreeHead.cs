using Nara.Audit.Domain;

namespace Nara.Audit.Features;

/// <summary>A signed tree head as published (API and witness files); hashes and signature in base64.</summary>
public sealed record SignedTreeHead(long TreeSize, long Timestamp, string RootHash, string Signature, string KeyId, string Algorithm = "ES256")
{
    internal static SignedTreeHead From(TreeHead head) => new(
        head.TreeSize, head.Timestamp, Convert.ToBase64String(head.RootHash), Convert.ToBase64String(head.Signature), head.KeyId);
}
