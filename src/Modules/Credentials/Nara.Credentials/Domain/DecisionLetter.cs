namespace Nara.Credentials.Domain;

/// <summary>
/// A case decision the applicant may collect as a decision-letter credential, recorded when Services publishes
/// <c>ApplicationDecided</c>. Holds what the letter states (no registry data): the applicant's name is read when it is issued.
/// </summary>
internal sealed class DecisionLetter
{
    public Guid CaseId { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The Identity account that applied; only it may collect the letter.</summary>
    public Guid ApplicantAccountId { get; set; }

    public long? ApplicantResidentId { get; set; }

    public string ServiceSlug { get; set; } = "";

    public string ServiceNameKo { get; set; } = "";

    public string ServiceNameEn { get; set; } = "";

    public string Agency { get; set; } = "";

    /// <summary>approved | rejected.</summary>
    public string Decision { get; set; } = "";

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>When the applicant first collected it as a credential; null while pending.</summary>
    public DateTimeOffset? CollectedAt { get; set; }
}
