using Nara.Eligibility.Engine;

namespace Nara.Eligibility.Batch;

/// <summary>
/// The 12 demo rules over a whole population, column-wise: one pass over households (in chunks, in
/// parallel on every core), each household's members contiguous, every input a flat array. Same rules,
/// parameters and three-valued logic as the per-household engine (Rules/*.cs); the Eligibility tests
/// compare the two on every resident × benefit of the seeded population. No SIMD: the loop is dominated
/// by per-person date arithmetic and branches on a few bytes; vectorising it measured no gain worth the code.
/// </summary>
internal static class BatchEngine
{
    private const int ChunkHouseholds = 4_096;

    public static BatchResult Evaluate(RuleSet rules, BatchInput input, Period month, IProgress<(long Done, long Total)>? progress = null)
    {
        var parameters = new BatchParameters(rules, month);
        var population = input.Population;
        var result = new BatchResult(population.Persons, population.Households);
        var chunks = (population.Households + ChunkHouseholds - 1) / ChunkHouseholds;
        long done = 0;
        Parallel.For(0, chunks, chunk =>
        {
            var from = chunk * ChunkHouseholds;
            var to = Math.Min(population.Households, from + ChunkHouseholds);
            var calendar = new MonthCalendar(month);
            for (var h = from; h < to; h++)
            {
                HouseholdRules.Evaluate(input, parameters, calendar, h, result);
            }

            progress?.Report((Interlocked.Add(ref done, to - from), population.Households));
        });

        result.Determinations = (long)population.Persons * BatchBenefits.All.Count;
        return result;
    }
}

/// <summary>The month evaluated as integers, so ages are a few subtractions (Rules/Derived.cs's definition).</summary>
internal readonly struct MonthCalendar
{
    public MonthCalendar(Period month)
    {
        Year = month.Start.Year;
        MonthOfYear = month.Start.Month;
        StartDay = month.Start.DayNumber;
        EndDay = month.End.DayNumber;
        ChildCutoff = month.Start.AddYears(-18).DayNumber;
    }

    public int Year { get; }

    public int MonthOfYear { get; }

    public int StartDay { get; }

    public int EndDay { get; }

    /// <summary>Born after this day: under 18 on the first day, so one of the household's children.</summary>
    public int ChildCutoff { get; }

    /// <summary>Completed (years, months) on the first day; (-1, -1) if born after the month; (0, 0) if born during it.</summary>
    public (int Years, int Months) Age(int birthDay)
    {
        if (birthDay > EndDay)
        {
            return (-1, -1);
        }

        if (birthDay >= StartDay)
        {
            return (0, 0);
        }

        var birth = DateOnly.FromDayNumber(birthDay);
        var notFirst = birth.Day > 1 ? 1 : 0; // the first day of the month is before the birthday's day
        var months = ((Year - birth.Year) * 12) + MonthOfYear - birth.Month - notFirst;
        var years = Year - birth.Year - (MonthOfYear < birth.Month || (MonthOfYear == birth.Month && notFirst == 1) ? 1 : 0);
        return (years, months);
    }
}
