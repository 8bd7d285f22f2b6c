namespace Nara.Consent.Domain;

/// <summary>
/// What a controller asks an individual to agree to (GovStack Consent BB <c>DataAgreement</c>), with what
/// MyData practice adds: the recipients, the validity of a consent, one-time or periodic delivery, and how
/// to withdraw. Every change bumps <see cref="Version"/> and appends a revision; consent records keep the
/// revision (and its hash) they were given to.
/// </summary>
internal sealed class DataAgreement
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    /// <summary>The controller: an agency code, with its display name and web address.</summary>
    public required string ControllerId { get; set; }

    public required string ControllerName { get; set; }

    public string? ControllerUrl { get; set; }

    public Guid? PolicyId { get; set; }

    /// <summary>Purpose in plain English (GovStack <c>purpose</c>).</summary>
    public required string Purpose { get; set; }

    /// <summary>The same in Korean, for the citizen's dashboard.</summary>
    public required string PurposeKo { get; set; }

    /// <summary>Machine code a request names (e.g. <c>once-only-prefill</c>); compared exactly by the verifier.</summary>
    public required string PurposeCode { get; set; }

    public required string LawfulBasis { get; set; }

    /// <summary><c>data-source</c> (the controller gives data) or <c>data-using-service</c> (it receives data).</summary>
    public string DataUse { get; set; } = "data-source";

    public string? Dpia { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Records under a forgettable agreement are erased on the individual's request.</summary>
    public bool Forgettable { get; set; }

    /// <summary>draft | complete; only complete agreements take consent.</summary>
    public string Lifecycle { get; set; } = "complete";

    /// <summary>one-time | periodic.</summary>
    public string Delivery { get; set; } = "one-time";

    /// <summary>For periodic delivery: every this many days.</summary>
    public int? DeliveryIntervalDays { get; set; }

    /// <summary>How long a consent lasts from when it was given; null means until withdrawn.</summary>
    public int? ValidityDays { get; set; }

    /// <summary>How long the recipient may keep the data.</summary>
    public int RetentionDays { get; set; }

    /// <summary>Who may receive the data: agency codes or OAuth client ids, as JSON array.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The data items, as JSON.</summary>
    public List<DataAttribute> Attributes { get; set; } = [];

    public bool Deleted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool TakesConsent => Active && !Deleted && Lifecycle == DataAgreementLifecycles.Complete;
}

/// <summary>One data item of an agreement. Sensitive items are shown as such to the citizen.</summary>
internal sealed record DataAttribute(string Name, string Description, string DescriptionKo, bool Sensitivity, string Category);

internal static class LawfulBases
{
    public static IReadOnlyList<string> All { get; } =
        ["consent", "legal_obligation", "contract", "vital_interest", "public_task", "legitimate_interest"];
}

internal static class DataAgreementLifecycles
{
    public const string Draft = "draft";
    public const string Complete = "complete";
}
