namespace Nara.Audit.Contracts;

/// <summary>
/// Evidence for people who want to check the log themselves: where an entry recorded from an integration event
/// landed, and a proof (RFC 9162) that it is in the tree the latest signed tree head commits to.
/// </summary>
public interface IAuditEvidence
{
    /// <summary>The entries recorded from these outbox messages (by <see cref="AuditEntry.SourceMessageId"/>); missing ids are not yet recorded.</summary>
    Task<IReadOnlyDictionary<Guid, AuditReceipt>> FindBySourceMessagesAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>The inclusion proof of leaf <paramref name="index"/> against the latest signed tree head; null when no signed head covers it yet.</summary>
    Task<InclusionEvidence?> ProveAgainstLatestHeadAsync(long index, CancellationToken cancellationToken);
}

/// <summary>An inclusion proof with the signed tree head it leads to; hashes and signature in base64 (leaf hash in hex, as receipts).</summary>
/// <param name="Verified">The platform's own check of the path against the root (a reader can repeat it with the values given).</param>
public sealed record InclusionEvidence(
    long LeafIndex,
    string LeafHash,
    long TreeSize,
    long TreeHeadTimestamp,
    string RootHash,
    string TreeHeadSignature,
    string KeyId,
    IReadOnlyList<string> AuditPath,
    bool Verified);
