namespace Nara.Consent.Domain;

/// <summary>The legal frame data agreements point to (GovStack Consent BB <c>Policy</c>). Every change is a new revision.</summary>
internal sealed class Policy
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public string Jurisdiction { get; set; } = "KR";

    public string? IndustrySector { get; set; }

    public int DataRetentionPeriodDays { get; set; }

    public string? GeographicRestriction { get; set; }

    public string? StorageLocation { get; set; }

    /// <summary>Whether data under this policy may be shared with third parties (GovStack's <c>thirdPartyDataSharing</c>).</summary>
    public bool ThirdPartyDataSharing { get; set; }

    /// <summary>The agency whose administrators may change it.</summary>
    public required string Owner { get; set; }

    public bool Deleted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
