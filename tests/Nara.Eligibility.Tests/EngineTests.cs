using Nara.Eligibility.Engine;
using Nara.Eligibility.Rules;
using ValueType = Nara.Eligibility.Engine.ValueType;

namespace Nara.Eligibility.Tests;

public sealed class EngineTests
{
    private static readonly RuleSet Rules = NaraRules.Create();
    private static readonly Period June = Period.OfMonth(2025, 6);

    private static Simulation Alone(DateOnly? birth, long? income)
    {
        var situation = new Situation();
        var person = situation.AddPerson("ana");
        if (birth is { } b)
        {
            person.Set("birth", Period.Eternity, b);
        }

        var household = situation.AddHousehold("home");
        situation.Join(0, 0, Entities.Adult);
        if (income is { } i)
        {
            household.Set("recognised_income", June, i);
        }

        return new Simulation(Rules, situation);
    }

    [Theory]
    [InlineData("2025-06", PeriodUnit.Month)]
    [InlineData("2025", PeriodUnit.Year)]
    [InlineData("ETERNITY", PeriodUnit.Eternity)]
    [InlineData("eternity", PeriodUnit.Eternity)]
    public void Periods_are_read_as_openfisca_writes_them(string text, PeriodUnit unit)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(unit, period.Unit);
    }

    [Theory]
    [InlineData("2025-6")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-06-01")]
    [InlineData("June 2025")]
    [InlineData("month:2025-06")]
    [InlineData("")]
    [InlineData("0000")]
    public void Malformed_periods_are_refused_rather_than_guessed(string text) =>
        Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void A_refusal_names_the_failing_condition_with_the_values_and_the_law()
    {
        var explanation = Alone(new DateOnly(1950, 3, 1), 2_610_000).Explain("basic_pension_eligible", 0, June)!;

        Assert.False(explanation.Result);
        Assert.Equal("income 2,610,000 is above the limit 2,280,000 (기초연금법 시행령, 2025)", explanation.Failed!.TextEn);
        Assert.Equal("소득 2,610,000원이 한도 2,280,000원을 초과합니다 (기초연금법 시행령, 2025)", explanation.Failed.TextKo);
        Assert.Contains(explanation.Conditions, c => c is { Id: "age", Holds: true, TextEn: "age 75 is 65 or over" });
        var limit = Assert.Single(explanation.Parameters, p => p.Id == "basic_pension.income_limit_single");
        Assert.Equal(new DateOnly(2025, 1, 1), limit.Since);
        Assert.Equal("https://www.law.go.kr/법령/기초연금법시행령", limit.Reference.Href);
    }

    [Fact]
    public void A_missing_input_makes_the_result_unknown_and_is_named()
    {
        var simulation = Alone(new DateOnly(1950, 3, 1), income: null);

        var explanation = simulation.Explain("basic_pension_eligible", 0, June)!;

        Assert.Null(explanation.Result);
        Assert.Equal(["households/home/recognised_income/2025-06"], explanation.Missing);
        Assert.Null(simulation.Compute("basic_pension", 0, June).Value);
    }

    [Fact]
    public void A_failing_condition_decides_even_when_another_input_is_missing()
    {
        var explanation = Alone(new DateOnly(1990, 3, 1), income: null).Explain("basic_pension_eligible", 0, June)!;

        Assert.False(explanation.Result);
        Assert.Empty(explanation.Missing);
        Assert.Equal("age 35 is not 65 or over", explanation.Failed!.TextEn);
    }

    [Fact]
    public void A_reform_overlays_dated_parameter_values_without_touching_the_law_in_force()
    {
        var reform = new Reform("pension-2026", "기초연금 선정기준 상향", "Higher pension limit", new Dictionary<string, IReadOnlyList<DatedValue>>
        {
            ["basic_pension.income_limit_single"] = [new DatedValue(new DateOnly(2025, 6, 1), 2_700_000m)],
        });
        var reformed = Rules.With(reform);

        Assert.Equal(2_700_000m, reformed.Parameter("basic_pension.income_limit_single", new DateOnly(2025, 6, 1)).Value);
        Assert.Equal(2_280_000m, reformed.Parameter("basic_pension.income_limit_single", new DateOnly(2025, 5, 1)).Value);
        Assert.Equal(2_280_000m, Rules.Parameter("basic_pension.income_limit_single", new DateOnly(2025, 6, 1)).Value);
        var situation = Alone(new DateOnly(1950, 3, 1), 2_610_000).Situation;
        Assert.Equal(true, new Simulation(reformed, situation).Compute("basic_pension_eligible", 0, June).Value);
    }

    [Fact]
    public void A_formula_that_depends_on_itself_is_reported_as_circular()
    {
        var rules = new RuleSet("loop", [
            new Variable { Name = "a", ValueType = ValueType.Int, Entity = Entities.Person, DefinitionPeriod = PeriodUnit.Month, LabelKo = "a", LabelEn = "a", Formulas = [new(DateOnly.MinValue, c => c.Get<long>("b"), "b")] },
            new Variable { Name = "b", ValueType = ValueType.Int, Entity = Entities.Person, DefinitionPeriod = PeriodUnit.Month, LabelKo = "b", LabelEn = "b", Formulas = [new(DateOnly.MinValue, c => c.Get<long>("a"), "a")] },
        ], []);
        var situation = new Situation();
        situation.AddPerson("x");

        var error = Assert.Throws<CircularDefinitionException>(() => new Simulation(rules, situation).Compute("a", 0, June));
        Assert.Equal("a<2025-06>", error.Key);
    }

    [Fact]
    public void Every_benefit_variable_has_a_legal_reference_and_a_service_where_one_applies()
    {
        foreach (var variable in Rules.Variables.Values.Where(v => !v.IsInput))
        {
            Assert.NotNull(variable.Reference);
            Assert.StartsWith("https://www.law.go.kr/", variable.Reference!.Href, StringComparison.Ordinal);
        }

        Assert.All(Rules.Variables.Values.Where(v => v.Name.EndsWith("_eligible", StringComparison.Ordinal)), v => Assert.NotNull(v.ServiceSlug));
        Assert.Equal(12, Rules.Variables.Keys.Count(k => k.EndsWith("_eligible", StringComparison.Ordinal)));
    }
}
