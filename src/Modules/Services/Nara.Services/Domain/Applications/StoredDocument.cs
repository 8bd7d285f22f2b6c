namespace Nara.Services.Domain.Applications;

/// <summary>
/// A file belonging to an application: an upload for a file field, or a generated decision letter.
/// The bytes live under the data directory (never a public folder); only the applicant and the
/// case's agency can download them.
/// </summary>
internal sealed class StoredDocument
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>"upload" or "decision-letter".</summary>
    public required string Kind { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Hex SHA-256 of the bytes, checked on download.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal static class DocumentKinds
{
    public const string Upload = "upload";
    public const string DecisionLetter = "decision-letter";
}
