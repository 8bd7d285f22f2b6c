namespace Nara.Audit.Contracts;

/// <summary>
/// What makes an entry acceptable. Public so a writer can check before it starts a change; the log
/// applies the same rules and refuses what fails them.
/// </summary>
public static class AuditEntryRules
{
    public const int MaxTextLength = 200;
    public const int MaxDetailEntries = 16;
    public const int MaxDetailValueLength = 256;
    public const int MaxDetailTotalLength = 2048;

    /// <summary>
    /// Keys that name secrets or direct identifiers of a person, compared after removing '-', '_' and
    /// case: these anywhere in the key ("new_password", "residentNumber")...
    /// </summary>
    private static readonly string[] DeniedKeyParts =
    [
        "password", "passwd", "secret", "token", "credential", "privatekey",
        "residentnumber", "registrationnumber", "jumin", "passport", "cardnumber", "accountnumber",
    ];

    /// <summary>...and these at the end of the key ("api_key", "rrn"), where they are not part of another word.</summary>
    private static readonly string[] DeniedKeyEndings = ["key", "pin", "otp", "ssn", "rrn", "cvc", "cvv"];

    public static IReadOnlyDictionary<string, string[]> Validate(AuditEntry? entry)
    {
        var errors = new Dictionary<string, string[]>();
        if (entry is null)
        {
            errors["entry"] = ["The entry is missing."];
            return errors;
        }

        if (entry.Time == default)
        {
            errors["time"] = ["The time is required."];
        }

        if (entry.Actor is null)
        {
            errors["actor"] = ["The actor is required."];
        }
        else
        {
            Text(errors, "actor.id", entry.Actor.Id, required: true);
            if (!Enum.IsDefined(entry.Actor.Kind))
            {
                errors["actor.kind"] = ["The actor kind is unknown."];
            }

            Text(errors, "actor.agency", entry.Actor.Agency, required: entry.Actor.Kind == AuditActorKind.Official);
            Text(errors, "actor.role", entry.Actor.Role, required: entry.Actor.Kind == AuditActorKind.Official);
        }

        Text(errors, "action", entry.Action, required: true);
        if (entry.Subject is null)
        {
            errors["subject"] = ["The subject is required."];
        }
        else
        {
            Text(errors, "subject.type", entry.Subject.Type, required: true);
            Text(errors, "subject.id", entry.Subject.Id, required: true);
        }

        Text(errors, "purpose", entry.Purpose, required: false);
        Text(errors, "outcome", entry.Outcome, required: true);
        Text(errors, "correlationId", entry.CorrelationId, required: false);
        Text(errors, "module", entry.Module, required: true);
        if (entry.Detail is not null)
        {
            ValidateDetail(errors, entry.Detail);
        }

        return errors;
    }

    private static void ValidateDetail(Dictionary<string, string[]> errors, IReadOnlyDictionary<string, string> detail)
    {
        var problems = new List<string>();
        if (detail.Count > MaxDetailEntries)
        {
            problems.Add($"At most {MaxDetailEntries} detail entries are allowed.");
        }

        var total = 0;
        foreach (var (key, value) in detail)
        {
            total += key.Length + (value?.Length ?? 0);
            if (string.IsNullOrWhiteSpace(key) || key.Length > 64)
            {
                problems.Add("Detail keys must be 1 to 64 characters.");
            }
            else if (IsDenied(key))
            {
                problems.Add($"'{key}' looks like a secret or a personal identifier; audit details must not carry it.");
            }

            if (value is null || value.Length > MaxDetailValueLength)
            {
                problems.Add($"The value of '{key}' must be present and at most {MaxDetailValueLength} characters.");
            }
        }

        if (total > MaxDetailTotalLength)
        {
            problems.Add($"The detail may hold at most {MaxDetailTotalLength} characters in all; record identifiers, not records.");
        }

        if (problems.Count > 0)
        {
            errors["detail"] = [.. problems.Distinct()];
        }
    }

    private static bool IsDenied(string key)
    {
        var normalized = key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        return DeniedKeyParts.Any(part => normalized.Contains(part, StringComparison.Ordinal))
            || DeniedKeyEndings.Any(end => normalized.EndsWith(end, StringComparison.Ordinal));
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = [$"The {field} is required."];
            }

            return;
        }

        if (value.Length > MaxTextLength)
        {
            errors[field] = [$"The {field} must be at most {MaxTextLength} characters."];
        }
    }
}
