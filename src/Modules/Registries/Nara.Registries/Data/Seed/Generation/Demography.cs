namespace Nara.Registries.Data.Seed.Generation;

/// <summary>
/// The shape of synthetic Korea (2025-ish, Statistics Korea figures rounded): the age pyramid, who lives
/// alone, who lives as a couple, and how old parents are when their children are born.
/// </summary>
internal static class Demography
{
    /// <summary>Residents by five-year age group in thousands, 0–4 … 95–99 (median age ~46, 65+ ~20%).</summary>
    public static readonly double[] Pyramid =
        [1_200, 1_850, 2_300, 2_250, 2_500, 3_300, 3_450, 3_200, 3_900, 4_000, 4_350, 4_150, 4_150, 3_500, 2_500, 1_800, 1_350, 700, 280, 80];

    /// <summary>Household size shares: 1 ~35%, 2 ~29%, 3 ~19%, 4 ~13%, 5+ ~4%.</summary>
    public static readonly Weighted<int> HouseholdSize = new([(1, 34.0), (2, 29.5), (3, 19.0), (4, 12.8), (5, 3.3), (6, 0.6)]);

    /// <summary>Age of people living alone: many in their twenties and thirties, many women over 70.</summary>
    public static readonly Weighted<int> AloneAgeGroup = Groups(new double[] { 0, 0, 0, 0.5, 7, 9, 9, 8, 6.5, 6.5, 7, 8, 10, 9, 6, 5.5, 4.5, 2.2, 0.8, 0.2 });

    /// <summary>Age of the older partner in a couple living without children.</summary>
    public static readonly Weighted<int> CoupleAgeGroup = Groups(new double[] { 0, 0, 0, 0, 0.5, 4, 5, 3, 2.5, 3, 5, 9, 17, 17, 14, 10, 7, 3.5, 1.2, 0.3 });

    /// <summary>Age of the eldest child still living with a parent: pyramid × share living with parents.</summary>
    public static readonly Weighted<int> EldestChildAge = new(Enumerable.Range(0, 45).Select(a => (a, Pyramid[a / 5] * LivesWithParents(a))));

    /// <summary>Share of each age still living with a parent (younger siblings are added on top of the eldest).</summary>
    private static double LivesWithParents(int age) => age switch
    {
        < 2 => 0.55,
        < 18 => 1.0,
        < 25 => 0.8,
        < 30 => 0.55,
        < 35 => 0.3,
        < 40 => 0.12,
        _ => 0.04,
    };

    public static int AgeIn(Weighted<int> groups, SeedRandom random) => (groups.Sample(random) * 5) + random.Next(5);

    private static Weighted<int> Groups(double[] weights) => new(weights.Select((w, i) => (i, w)));
}
