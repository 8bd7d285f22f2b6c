namespace Nara.Consent.Features;

internal enum OutcomeStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>What a use case did: a value, or why not (field errors for Invalid, a sentence otherwise).</summary>
internal sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyDictionary<string, string[]>? Errors = null, string? Detail = null)
{
    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);

    public static Outcome<T> Invalid(string field, string message) => new(OutcomeStatus.Invalid, default, new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, default, errors);

    public static Outcome<T> NotFound(string detail) => new(OutcomeStatus.NotFound, default, Detail: detail);

    public static Outcome<T> Forbidden(string detail) => new(OutcomeStatus.Forbidden, default, Detail: detail);

    public static Outcome<T> Conflict(string detail) => new(OutcomeStatus.Conflict, default, Detail: detail);
}
