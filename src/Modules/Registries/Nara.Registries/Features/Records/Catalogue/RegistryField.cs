using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nara.Registries.Features.Records.Catalogue;

internal enum FieldKind
{
    Text,
    Integer,
    Number,
    Date,
    Boolean,
    Enum,
}

/// <summary>
/// One field of a registry as seen on the wire (camelCase JSON name) and in the database (a property of the
/// entity, reached through an expression so filters and ordering become SQL).
/// </summary>
internal sealed class RegistryField
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;

    private RegistryField(LambdaExpression accessor, PropertyInfo property)
    {
        Accessor = accessor;
        Property = property;
        Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        ClrType = System.Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Nullable = System.Nullable.GetUnderlyingType(property.PropertyType) is not null
            || (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
        Kind = ClrType switch
        {
            var t when t == typeof(string) => FieldKind.Text,
            var t when t == typeof(int) || t == typeof(long) => FieldKind.Integer,
            var t when t == typeof(double) => FieldKind.Number,
            var t when t == typeof(DateOnly) => FieldKind.Date,
            var t when t == typeof(bool) => FieldKind.Boolean,
            var t when t.IsEnum => FieldKind.Enum,
            _ => throw new NotSupportedException($"{property.Name}: {ClrType} has no JSON mapping."),
        };
        var entity = Expression.Parameter(typeof(object));
        var typed = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        _get = Expression.Lambda<Func<object, object?>>(Expression.Convert(typed, typeof(object)), entity).Compile();
        var value = Expression.Parameter(typeof(object));
        _set = Expression.Lambda<Action<object, object?>>(
            Expression.Assign(typed, Expression.Convert(value, property.PropertyType)), entity, value).Compile();
    }

    public string Name { get; }

    public FieldKind Kind { get; }

    /// <summary>The property type without Nullable&lt;&gt;.</summary>
    public Type ClrType { get; }

    public bool Nullable { get; }

    public PropertyInfo Property { get; }

    /// <summary><c>entity =&gt; entity.Property</c>, typed, for building queries.</summary>
    public LambdaExpression Accessor { get; }

    public bool IsKey { get; private init; }

    /// <summary>Assigned by the database on create (identity column); never written by a client.</summary>
    public bool Generated { get; private init; }

    public int? MaxLength { get; private init; }

    /// <summary>Long and int fields: the smallest value allowed.</summary>
    public long? Minimum { get; private init; }

    /// <summary>The registry whose key this field holds; the record must exist.</summary>
    public string? References { get; private init; }

    /// <summary>No two records may share the value.</summary>
    public bool Unique { get; private init; }

    /// <summary>The resident the record is about, for access logging and change events.</summary>
    public bool IsSubject { get; private init; }

    /// <summary>Extra check of a text value; returns an English message, or null when valid.</summary>
    public Func<string, string?>? Check { get; private init; }

    public string Description { get; private init; } = "";

    public object? Get(object entity) => _get(entity);

    public void Set(object entity, object? value) => _set(entity, value);

    public static RegistryField For<TEntity, TValue>(
        Expression<Func<TEntity, TValue>> accessor,
        string description,
        bool key = false,
        bool generated = false,
        int? maxLength = null,
        long? minimum = null,
        string? references = null,
        bool unique = false,
        bool subject = false,
        Func<string, string?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        var property = (PropertyInfo)((MemberExpression)accessor.Body).Member;
        return new RegistryField(accessor, property)
        {
            Description = description,
            IsKey = key,
            Generated = generated,
            MaxLength = maxLength,
            Minimum = minimum,
            References = references,
            Unique = unique,
            IsSubject = subject,
            Check = check,
        };
    }

    public JsonNode? ToJson(object entity) => Get(entity) switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        var other => throw new NotSupportedException(other.GetType().Name),
    };

    /// <summary>The value as the text a record id or query string carries (invariant culture).</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
