using Nara.Registries.Contracts;

namespace Nara.Eligibility.Batch;

/// <summary>
/// The population as the rules read it: the registries' columns plus the two inputs no registry holds,
/// three-valued as on the citizen's page (HouseholdSituation): pregnancy unknown for women and false for
/// men, the education benefit unknown for every household.
/// </summary>
internal sealed class BatchInput
{
    public required PopulationColumns Population { get; init; }

    public required byte[] Pregnant { get; init; }

    public required byte[] ReceivesEducationBenefit { get; init; }

    /// <summary>Per person, months of youth rent support already paid before the month (null = none for anyone).</summary>
    public int[]? YouthRentMonthsReceived { get; init; }

    /// <summary>Per person, months of the jobseeking allowance already paid before the month (null = none for anyone).</summary>
    public int[]? EmploymentMonthsReceived { get; init; }

    /// <param name="grants">Months already paid per resident, for the benefits with a maximum (<see cref="Features.BenefitGrants"/>).</param>
    public static BatchInput FromRegistries(PopulationColumns population, Features.MonthsPaid? grants = null)
    {
        var pregnant = new byte[population.Persons];
        for (var p = 0; p < pregnant.Length; p++)
        {
            pregnant[p] = population.Female[p] ? Tri.Unknown : Tri.No;
        }

        var education = new byte[population.Households];
        Array.Fill(education, Tri.Unknown);
        return new BatchInput
        {
            Population = population, Pregnant = pregnant, ReceivesEducationBenefit = education,
            YouthRentMonthsReceived = grants?.Column(population, "youth_rent_support"),
            EmploymentMonthsReceived = grants?.Column(population, "employment_support"),
        };
    }
}

/// <summary>
/// Column per benefit (<see cref="BatchBenefits.All"/> order): per-person benefits have one entry per
/// person, household benefits one per household. Amounts are KRW per month, 0 when not eligible,
/// -1 when unknown. <see cref="Age"/> is each person's age on the first day of the month (-1 = not yet born).
/// </summary>
internal sealed class BatchResult(int persons, int households)
{
    public byte[][] Eligible { get; } = [.. BatchBenefits.All.Select(b => new byte[b.PerPerson ? persons : households])];

    public long[][] Amount { get; } = [.. BatchBenefits.All.Select(b => new long[b.PerPerson ? persons : households])];

    public int[] Age { get; } = new int[persons];

    /// <summary>Age in completed months on the first day of the month (-1 = not yet born).</summary>
    public int[] AgeMonths { get; } = new int[persons];

    public long Determinations { get; set; }
}
