namespace Nara.Audit.Contracts;

/// <summary>
/// The platform's tamper-evident log. Every module writes what it did (and who looked at what) through
/// this contract; nothing else writes audit tables.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends an entry. Returns only once the batch holding the entry is committed, so an acknowledged
    /// entry survives a crash. Throws <see cref="AuditEntryRejectedException"/> when the entry is
    /// incomplete or carries what an audit entry must not (secrets, whole personal records).
    /// </summary>
    Task<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>Where the entry landed in the Merkle log: its leaf index and leaf hash (lower-case hex).</summary>
public sealed record AuditReceipt(long Index, string LeafHash);
