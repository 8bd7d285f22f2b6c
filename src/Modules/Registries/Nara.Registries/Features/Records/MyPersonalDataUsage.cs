using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Events;
using Nara.Kernel.Http;
using Nara.Kernel.Localization;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// GovStack myPersonalDataUsage: who read a person's records in one registry. Answers from this module's
/// own outbox rows of type RegistryRecordsRead; the Audit module will take this over with its log.
/// 1.0 answers PascalCase (ID, ReaderID, …, Refrences[{ReferenceID}]), 23Q4 camelCase — the spec's
/// spelling "Refrences" is kept so clients of either version can read it.
/// </summary>
internal sealed class MyPersonalDataUsage(RegistriesDbContext db, RegistryCatalogue catalogue)
{
    private const int MaxEntries = 1000;

    public async Task<IResult> ExecuteAsync(string? userId, string? databaseId, bool pascalCase, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(databaseId))
        {
            return Problems.BadRequest("userID or DatabaseID not provided.");
        }

        var number = userId.Length == 13 && userId.All(char.IsAsciiDigit) ? $"{userId[..6]}-{userId[6..]}" : userId.Trim();
        if (Checks.ResidentNumber(number) is not null || !RegistryCatalogue.WellFormedName().IsMatch(databaseId))
        {
            return Problems.BadRequest("Invalid ID supplied: userID is a resident number (YYMMDD-NNNNNNN) and DatabaseID a registry name such as residents.");
        }

        var registry = catalogue.Find(databaseId);
        if (registry is null)
        {
            return Problems.NotFound($"There is no registry '{databaseId}'.");
        }

        var residentId = await db.Residents.AsNoTracking().Where(r => r.ResidentNumber == number).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (residentId is null)
        {
            return Problems.NotFound("Person requests not found.");
        }

        var reads = await ReadsAsync(registry.Name, residentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => Bilingual.L(a.NameKo, a.NameEn), cancellationToken);
        var result = new JsonArray();
        foreach (var (id, at, read) in reads)
        {
            result.Add(Entry(id, at, read, read.ActorAgency is { } code ? agencies.GetValueOrDefault(code) : null, pascalCase));
        }

        return Results.Json(result);
    }

    private async Task<List<(Guid Id, DateTimeOffset At, RegistryRecordsRead Read)>> ReadsAsync(string registry, string residentId, CancellationToken cancellationToken)
    {
        // The payload is JSON text: narrow in SQL by substring, then confirm on the deserialised event.
        var type = typeof(RegistryRecordsRead).FullName!;
        var registryText = $"\"registry\":\"{registry}\"";
        var residentText = $"\"{residentId}\"";
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == type && m.Payload.Contains(registryText) && m.Payload.Contains(residentText))
            .OrderByDescending(m => m.OccurredAt)
            .Take(MaxEntries)
            .Select(m => new { m.Id, m.OccurredAt, m.Payload })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => (r.Id, r.OccurredAt, Read: JsonSerializer.Deserialize<RegistryRecordsRead>(r.Payload, EventJson.Options)!))
            .Where(r => r.Read.Registry == registry && r.Read.ResidentIds.Contains(residentId))];
    }

    private static JsonObject Entry(Guid id, DateTimeOffset at, RegistryRecordsRead read, string? institution, bool pascal)
    {
        string N(string camel) => pascal ? char.ToUpperInvariant(camel[0]) + camel[1..] : camel;
        var reference = new JsonObject { [pascal ? "ReferenceID" : "ReferenceId"] = read.CorrelationId };
        return new JsonObject
        {
            [pascal ? "ID" : "id"] = id.ToString(),
            [pascal ? "ReaderID" : "readerId"] = read.Actor,
            [N("readerInitials")] = read.ActorAgency,
            [pascal ? "ReaderInstitutionID" : "readerInstitutionId"] = read.ActorAgency,
            [N("readerInstitutionName")] = institution ?? read.ActorAgency,
            [N("readerApplicationName")] = read.ActorName ?? read.Actor,
            [N("searchDateTime")] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            [N("refrences")] = new JsonArray(reference),
        };
    }
}
