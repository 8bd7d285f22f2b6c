namespace Nara.Registries.Domain;

/// <summary>Motor vehicle register (자동차등록원부, MOLIT).</summary>
internal sealed class Vehicle
{
    public long Id { get; set; }

    public required string PlateNumber { get; set; }

    public long OwnerResidentId { get; set; }

    public required string Model { get; set; }

    public DateOnly FirstRegisteredOn { get; set; }

    public DateOnly? LastInspectionOn { get; set; }
}

/// <summary>Driver licence (운전면허, KoROAD).</summary>
internal sealed class DriverLicence
{
    public long ResidentId { get; set; }

    public required string LicenceNumber { get; set; }

    /// <summary>"1종 보통", "2종 보통", …</summary>
    public required string Class { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly RenewalDueOn { get; set; }
}

/// <summary>Passport (여권, MOFA).</summary>
internal sealed class Passport
{
    public long ResidentId { get; set; }

    public required string PassportNumber { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }
}

/// <summary>Business registration (사업자등록, NTS).</summary>
internal sealed class Business
{
    public long Id { get; set; }

    /// <summary>"NNN-NN-NNNNN" with the NTS check digit.</summary>
    public required string RegistrationNumber { get; set; }

    public required string NameKo { get; set; }

    public long OwnerResidentId { get; set; }

    public long AddressId { get; set; }

    public required string Industry { get; set; }

    public DateOnly OpenedOn { get; set; }
}

/// <summary>A public body: owner of a registry, employer of officials, later a member of the exchange.</summary>
internal sealed class Agency
{
    public required string Code { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    public AgencyKind Kind { get; set; }

    /// <summary>For local governments, the 시군구 or 시도 code they serve.</summary>
    public string? DivisionCode { get; set; }
}
