namespace Nara.Registries.Domain;

/// <summary>School levels a graduation can be recorded at (학력).</summary>
public enum SchoolLevel
{
    Elementary = 1,
    Middle = 2,
    High = 3,
    College = 4,
    University = 5,
    Graduate = 6,
}

/// <summary>
/// A graduation (졸업) as the schools report it to the education ministry (MOE 교육부, NEIS and the higher-education
/// register). Only the demo personas have them: the generated population has no education records.
/// </summary>
internal sealed class SchoolGraduation
{
    public long Id { get; set; }

    public long ResidentId { get; set; }

    public required string SchoolNameKo { get; set; }

    public required string SchoolNameEn { get; set; }

    public SchoolLevel Level { get; set; }

    public DateOnly GraduatedOn { get; set; }
}
