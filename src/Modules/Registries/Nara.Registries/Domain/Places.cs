namespace Nara.Registries.Domain;

/// <summary>시도 / 시군구 / 읍면동 with the 10-digit administrative code (행정표준코드) and a representative point.</summary>
internal sealed class AdminDivision
{
    public required string Code { get; set; }

    public DivisionLevel Level { get; set; }

    public string? ParentCode { get; set; }

    public required string NameKo { get; set; }

    public required string NameEn { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }
}

/// <summary>A road-name address (도로명주소) in a neighbourhood, with WGS84 coordinates.</summary>
internal sealed class Address
{
    public long Id { get; set; }

    /// <summary>The 읍면동 code.</summary>
    public required string DivisionCode { get; set; }

    public required string RoadAddressKo { get; set; }

    public required string RoadAddressEn { get; set; }

    public required string PostalCode { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }
}
