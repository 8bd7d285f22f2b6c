namespace Nara.Exchange.Domain;

/// <summary>An information system of a member (<c>KR/GOV/MOIS/registries</c>); services and clients are subsystems.</summary>
internal sealed class Subsystem
{
    public required string Id { get; set; }

    public required string MemberId { get; set; }

    public required string Code { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
