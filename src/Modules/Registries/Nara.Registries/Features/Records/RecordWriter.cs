using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Nara.Kernel.Http;
using Nara.Registries.Contracts;
using Nara.Registries.Data;
using Nara.Registries.Features.Records.Catalogue;

namespace Nara.Registries.Features.Records;

/// <summary>
/// The checks every write shares (required fields, keys, references, uniqueness), so that bad input is a
/// 400/409 before anything reaches the database, and the save that writes records and their change events
/// in one transaction.
/// </summary>
internal sealed class RecordWriter(RegistriesDbContext db, RegistryCatalogue catalogue, TimeProvider clock)
{
    public async Task<IResult?> CheckNewAsync(IRegistry registry, IReadOnlyList<FieldValue> values, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        foreach (var value in values.Where(v => v.Field.Generated))
        {
            errors[value.Field.Name] = [$"{value.Field.Name} is assigned by the registry; leave it out."];
        }

        foreach (var field in registry.Fields.Where(f => !f.Generated && !f.Nullable && values.All(v => v.Field != f)))
        {
            errors[field.Name] = [$"{field.Name} is required."];
        }

        await CheckReferencesAsync(values, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var keys = values.Where(v => v.Field.IsKey).ToList();
        if (keys.Count > 0 && keys.Count == registry.KeyFields.Count && await registry.AnyAsync(db, keys, cancellationToken))
        {
            return Problems.Conflict($"A {registry.Name} record {string.Join(':', keys.Select(k => RegistryField.ToText(k.Value)))} already exists.");
        }

        return await CheckUniqueAsync(registry, values, null, cancellationToken);
    }

    public async Task<IResult?> CheckChangesAsync(IRegistry registry, IReadOnlyList<object> records, IReadOnlyList<FieldValue> values, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        foreach (var value in values.Where(v => v.Field.IsKey))
        {
            if (records.Any(r => !Equals(value.Field.Get(r), value.Value)))
            {
                errors[value.Field.Name] = [$"{value.Field.Name} identifies the record and cannot be changed."];
            }
        }

        await CheckReferencesAsync(values, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var unique = values.Where(v => v.Field.Unique && records.Any(r => !Equals(v.Field.Get(r), v.Value))).ToList();
        if (unique.Count > 0 && records.Count > 1)
        {
            return Problems.Conflict($"{unique[0].Field.Name} must be unique; it cannot be written to {records.Count} records at once.");
        }

        return await CheckUniqueAsync(registry, unique, records.Count > 0 ? records[0] : null, cancellationToken);
    }

    public Task<List<object>> FindTrackedAsync(IRegistry registry, RecordFilter filter, int take, CancellationToken cancellationToken) =>
        registry.FindAsync(db, filter, 0, take, track: true, cancellationToken);

    public void Add(IRegistry registry, object record) => registry.Add(db, record);

    public void Remove(IRegistry registry, object record) => registry.Remove(db, record);

    /// <summary>Deleting is refused while another record points at this one: no cascade happens unaudited.</summary>
    public async Task<IResult?> CheckUnreferencedAsync(IRegistry registry, object record, CancellationToken cancellationToken)
    {
        if (registry.KeyFields.Count != 1)
        {
            return null;
        }

        var key = registry.KeyFields[0].Get(record);
        foreach (var (other, field) in catalogue.ReferencesTo(registry.Name))
        {
            if (await other.AnyAsync(db, [new FieldValue(field, key)], cancellationToken))
            {
                return Problems.Conflict($"{registry.Name} record {registry.RecordId(record)} is still referenced by {other.Name}.{field.Name}; delete or change those records first.");
            }
        }

        return null;
    }

    public static void Apply(object record, IEnumerable<FieldValue> values)
    {
        foreach (var value in values)
        {
            value.Field.Set(record, value.Value);
        }
    }

    /// <summary>Saves the records and their RegistryRecordChanged events atomically (ids assigned by the database are known by then).</summary>
    public async Task<IResult?> SaveAsync(IRegistry registry, IReadOnlyList<(object Record, string Operation)> changes, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (record, operation) in changes)
            {
                db.Publish(
                    new RegistryRecordChanged(registry.Name, registry.RecordId(record), operation, caller.ClientId, caller.Agency, RecordContent.SubjectOf(registry, record), caller.CorrelationId),
                    clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // A concurrent writer won a race past the checks above (same key or unique value); nothing was written.
            db.ChangeTracker.Clear();
            return Problems.Conflict("The record conflicts with one written at the same time; nothing was saved. Retry.");
        }
    }

    private async Task CheckReferencesAsync(IReadOnlyList<FieldValue> values, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        foreach (var value in values.Where(v => v.Field.References is not null && v.Value is not null && !errors.ContainsKey(v.Field.Name)))
        {
            var target = catalogue.Find(value.Field.References!)!;
            if (!await target.AnyAsync(db, [new FieldValue(target.KeyFields[0], value.Value)], cancellationToken))
            {
                errors[value.Field.Name] = [$"{value.Field.Name}: there is no {target.Name} record {RegistryField.ToText(value.Value)}."];
            }
        }
    }

    private async Task<IResult?> CheckUniqueAsync(IRegistry registry, IEnumerable<FieldValue> values, object? self, CancellationToken cancellationToken)
    {
        foreach (var value in values.Where(v => v.Field.Unique))
        {
            if (self is not null && Equals(value.Field.Get(self), value.Value))
            {
                continue;
            }

            if (await registry.AnyAsync(db, [value], cancellationToken))
            {
                return Problems.Conflict($"Another {registry.Name} record already has this {value.Field.Name}.");
            }
        }

        return null;
    }
}
