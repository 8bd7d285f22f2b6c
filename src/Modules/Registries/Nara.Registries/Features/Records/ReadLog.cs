using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>Records which residents' data an agency client was shown (RegistryRecordsRead in the outbox).</summary>
internal sealed class ReadLog(RegistriesDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(IRegistry registry, string operation, IEnumerable<object> records, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var residents = records.Select(r => RecordContent.SubjectOf(registry, r)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (residents.Count == 0)
        {
            return;
        }

        foreach (var chunk in residents.Chunk(RegistryRecordsRead.MaxResidentIds))
        {
            db.Publish(
                new RegistryRecordsRead(registry.Name, operation, chunk, residents.Count, caller.ClientId, caller.Agency, caller.Name, caller.CorrelationId),
                clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
