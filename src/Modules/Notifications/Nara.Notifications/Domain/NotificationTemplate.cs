namespace Nara.Notifications.Domain;

/// <summary>
/// One version of a template. Saving a template adds a version; messages record the version they were
/// rendered from, so an edit never changes what was already sent.
/// </summary>
internal sealed class NotificationTemplate
{
    /// <summary>Dotted id, owner first: "identity.enrolment-code", "nhis.checkup-due".</summary>
    public required string Id { get; set; }

    public int Version { get; set; }

    /// <summary>The agency that owns it ("NARA" for templates of Nara's own modules).</summary>
    public required string AgencyCode { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required string SubjectKo { get; set; }

    public required string BodyKo { get; set; }

    /// <summary>A shorter text for SMS; the body is used when absent.</summary>
    public string? SmsBodyKo { get; set; }

    public string? SubjectEn { get; set; }

    public string? BodyEn { get; set; }

    public string? SmsBodyEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
