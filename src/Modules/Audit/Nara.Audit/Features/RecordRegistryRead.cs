using System.Security.Cryptography;
using Nara.Audit.Contracts;
using Nara.Kernel.Events;
using Nara.Registries.Contracts;

namespace Nara.Audit.Features;

/// <summary>
/// Writes one entry per resident whose records an agency client read, so "who looked at my data" is a
/// query on the subject. Each entry's message id is derived from the event's id and the resident, so a
/// redelivered event adds nothing and one event may still yield many entries.
/// </summary>
internal sealed class RecordRegistryRead(IAuditLog log) : IQueuedIntegrationEventHandler, IIntegrationEventHandler<RegistryRecordsRead>
{
    public async Task HandleAsync(IntegrationEventEnvelope<RegistryRecordsRead> envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var read = envelope.Event;
        var actor = AuditActor.AgencyClient(read.Actor, read.ActorAgency);
        // Appended together so they share one batch commit instead of one fsync each.
        var appends = read.ResidentIds.Distinct(StringComparer.Ordinal).Select(resident => log.AppendAsync(
            new AuditEntry(
                envelope.OccurredAt,
                actor,
                $"registry.{read.Registry}.{read.Operation}",
                new AuditSubject("resident", resident),
                Purpose: null,
                AuditOutcomes.Success,
                read.CorrelationId,
                "Registries",
                new Dictionary<string, string> { ["registry"] = read.Registry },
                DerivedMessageId(envelope.MessageId, resident)),
            cancellationToken));
        await Task.WhenAll(appends);
    }

    internal static Guid DerivedMessageId(Guid messageId, string part)
    {
        Span<byte> input = stackalloc byte[16 + (part.Length * 3)];
        messageId.TryWriteBytes(input);
        var length = 16 + System.Text.Encoding.UTF8.GetBytes(part, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        return new Guid(hash[..16]);
    }
}
