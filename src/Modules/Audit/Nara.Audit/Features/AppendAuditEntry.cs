using Nara.Audit.Contracts;
using Nara.Audit.Domain;
using Nara.Audit.Merkle;

namespace Nara.Audit.Features;

/// <summary>
/// <see cref="IAuditLog"/>: checks the entry, hashes it on the caller's thread (so hashing scales with
/// callers), then hands it to the single writer and waits until its batch is committed.
/// </summary>
internal sealed class AppendAuditEntry(AppendPipeline pipeline) : IAuditLog
{
    public Task<AuditReceipt> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var errors = AuditEntryRules.Validate(entry);
        if (errors.Count > 0)
        {
            throw new AuditEntryRejectedException(errors);
        }

        var record = ToRecord(entry);
        record.LeafHash = CanonicalEntry.LeafHash(record);
        return pipeline.EnqueueAsync(record, cancellationToken);
    }

    public static AuditRecord ToRecord(AuditEntry entry) => new()
    {
        // Microsecond precision: what both databases keep exactly.
        TimeMicros = (entry.Time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10,
        ActorKind = entry.Actor.KindName,
        ActorId = entry.Actor.Id,
        ActorAgency = entry.Actor.Agency,
        ActorRole = entry.Actor.Role,
        Action = entry.Action,
        SubjectType = entry.Subject.Type,
        SubjectId = entry.Subject.Id,
        Purpose = entry.Purpose,
        Outcome = entry.Outcome,
        CorrelationId = entry.CorrelationId,
        Module = entry.Module,
        Detail = CanonicalEntry.SerializeDetail(entry.Detail),
        MessageId = entry.SourceMessageId?.ToString("D"),
        LeafHash = [],
    };
}
