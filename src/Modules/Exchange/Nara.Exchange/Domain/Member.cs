namespace Nara.Exchange.Domain;

/// <summary>
/// A member of the exchange: an agency, or a private organisation an administrator approved. Identified as
/// X-Road does, <c>INSTANCE/CLASS/CODE</c> (e.g. <c>KR/GOV/MOIS</c>).
/// </summary>
internal sealed class Member
{
    public required string Id { get; set; }

    public required string Instance { get; set; }

    /// <summary>See <see cref="MemberClasses"/>.</summary>
    public required string MemberClass { get; set; }

    public required string Code { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The Nara agency code for agencies; null for private organisations.</summary>
    public string? AgencyCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Subsystem> Subsystems { get; } = [];
}

public static class MemberClasses
{
    /// <summary>Government agencies.</summary>
    public const string Government = "GOV";

    /// <summary>Companies approved to consume services (with the citizen's consent).</summary>
    public const string Commercial = "COM";

    /// <summary>Non-profit organisations.</summary>
    public const string NonProfit = "ORG";

    public static IReadOnlyList<string> All { get; } = [Government, Commercial, NonProfit];
}
