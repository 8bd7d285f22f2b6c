using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nara.Registries.Data;

namespace Nara.Registries.Features.Records.Catalogue;

/// <summary>The generic half of every registry: queries built from field expressions, so they run as SQL.</summary>
internal abstract class RegistryAdapter<TEntity> : IRegistry
    where TEntity : class
{
    private IReadOnlyList<RegistryField>? _keys;

    public abstract string Name { get; }

    public abstract string OwnerAgency { get; }

    public abstract string TitleKo { get; }

    public abstract string TitleEn { get; }

    public abstract IReadOnlyList<RegistryField> Fields { get; }

    public IReadOnlyList<RegistryField> KeyFields => _keys ??= [.. Fields.Where(f => f.IsKey)];

    public RegistryField? SubjectField => Fields.FirstOrDefault(f => f.IsSubject);

    protected abstract DbSet<TEntity> Set(RegistriesDbContext db);

    protected static RegistryField F<TValue>(
        Expression<Func<TEntity, TValue>> accessor,
        string description,
        bool key = false,
        bool generated = false,
        int? maxLength = null,
        long? minimum = null,
        string? references = null,
        bool unique = false,
        bool subject = false,
        Func<string, string?>? check = null) =>
        RegistryField.For(accessor, description, key, generated, maxLength, minimum, references, unique, subject, check);

    public RegistryField? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<FieldValue>? ParseId(string id, out string? error)
    {
        var parts = id.Split(':');
        if (parts.Length != KeyFields.Count)
        {
            error = $"A {Name} record id is {string.Join(":", KeyFields.Select(k => "{" + k.Name + "}"))}.";
            return null;
        }

        var values = new List<FieldValue>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (!FieldValues.TryFromText(KeyFields[i], parts[i], out var value, out error))
            {
                error = $"Malformed record id '{id}': {error}";
                return null;
            }

            values.Add(new FieldValue(KeyFields[i], value));
        }

        error = null;
        return values;
    }

    public string RecordId(object record) => string.Join(':', KeyFields.Select(k => RegistryField.ToText(k.Get(record))));

    public async Task<List<object>> FindAsync(RegistriesDbContext db, RecordFilter filter, int skip, int take, bool track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Order(Where(track ? Set(db) : Set(db).AsNoTracking(), filter), filter);
        var rows = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Cast<object>()];
    }

    public Task<bool> AnyAsync(RegistriesDbContext db, IReadOnlyList<FieldValue> equals, CancellationToken cancellationToken) =>
        Where(Set(db).AsNoTracking(), RecordFilter.Matching(equals)).AnyAsync(cancellationToken);

    // Required members are a compile-time promise; every non-null field is set before the record is saved.
    public object NewRecord() => Activator.CreateInstance<TEntity>();

    public void Add(RegistriesDbContext db, object record) => Set(db).Add((TEntity)record);

    public void Remove(RegistriesDbContext db, object record) => Set(db).Remove((TEntity)record);

    private IQueryable<TEntity> Where(IQueryable<TEntity> query, RecordFilter filter)
    {
        var entity = Expression.Parameter(typeof(TEntity), "r");
        var conditions = filter.Equal.Select(e => (Expression)Expression.Equal(Body(e.Field, entity), Expression.Constant(e.Value, Body(e.Field, entity).Type))).ToList();
        if (filter.SearchText is { } text)
        {
            var fields = filter.SearchField is { } f ? [f] : Fields.Where(x => x.Kind == FieldKind.Text);
            var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
            var any = fields
                .Select(x => (Expression)Expression.AndAlso(
                    Expression.NotEqual(Body(x, entity), Expression.Constant(null, typeof(string))),
                    Expression.Call(Body(x, entity), contains, Expression.Constant(text))))
                .DefaultIfEmpty(Expression.Constant(false))
                .Aggregate(Expression.OrElse);
            conditions.Add(any);
        }

        return conditions.Count == 0
            ? query
            : query.Where(Expression.Lambda<Func<TEntity, bool>>(conditions.Aggregate(Expression.AndAlso), entity));
    }

    private IQueryable<TEntity> Order(IQueryable<TEntity> query, RecordFilter filter)
    {
        IEnumerable<(RegistryField Field, bool Descending)> order = KeyFields.Select(k => (k, filter.OrderBy is null && filter.Descending));
        if (filter.OrderBy is { } by)
        {
            order = order.Where(o => o.Field != by).Prepend((by, filter.Descending));
        }

        var first = true;
        foreach (var (field, descending) in order)
        {
            var method = (first, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(TEntity), field.Accessor.ReturnType], query.Expression, Expression.Quote(field.Accessor));
            query = query.Provider.CreateQuery<TEntity>(call);
            first = false;
        }

        return query;
    }

    private static MemberExpression Body(RegistryField field, ParameterExpression entity) =>
        Expression.Property(entity, field.Property);
}
