namespace Nara.Audit.Contracts;

/// <summary>An append was refused; <see cref="Errors"/> names each field and what is wrong with it.</summary>
public sealed class AuditEntryRejectedException : Exception
{
    public AuditEntryRejectedException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public AuditEntryRejectedException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public AuditEntryRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public AuditEntryRejectedException(IReadOnlyDictionary<string, string[]> errors)
        : base("The audit entry was refused: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
