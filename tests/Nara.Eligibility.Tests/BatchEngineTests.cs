using Microsoft.Extensions.DependencyInjection;
using Nara.Eligibility.Batch;
using Nara.Eligibility.Engine;
using Nara.Eligibility.Features;
using Nara.Registries.Contracts;
using Nara.Testing;

namespace Nara.Eligibility.Tests;

/// <summary>The whole-population engine against the per-household engine, on the seeded demo population (1,500 residents and the personas).</summary>
public sealed class BatchEngineTests(NaraFactory factory) : IClassFixture<NaraFactory>
{
    [Theory]
    [InlineData("2026-03", 8, false)]
    [InlineData("2026-03", 8, true)] // months already paid of youth rent and employment support: 0–13 by resident
    [InlineData("2025-06", 4, false)]
    [InlineData("2025-01", 4, false)] // before most income assessments: income rules are unknown
    public async Task The_batch_engine_gives_every_resident_and_benefit_the_same_result_and_amount_as_the_per_household_engine(string monthText, int rulesWithEligibleResidents, bool grants)
    {
        Assert.True(Period.TryParse(monthText, out var month));
        await using var scope = factory.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<RuleSet>();
        var population = await scope.ServiceProvider.GetRequiredService<IPopulationFacts>().ReadAsync(month.Start, null, CancellationToken.None);
        var single = scope.ServiceProvider.GetRequiredService<IBenefitFacts>();
        var paid = grants ? Grants(rules, population, month) : null;
        var batch = BatchEngine.Evaluate(rules, BatchInput.FromRegistries(population, paid), month);

        Assert.True(population.Persons > 1_500);
        var compared = 0;
        var eligibleSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < population.Households; h++)
        {
            var first = population.FirstMember[h];
            var facts = await single.ForResidentAsync(population.ResidentId[first], month.Start, CancellationToken.None);
            Assert.NotNull(facts);
            var situation = HouseholdSituation.From(facts, month, paid);
            var simulation = new Simulation(rules, situation);
            foreach (var benefit in BatchBenefits.All)
            {
                var indices = benefit.PerPerson
                    ? Enumerable.Range(first, population.FirstMember[h + 1] - first).Select(p => (Batch: p, Single: situation.Persons.FindIndex(x => x.Id == population.ResidentId[p].ToString(System.Globalization.CultureInfo.InvariantCulture))))
                    : [(h, 0)];
                foreach (var (b, s) in indices)
                {
                    var expected = simulation.Compute(benefit.EligibleVariable, s, month).Value as bool?;
                    var actual = Tri.ToBool(batch.Eligible[benefit.Index][b]);
                    Assert.True(expected == actual, $"{benefit.Id} for household {population.HouseholdId[h]} member {b}: per-household {expected}, batch {actual}");
                    if (benefit.HasAmount)
                    {
                        var amount = simulation.Compute(benefit.Id, s, month).Value as long?;
                        Assert.Equal(amount ?? -1, batch.Amount[benefit.Index][b]);
                    }

                    if (actual == true)
                    {
                        eligibleSeen.Add(benefit.Id);
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared >= population.Persons * BatchBenefits.PersonCount);
        Assert.True(eligibleSeen.Count >= rulesWithEligibleResidents, "the population exercises most rules: " + string.Join(", ", eligibleSeen));
    }

    /// <summary>Every resident granted both benefits with a maximum, paid from 0 to 13 months before the month.</summary>
    private static MonthsPaid Grants(RuleSet rules, PopulationColumns population, Period month)
    {
        var first = new Dictionary<(long, string), DateOnly>();
        foreach (var resident in population.ResidentId)
        {
            first[(resident, "youth_rent_support")] = month.Start.AddMonths(-(int)(resident % 14));
            first[(resident, "employment_support")] = month.Start.AddMonths(-(int)((resident + 3) % 14));
        }

        return new MonthsPaid(first, month, MonthsPaid.Benefits(rules));
    }
}
